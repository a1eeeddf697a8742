#pragma once
// The bones as distance fields, one shape per named bone, each carried by one joint of the skeleton.
#include <string>
#include <vector>

#include "body/anatomy_context.h"
#include "body/sdf.h"

namespace fascia::body {

struct BoneShape {
  std::string name;  // "femur.l", "vertebra_t7", "rib_5.r", "hip_bone.l", "skull"
  int joint = -1;    // the joint the bone moves with
  Sdf sdf;
  float step = 0.003f;  // sampling step for polygonising, metres
  size_t target_triangles = 1500;
};

std::vector<BoneShape> make_bone_shapes(const AnatomyContext& c);

// Union of every bone's primitives (no blending between bones), for keeping muscles off the bones.
Sdf bones_union(const std::vector<BoneShape>& bones);

}  // namespace fascia::body

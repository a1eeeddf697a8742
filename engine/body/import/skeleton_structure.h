#pragma once
// The humanoid read from the shape of a skeleton alone, for rigs whose bone names match no table (a
// Blender metarig, names in another language, numbered bones): the legs are the two chains reaching
// the floor on either side, the pelvis is where they meet the chain going up, the head is the
// topmost bone of that upward chain (below the crown), the chest is where the two arms branch off it,
// and along each limb the joints are placed by position and length. Internal to the importer.
#include <map>
#include <string>
#include <vector>

#include "body/import/raw_rig.h"

namespace fascia::body::import_detail {

struct StructuralJoint {
  int bone = -1;           // index into RawRig::bones
  std::string how;         // what found it, in words ("topmost bone of the upward chain, below the crown")
  float confidence = 0.f;  // 0..1: how clear the evidence was (symmetry of the sides, joints where expected)
};

struct SkeletonStructure {
  std::map<std::string, StructuralJoint> joints;  // canonical id → bone
  std::string refusal;                            // why the shape is not humanoid; empty when it is
};

// `positions` are the bones' positions already turned Y up (left taken as +X, the figure facing +Z);
// `figure_top` is the highest point of the figure (mesh or bones) in the same frame. Only kept bones
// (kept[i] != 0) take part; dropped ones are spliced out of the hierarchy.
SkeletonStructure infer_skeleton_structure(const RawRig& rig, const std::vector<vec3>& positions,
                                           const std::vector<char>& kept, float figure_top);

}  // namespace fascia::body::import_detail

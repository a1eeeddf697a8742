#pragma once
// Landmarks carried from the canonical figure onto an imported one. Each landmark is held by its
// joint (or, when that joint is unmapped, the nearest mapped ancestor): its offset from the joint on
// the canonical figure is turned by the rotation that takes the canonical segment onto the imported
// one (joint towards the next mapped joint down the limb) and scaled by the ratio of their lengths.
// Both figures stand Y up facing +Z, so the twist about the segment needs no bone roll from the rig.
#include <map>
#include <string>
#include <vector>

#include "body/import/canonical_reference.h"
#include "body/import/import_model.h"

namespace fascia::body::import_detail {

struct RetargetResult {
  std::vector<PlacedLandmark> landmarks;
  std::vector<std::string> on_ancestor;  // landmark ids placed by an ancestor of their joint
};

// `joint_of`: canonical id → index into `joints`. `height`: the imported figure's stature in metres.
RetargetResult retarget_landmarks(const CanonicalReference& ref, const std::map<std::string, int>& joint_of,
                                  const std::vector<ImportedJoint>& joints, double height);

// The rotation taking direction a onto direction b by the shortest arc.
quat rotation_between(vec3 a, vec3 b);

}  // namespace fascia::body::import_detail

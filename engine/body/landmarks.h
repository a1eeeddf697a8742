#pragma once
// Landmarks: the bony stations of the myofascial lines (docs/ids.md), each a point fixed to one joint's
// bone, placed where that structure is on a real skeleton.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "body/skeleton.h"

namespace fascia::body {

struct Landmark {
  std::string id;    // "calcaneus.l", "occipital_ridge"
  int joint = -1;    // the bone it lies on
  vec3 local{0.0f};  // position in that joint's frame
};

// Every landmark of docs/ids.md, both sides, for the built-in skeleton.
// `trunk_corrected` false: as laid out before the thorax's depth correction (body/trunk_depth.h), for
// generating the body's tissues, which are corrected once finished.
std::vector<Landmark> make_landmarks(const Skeleton& skeleton, bool trunk_corrected = true);

// The landmark with id `id`, or nullptr.
const Landmark* find_landmark(const std::vector<Landmark>& landmarks, std::string_view id);

// World position of a landmark given the joints' world transforms (from world_transforms()).
vec3 landmark_world(const Landmark& landmark, const std::vector<mat4>& world);

// World position of landmark `id` in `pose`; empty when the id is unknown.
std::optional<vec3> landmark_position(const Skeleton& skeleton, const std::vector<Landmark>& landmarks,
                                      std::string_view id, const Pose& pose);

}  // namespace fascia::body

#pragma once
// What the shape builders (bones, muscles, skin) share: the rest-pose skeleton and landmarks, and
// helpers to place points in fractions of stature on either side.
#include <string>
#include <vector>

#include "body/landmarks.h"
#include "body/skeleton.h"

namespace fascia::body {

struct AnatomyContext {
  const Skeleton& skeleton;
  const std::vector<Landmark>& landmarks;
  std::vector<vec3> joint_rest;  // (njoint) rest positions
  float H = 1.75f;               // stature
  float W = 1.0f;                // skeletal width factor
  float soft = 1.0f;             // soft-tissue factor of the build (0.8 slender .. 1.25 broad)

  AnatomyContext(const Skeleton& s, const std::vector<Landmark>& l)
      : skeleton(s),
        landmarks(l),
        joint_rest(s.rest_positions()),
        H(s.params.height),
        W(skeletal_width(s.params)),
        soft(0.8f + 0.45f * s.params.build) {}

  // Rest position of joint `name` (with side suffix if any); the origin when absent.
  vec3 j(const std::string& name) const {
    int i = skeleton.find(name);
    return i >= 0 ? joint_rest[i] : vec3(0.0f);
  }
  int joint(const std::string& name) const { return skeleton.find(name); }
  vec3 lm(const std::string& id) const {
    const Landmark* l = find_landmark(landmarks, id);
    return l ? vec3(glm::translate(mat4(1.0f), joint_rest[l->joint]) * vec4(l->local, 1.0f)) : vec3(0.0f);
  }
  // A point at fractions of stature; x mirrored by `side` (+1 left, -1 right) and widened by build.
  vec3 f(float x, float y, float z, float side = 1.0f) const { return {side * x * H * W, y * H, z * H}; }
  float r(float fraction) const { return fraction * H; }
};

inline const char* suffix(float side) {
  return side > 0.0f ? ".l" : ".r";
}

}  // namespace fascia::body

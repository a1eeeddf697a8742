#pragma once
// The canonical humanoid skeleton: the 68 joints of docs/ids.md, proportioned from Winter's segment
// fractions of stature (after Drillis and Contini), parametric in height and build.
//
// Frames. Every joint's rest frame is aligned with the body's axes (rest_rotation is the identity for
// every joint of the built-in skeleton; the field exists for imported rigs): X = the body's left,
// Y = up, Z = anterior. A pose rotates a joint about those axes of its own (posed) frame:
//   X: flexion/extension (a positive angle tips the segment's +Y end forward: trunk flexion, knee
//      flexion, shoulder extension; hip and shoulder flexion are negative),
//   Y: axial rotation, Z: abduction/adduction and side bending.
// The left side's limits are given; the right side's are its mirror (Y and Z ranges negated).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/math.h"

namespace fascia::body {

struct BodyParams {
  float height = 1.75f;  // stature in metres, 1.50 .. 2.00
  float build = 0.5f;    // 0 slender .. 1 broad: scales widths and soft-tissue thickness

  bool operator==(const BodyParams&) const = default;
};

// Clamps height and build into their supported ranges.
BodyParams clamp_params(BodyParams p);

struct Joint {
  std::string name;
  int parent = -1;        // index of the parent joint; parents precede children
  vec3 rest_local{0.0f};  // offset from the parent's origin in the parent's frame, rest pose
  quat rest_rotation{1.0f, 0.0f, 0.0f, 0.0f};  // rest orientation relative to the parent
  vec3 limit_min_deg{0.0f};  // per-axis rotation limits (X, Y, Z of the joint's frame), degrees
  vec3 limit_max_deg{0.0f};
};

struct Skeleton {
  std::vector<Joint> joints;
  BodyParams params;  // what the built-in skeleton was made from (clamped)

  // Index of the joint named `name`, or -1.
  int find(std::string_view name) const;
  size_t size() const { return joints.size(); }
  // Rest-pose world position of each joint's origin.
  std::vector<vec3> rest_positions() const;
};

inline constexpr int kCanonicalJointCount = 68;

Skeleton make_skeleton(const BodyParams& params);

// Arm joints (humerus and below) and the rest pose's slight abduction of them, for tables of
// positions that follow the skeleton (landmarks); `side` +1 left, -1 right.
bool on_arm(std::string_view joint);
vec3 abduct_arm(vec3 p, float side, const BodyParams& params);

// The factor that scales the skeleton's medio-lateral (x) offsets for a build.
float skeletal_width(const BodyParams& params);

// A pose: one local rotation per joint (applied after rest_rotation), and an offset of the root.
// An empty local_rotation means the rest pose.
struct Pose {
  std::vector<quat> local_rotation;  // (njoint)
  vec3 root_offset{0.0f};
};

Pose rest_pose(const Skeleton& skeleton);

// Local rotation from per-axis angles in degrees: applied X first, then Z, then Y
// (q = qY * qZ * qX), the order the limits refer to.
quat rotation_from_degrees(vec3 degrees);

// The inverse of rotation_from_degrees (angles in (-180, 180], the Z angle within +-90).
vec3 degrees_from_rotation(quat q);

// World transform of every joint: parent world * translate(rest_local) * rotate(rest * local).
std::vector<mat4> world_transforms(const Skeleton& skeleton, const Pose& pose);

}  // namespace fascia::body

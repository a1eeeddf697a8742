#pragma once
// The canonical humanoid as the importer needs it: the 68 joints of docs/ids.md with their parents
// and neutral-pose positions, and the landmarks as (joint, position). Retargeting works from these
// world positions, so it is independent of how any rig orients its bone frames.
// Built once from the body's own skeleton and landmarks (skeleton.h, landmarks.h) at 1.75 m.
#include <string>
#include <string_view>
#include <vector>

#include "core/math.h"

namespace fascia::body::import_detail {

struct CanonicalJointRef {
  std::string id;
  std::string parent;  // empty for the root
  vec3 position{0};    // neutral pose, metres, Y up, +Z anterior, +X the body's left
};

struct CanonicalLandmarkRef {
  std::string id;
  std::string joint;
  vec3 position{0};
};

struct CanonicalReference {
  double stature = 1.75;
  std::vector<CanonicalJointRef> joints;
  std::vector<CanonicalLandmarkRef> landmarks;

  const CanonicalJointRef* joint(std::string_view id) const;
};

// The joints alone (ids and parents), in parent-first order.
const std::vector<CanonicalJointRef>& canonical_joint_list();

const CanonicalReference& canonical_reference();

// The joints that a rig must map to count as a humanoid.
const std::vector<std::string>& core_joints();

// The joints, in order of preference, towards which a joint's segment points (femur → tibia, then
// talus). Empty for joints whose frame is the body's (pelvis, skull) or that end a chain.
const std::vector<std::string>& segment_end(std::string_view joint);

}  // namespace fascia::body::import_detail

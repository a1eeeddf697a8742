#include "body/import/retarget.h"

#include <cmath>

namespace fascia::body::import_detail {

quat rotation_between(vec3 a, vec3 b) {
  const float la = glm::length(a), lb = glm::length(b);
  if (!(la > 0) || !(lb > 0)) return quat(1, 0, 0, 0);
  a /= la;
  b /= lb;
  const float d = glm::dot(a, b);
  if (d > 1.0f - 1e-6f) return quat(1, 0, 0, 0);
  if (d < -1.0f + 1e-6f) {
    // Opposite: half a turn about any axis perpendicular to a.
    vec3 axis = glm::cross(a, vec3(1, 0, 0));
    if (glm::length(axis) < 1e-3f) axis = glm::cross(a, vec3(0, 0, 1));
    axis = glm::normalize(axis);
    return quat(0, axis.x, axis.y, axis.z);
  }
  const vec3 c = glm::cross(a, b);
  return glm::normalize(quat(1.0f + d, c.x, c.y, c.z));
}

namespace {

struct Frame {
  int joint = -1;  // index into joints
  quat rotation{1, 0, 0, 0};
  float scale = 1;
};

}  // namespace

RetargetResult retarget_landmarks(const CanonicalReference& ref, const std::map<std::string, int>& joint_of,
                                  const std::vector<ImportedJoint>& joints, double height) {
  RetargetResult out;
  const float stature_ratio = static_cast<float>(height / ref.stature);
  auto mapped = [&](const std::string& id) {
    auto it = joint_of.find(id);
    return it == joint_of.end() ? -1 : it->second;
  };
  auto imported = [&](const std::string& id) { return joints[mapped(id)].position(); };
  auto canonical = [&](const std::string& id) { return ref.joint(id)->position; };
  auto nearest_mapped_ancestor = [&](std::string id) -> std::string {
    while (!id.empty() && mapped(id) < 0) {
      const CanonicalJointRef* j = ref.joint(id);
      id = j ? j->parent : std::string();
    }
    return id;
  };

  // How the segment held by a canonical joint sits on the imported figure.
  auto frame_of = [&](const std::string& id) {
    Frame f;
    f.joint = mapped(id);
    f.scale = stature_ratio;
    auto from_pair = [&](const std::string& a, const std::string& b) {
      const vec3 dc = canonical(b) - canonical(a);
      const vec3 di = imported(b) - imported(a);
      const float lc = glm::length(dc), li = glm::length(di);
      if (!(lc > 1e-6f) || !(li > 1e-6f)) return false;
      f.rotation = rotation_between(dc, di);
      f.scale = li / lc;
      return true;
    };
    for (const std::string& end : segment_end(id))
      if (mapped(end) >= 0 && from_pair(id, end)) return f;
    if (id == "pelvis" && mapped("femur.l") >= 0 && mapped("femur.r") >= 0) {
      // The pelvis is as wide as the hips are apart; no turn, the body frames agree.
      const float wc = glm::length(canonical("femur.l") - canonical("femur.r"));
      const float wi = glm::length(imported("femur.l") - imported("femur.r"));
      if (wc > 1e-6f && wi > 1e-6f) f.scale = wi / wc;
      return f;
    }
    // The end of a chain (toes, distal phalanges): the segment that leads into it.
    const CanonicalJointRef* j = ref.joint(id);
    if (segment_end(id).empty() && j && !j->parent.empty() && id != "skull" && id != "mandible") {
      const std::string parent = nearest_mapped_ancestor(j->parent);
      if (!parent.empty() && from_pair(parent, id)) return f;
    }
    return f;
  };

  std::map<std::string, Frame> frames;
  for (const CanonicalLandmarkRef& l : ref.landmarks) {
    const std::string on = nearest_mapped_ancestor(l.joint);
    if (on.empty()) continue;
    auto it = frames.find(on);
    if (it == frames.end()) it = frames.emplace(on, frame_of(on)).first;
    const Frame& f = it->second;
    PlacedLandmark p;
    p.id = l.id;
    p.joint = l.joint;
    p.placed_on = on;
    p.source_joint = f.joint;
    p.position = joints[f.joint].position() + f.scale * (f.rotation * (l.position - canonical(on)));
    p.local = vec3(glm::inverse(joints[f.joint].bind_world) * vec4(p.position, 1.0f));
    if (on != l.joint) out.on_ancestor.push_back(l.id);
    out.landmarks.push_back(std::move(p));
  }
  return out;
}

}  // namespace fascia::body::import_detail

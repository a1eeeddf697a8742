#include "body/import/retarget.h"

#include <algorithm>
#include <cmath>
#include <functional>

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
  // The point the offsets are measured from, on each figure: the joint, or for the pelvis the
  // midpoint of the hips (rigs put their "hips" bone anywhere from the sacrum to below the hips).
  vec3 anchor_canonical{0};
  vec3 anchor_imported{0};
};

// Segments shorter than this turn too freely with a rig's joint placement (a scapula bone a few
// centimetres long); they take their turn and scale from the segment above.
constexpr float kShortSegment = 0.06f;

}  // namespace

RetargetResult retarget_landmarks(const CanonicalReference& ref, const std::map<std::string, int>& joint_of,
                                  const std::vector<ImportedJoint>& joints, double height) {
  RetargetResult out;
  const float stature_ratio = static_cast<float>(height / ref.stature);
  // The head from its joint to the crown, which stylised figures exaggerate (within reason: a
  // cartoon head is not taken as a skull three times life size).
  float head_ratio = stature_ratio;
  if (joint_of.count("skull")) {
    const float hc = static_cast<float>(ref.stature) - ref.joint("skull")->position.y;
    const float hi = static_cast<float>(height) - joints[joint_of.at("skull")].position().y;
    if (hc > 0 && hi > 0) head_ratio = std::clamp(hi / hc, 0.75f * stature_ratio, 1.5f * stature_ratio);
  }
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
  std::function<Frame(const std::string&)> frame_of = [&](const std::string& id) {
    Frame f;
    f.joint = mapped(id);
    f.scale = stature_ratio;
    f.anchor_canonical = canonical(id);
    f.anchor_imported = imported(id);
    bool short_segment = false;
    auto from_pair = [&](const std::string& a, const std::string& b) {
      const vec3 dc = canonical(b) - canonical(a);
      const vec3 di = imported(b) - imported(a);
      const float lc = glm::length(dc), li = glm::length(di);
      if (!(lc > 1e-6f) || !(li > 1e-6f)) return false;
      if (lc < kShortSegment) {
        short_segment = true;
        return false;
      }
      // A standing figure's feet are flat on the floor whatever its rig says about the toes (a
      // stylised foot bone can point steeply down): a foot segment turns only about the vertical.
      const bool foot = id.rfind("talus", 0) == 0 || id.rfind("midfoot", 0) == 0 ||
                        id.rfind("metatarsals", 0) == 0 || id.rfind("toes", 0) == 0;
      const vec3 flat(1, 0, 1);
      f.rotation = foot ? rotation_between(dc * flat, di * flat) : rotation_between(dc, di);
      f.scale = li / lc;
      return true;
    };
    for (const std::string& end : segment_end(id))
      if (mapped(end) >= 0 && from_pair(id, end)) return f;
    if (id == "pelvis") {
      if (mapped("femur.l") >= 0 && mapped("femur.r") >= 0) {
        // No turn (the body frames agree); as wide as the hips are apart.
        const vec3 lc = canonical("femur.l"), rc = canonical("femur.r");
        const vec3 li = imported("femur.l"), ri = imported("femur.r");
        f.anchor_canonical = 0.5f * (lc + rc);
        f.anchor_imported = 0.5f * (li + ri);
        if (glm::distance(lc, rc) > 1e-6f && glm::distance(li, ri) > 1e-6f)
          f.scale = glm::distance(li, ri) / glm::distance(lc, rc);
      }
      return f;
    }
    if (id == "skull" || id == "mandible") {
      f.scale = head_ratio;
      return f;
    }
    const CanonicalJointRef* j = ref.joint(id);
    const std::string parent = j && !j->parent.empty() ? nearest_mapped_ancestor(j->parent) : std::string();
    // The end of a chain (toes, distal phalanges): the segment that leads into it.
    if (segment_end(id).empty() && !parent.empty() && from_pair(parent, id)) return f;
    if (short_segment && !parent.empty()) {
      Frame above = frame_of(parent);
      f.rotation = above.rotation;
      f.scale = above.scale;
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
    p.position = f.anchor_imported + f.scale * (f.rotation * (l.position - f.anchor_canonical));
    p.local = vec3(glm::inverse(joints[f.joint].bind_world) * vec4(p.position, 1.0f));
    if (on != l.joint) out.on_ancestor.push_back(l.id);
    out.landmarks.push_back(std::move(p));
  }
  return out;
}

}  // namespace fascia::body::import_detail

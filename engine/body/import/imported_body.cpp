#include "body/import/imported_body.h"

#include <set>

namespace fascia::body {

ImportedBody imported_body(const ImportedModel& model) {
  ImportedBody out;
  const Skeleton canonical = make_skeleton(BodyParams{});
  std::vector<std::string> canonical_of(model.joints.size());
  for (const JointMatch& m : model.report.mapped)
    if (m.joint >= 0 && m.joint < static_cast<int>(model.joints.size())) canonical_of[m.joint] = m.canonical;

  std::set<std::string> canonical_ids;
  for (const Joint& j : canonical.joints) canonical_ids.insert(j.name);
  Skeleton& sk = out.skeleton;
  sk.params.height = static_cast<float>(model.report.height_m);
  for (size_t i = 0; i < model.joints.size(); ++i) {
    const ImportedJoint& src = model.joints[i];
    Joint j;
    if (!canonical_of[i].empty()) {
      j.name = canonical_of[i];
      const int c = canonical.find(j.name);
      if (c >= 0) {
        j.limit_min_deg = canonical.joints[c].limit_min_deg;
        j.limit_max_deg = canonical.joints[c].limit_max_deg;
      }
    } else {
      // A source bone that happens to carry a canonical id without being mapped to it keeps it apart.
      j.name = canonical_ids.count(src.name) ? "source:" + src.name : src.name;
    }
    j.parent = src.parent;
    const vec3 parent_position = src.parent >= 0 ? model.joints[src.parent].position() : vec3(0);
    j.rest_local = src.position() - parent_position;
    sk.joints.push_back(std::move(j));
  }
  for (const PlacedLandmark& l : model.landmarks) {
    if (l.source_joint < 0 || l.source_joint >= static_cast<int>(model.joints.size())) continue;
    out.landmarks.push_back({l.id, l.source_joint, l.position - model.joints[l.source_joint].position()});
  }
  return out;
}

}  // namespace fascia::body

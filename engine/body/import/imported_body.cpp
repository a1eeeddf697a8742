#include "body/import/imported_body.h"

#include <glm/gtx/quaternion.hpp>

#include <algorithm>
#include <array>
#include <set>

#include "body/import/canonical_reference.h"

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

Body imported_as_body(const ImportedModel& model) {
  ImportedBody ib = imported_body(model);
  Body body;
  body.params.height = static_cast<float>(model.report.height_m);
  body.skeleton = std::move(ib.skeleton);
  body.landmarks = std::move(ib.landmarks);
  const int pelvis = std::max(model.joint_of("pelvis"), 0);
  for (const ImportedMesh& src : model.meshes) {
    if (src.positions.empty() || src.indices.empty()) continue;
    BodyMesh m;
    m.name = src.name.empty() ? "skin" : "skin " + src.name;
    m.layer = Layer::Skin;
    m.positions = src.positions;
    m.indices = src.indices;
    const size_t n = src.positions.size();
    m.joints.assign(n, glm::u16vec4(pelvis, 0, 0, 0));
    m.weights.assign(n, vec4(1, 0, 0, 0));
    if (src.joints.size() == n && src.weights.size() == n) {
      for (size_t v = 0; v < n; ++v) {
        std::array<std::pair<float, int>, 4> w;
        float sum = 0;
        for (int k = 0; k < 4; ++k) {
          const bool used = src.joints[v][k] >= 0 && src.weights[v][k] > 0;
          w[k] = {used ? src.weights[v][k] : 0.0f, used ? src.joints[v][k] : 0};
          sum += w[k].first;
        }
        if (!(sum > 0)) continue;  // carried by the pelvis
        std::sort(w.begin(), w.end(), [](auto& a, auto& b) { return a.first > b.first; });
        for (int k = 0; k < 4; ++k) {
          m.joints[v][k] = static_cast<uint16_t>(w[k].second);
          m.weights[v][k] = w[k].first / sum;
        }
      }
    }
    // Smooth normals, area-weighted, so the skin shades as a surface.
    m.normals.assign(n, vec3(0));
    for (size_t i = 0; i + 2 < m.indices.size(); i += 3) {
      const uint32_t a = m.indices[i], b = m.indices[i + 1], c = m.indices[i + 2];
      if (a >= n || b >= n || c >= n) continue;
      const vec3 f = glm::cross(m.positions[b] - m.positions[a], m.positions[c] - m.positions[a]);
      m.normals[a] += f, m.normals[b] += f, m.normals[c] += f;
    }
    for (vec3& nrm : m.normals) nrm = glm::length(nrm) > 0 ? glm::normalize(nrm) : vec3(0, 1, 0);
    body.meshes.push_back(std::move(m));
  }
  const std::vector<mat4> rest = world_transforms(body.skeleton, rest_pose(body.skeleton));
  body.inverse_bind.resize(rest.size());
  for (size_t i = 0; i < rest.size(); ++i) body.inverse_bind[i] = glm::inverse(rest[i]);
  return body;
}

namespace {

// The rotation of each joint of `to` that turns its rest segment (towards the first mapped joint of
// segment_end) onto the direction the same segment has in `from` at rest: a T-posed arm onto the
// canonical arm hanging at the side. Joints without such a segment take their parent's.
std::vector<quat> rest_corrections(const Skeleton& from, const Skeleton& to) {
  const std::vector<vec3> pf = from.rest_positions(), pt = to.rest_positions();
  std::vector<quat> c(to.size(), quat(1, 0, 0, 0));
  for (size_t i = 0; i < to.size(); ++i) {
    if (to.joints[i].parent >= 0) c[i] = c[to.joints[i].parent];
    const int fi = from.find(to.joints[i].name);
    if (fi < 0) continue;
    for (const std::string& end : import_detail::segment_end(to.joints[i].name)) {
      const int te = to.find(end), fe = from.find(end);
      if (te < 0 || fe < 0) continue;
      const vec3 dt = pt[te] - pt[i], df = pf[fe] - pf[fi];
      if (glm::length(dt) > 1e-6f && glm::length(df) > 1e-6f)
        c[i] = glm::rotation(glm::normalize(dt), glm::normalize(df));
      break;
    }
  }
  return c;
}

}  // namespace

Movement retarget_movement(const Movement& movement, const Skeleton& from, const Skeleton& to) {
  // Each mapped joint of `to` takes the world orientation its canonical joint has in the pose, after
  // its rest segment is turned onto the canonical one; joints of `to` without a canonical joint turn
  // with their parent. Bends of canonical joints the rig lacks (five lumbar joints onto one) are in
  // the world orientations of the joints above them, so none is lost and none tips the root.
  const std::vector<quat> correction = rest_corrections(from, to);
  std::vector<int> source(to.size(), -1);
  for (size_t i = 0; i < to.size(); ++i) source[i] = from.find(to.joints[i].name);
  Movement out = movement;
  for (size_t k = 0; k < movement.key_angles.size(); ++k) {
    std::vector<quat> world_from(from.size());
    for (size_t j = 0; j < from.size(); ++j) {
      const quat local = j < movement.key_angles[k].size() ? rotation_from_degrees(movement.key_angles[k][j])
                                                           : quat(1, 0, 0, 0);
      const int parent = from.joints[j].parent;
      world_from[j] = (parent >= 0 ? world_from[parent] : quat(1, 0, 0, 0)) * local;
    }
    std::vector<quat> world_to(to.size());
    std::vector<vec3> angles(to.size(), vec3(0));
    for (size_t i = 0; i < to.size(); ++i) {
      const int parent = to.joints[i].parent;
      const quat up = parent >= 0 ? world_to[parent] : quat(1, 0, 0, 0);
      world_to[i] = source[i] >= 0 ? world_from[source[i]] * correction[i] : up;
      angles[i] = degrees_from_rotation(glm::inverse(up) * world_to[i]);
    }
    out.key_angles[k] = std::move(angles);
  }
  return out;
}

}  // namespace fascia::body

#include "scene/track_anchors.h"

#include <cmath>

namespace fascia::scene {

namespace {

// Barycentric coordinates of the point of triangle abc nearest to p (Ericson, Real-Time Collision
// Detection 5.1.5).
vec3 closest_on_triangle(vec3 p, vec3 a, vec3 b, vec3 c) {
  const vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return {1, 0, 0};
  const vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return {0, 1, 0};
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const float v = d1 / (d1 - d3);
    return {1 - v, v, 0};
  }
  const vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return {0, 0, 1};
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const float w = d2 / (d2 - d6);
    return {1 - w, 0, w};
  }
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
    const float w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
    return {0, 1 - w, w};
  }
  const float denom = 1.0f / (va + vb + vc);
  const float v = vb * denom, w = vc * denom;
  return {1 - v - w, v, w};
}

}  // namespace

const body::BodyMesh* tissue_mesh(const body::Body& body, const std::string& tissue,
                                  const std::string& track_id) {
  if (track_id.ends_with(".l") || track_id.ends_with(".r"))
    if (const body::BodyMesh* m = body.find_mesh(tissue + track_id.substr(track_id.size() - 2))) return m;
  return body.find_mesh(tissue);
}

TrackAnchors anchor_tracks(const body::Body& body, const atlas::ResolvedAtlas& resolved, float lift) {
  TrackAnchors out;
  for (const atlas::ResolvedTrack& t : resolved.tracks) {
    std::vector<int> meshes;
    for (const std::string& tissue : t.tissues)
      if (const body::BodyMesh* m = tissue_mesh(body, tissue, t.id))
        meshes.push_back(int(m - body.meshes.data()));
    std::vector<TrackAnchors::Anchor> anchors(t.path.size());
    for (size_t k = 0; k < t.path.size() && !meshes.empty(); ++k) {
      const vec3 p = t.path[k].world;
      float best = INFINITY;
      for (int mi : meshes) {
        const body::BodyMesh& m = body.meshes[size_t(mi)];
        for (size_t t = 0; t + 2 < m.indices.size(); t += 3) {
          const uint32_t i0 = m.indices[t], i1 = m.indices[t + 1], i2 = m.indices[t + 2];
          const vec3 bary = closest_on_triangle(p, m.positions[i0], m.positions[i1], m.positions[i2]);
          const vec3 q = bary.x * m.positions[i0] + bary.y * m.positions[i1] + bary.z * m.positions[i2];
          // The outer face: a triangle facing away from the point (the face on the bone, as near
          // under a thin sheet) counts 1 cm further.
          const vec3 normal =
              glm::cross(m.positions[i1] - m.positions[i0], m.positions[i2] - m.positions[i0]);
          const float dist = glm::length(p - q) + (glm::dot(p - q, normal) < 0.0f ? 0.01f : 0.0f);
          if (dist < best) {
            best = dist;
            anchors[k] = {mi, {i0, i1, i2}, bary, lift};
          }
        }
      }
    }
    out.tracks.push_back(std::move(anchors));
  }
  return out;
}

atlas::ResolvedAtlas pose_tracks(const body::Body& body, const TrackAnchors& anchors,
                                 const atlas::ResolvedAtlas& resolved, const std::vector<mat4>& skinning) {
  atlas::ResolvedAtlas posed = resolved;
  for (size_t i = 0; i < posed.tracks.size() && i < anchors.tracks.size(); ++i)
    for (size_t k = 0; k < posed.tracks[i].path.size() && k < anchors.tracks[i].size(); ++k) {
      const TrackAnchors::Anchor& a = anchors.tracks[i][k];
      if (a.mesh < 0) continue;
      const body::BodyMesh& m = body.meshes[size_t(a.mesh)];
      vec3 p(0.0f), n(0.0f);
      for (int c = 0; c < 3; ++c) {
        const uint32_t v = a.vertex[c];
        mat4 blend(0.0f);
        for (int j = 0; j < 4; ++j)
          if (m.weights[v][j] > 0.0f) blend += skinning[m.joints[v][j]] * m.weights[v][j];
        p += a.bary[c] * vec3(blend * vec4(m.positions[v], 1.0f));
        n += a.bary[c] * (mat3(blend) * m.normals[v]);
      }
      const float len = glm::length(n);
      n = len > 1e-6f ? n / len : vec3(0.0f);
      posed.tracks[i].path[k].world = p + n * a.lift;
    }
  // The stations sit on their bones and move with them.
  for (atlas::ResolvedStation& st : posed.stations) {
    const int j = body.skeleton.find(st.at.joint);
    if (j >= 0 && size_t(j) < skinning.size())
      st.at.world = vec3(skinning[size_t(j)] * vec4(st.at.world, 1.0f));
  }
  return posed;
}

}  // namespace fascia::scene

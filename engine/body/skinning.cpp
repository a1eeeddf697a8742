#include "body/skinning.h"

#include "body/mesher.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fascia::body {

namespace {

struct Segment {
  int joint;
  vec3 a, b;
};

// Each joint's bone as a segment from its origin to its main child (or on along its parent's
// direction for the ends of chains).
std::vector<Segment> bone_segments(const Skeleton& s) {
  const std::vector<vec3> p = s.rest_positions();
  std::vector<Segment> out;
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string& name = s.joints[i].name;
    vec3 end(0.0f);
    int n = 0;
    for (size_t k = 0; k < s.size(); ++k) {
      if (s.joints[k].parent != static_cast<int>(i)) continue;
      const std::string& child = s.joints[k].name;
      // Side branches do not define the bone's axis.
      if (child.starts_with("patella") || child.starts_with("heel") || child.starts_with("clavicle") ||
          child == "mandible" || child.starts_with("thumb_1") || child.starts_with("femur"))
        continue;
      if (name.starts_with("hand") && !child.starts_with("middle_1")) continue;
      end += p[k];
      ++n;
    }
    if (n > 0) {
      end /= float(n);
    } else if (name == "skull") {
      end = p[i] + vec3(0, 0.08f * s.params.height, 0.01f * s.params.height);
    } else if (name.starts_with("heel")) {
      end = p[i] + vec3(0, 0, -0.012f * s.params.height);
    } else if (s.joints[i].parent >= 0) {
      end = p[i] + (p[i] - p[s.joints[i].parent]) * 0.7f;
    } else {
      end = p[i];
    }
    if (name == "pelvis") end = p[i] + vec3(0, -0.04f * s.params.height, 0);
    // The patella rides in front of the knee and takes no skin of its own: the skin there follows
    // the femur and the tibia.
    if (name.starts_with("patella")) continue;
    out.push_back({static_cast<int>(i), p[i], end});
  }
  return out;
}

float segment_distance(vec3 p, const Segment& s) {
  const vec3 ab = s.b - s.a;
  const float l2 = glm::dot(ab, ab);
  const float t = l2 > 0 ? std::clamp(glm::dot(p - s.a, ab) / l2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (s.a + t * ab));
}

}  // namespace

void compute_skin_weights(const Skeleton& skeleton, BodyMesh& mesh,
                          const std::function<bool(size_t, int)>& allow) {
  const std::vector<Segment> segs = bone_segments(skeleton);
  mesh.joints.assign(mesh.positions.size(), glm::u16vec4(0));
  mesh.weights.assign(mesh.positions.size(), vec4(0.0f));
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    std::array<std::pair<float, int>, 4> best;
    best.fill({INFINITY, 0});
    for (const Segment& s : segs) {
      if (allow && !allow(v, s.joint)) continue;
      const float d = segment_distance(mesh.positions[v], s);
      if (d < best[3].first) {
        best[3] = {d, s.joint};
        std::sort(best.begin(), best.end());
      }
    }
    // Weights fall with the fourth power of distance relative to the nearest bone, and vanish for
    // bones more than twice as far as the nearest, so distant bones never pull the skin.
    const float d0 = std::max(best[0].first, 1e-4f);
    float w[4], sum = 0.0f;
    for (int k = 0; k < 4; ++k) {
      const float r = std::max(best[k].first, 1e-4f) / d0;
      const float fall = std::clamp((2.0f - r) / 1.0f, 0.0f, 1.0f);
      w[k] = std::isfinite(r) ? fall * fall / (r * r * r * r) : 0.0f;
      sum += w[k];
    }
    for (int k = 0; k < 4; ++k) {
      mesh.joints[v][k] = static_cast<uint16_t>(w[k] > 0.0f ? best[k].second : 0);
      mesh.weights[v][k] = w[k] / sum;
    }
  }
}

void smooth_skin_weights(size_t joint_count, BodyMesh& mesh, int iterations) {
  const size_t n = mesh.positions.size();
  if (n == 0 || iterations <= 0) return;
  const Adjacency adj = vertex_adjacency(mesh.indices, n);
  const std::vector<uint32_t>& start = adj.start;

  // Dense weights (nvertex x njoint), averaged with the neighbours' each round.
  std::vector<float> w(n * joint_count, 0.0f), next(n * joint_count);
  for (size_t v = 0; v < n; ++v)
    for (int k = 0; k < 4; ++k) w[v * joint_count + mesh.joints[v][k]] += mesh.weights[v][k];
  for (int it = 0; it < iterations; ++it) {
    for (size_t v = 0; v < n; ++v) {
      float* out = &next[v * joint_count];
      const float* self = &w[v * joint_count];
      const uint32_t b = start[v], e = start[v + 1];
      const float share = e > b ? 0.5f / float(e - b) : 0.0f;
      for (size_t j = 0; j < joint_count; ++j) out[j] = (e > b ? 0.5f : 1.0f) * self[j];
      for (uint32_t k = b; k < e; ++k) {
        const float* nb = &w[size_t(adj.neighbour[k]) * joint_count];
        for (size_t j = 0; j < joint_count; ++j) out[j] += share * nb[j];
      }
    }
    w.swap(next);
  }
  for (size_t v = 0; v < n; ++v) {
    std::array<std::pair<float, int>, 4> best;
    best.fill({0.0f, 0});
    for (size_t j = 0; j < joint_count; ++j) {
      const float x = w[v * joint_count + j];
      if (x > best[3].first) {
        best[3] = {x, static_cast<int>(j)};
        std::sort(best.begin(), best.end(), [](auto& a, auto& b) { return a.first > b.first; });
      }
    }
    float sum = 0.0f;
    for (auto& b : best) sum += b.first;
    for (int k = 0; k < 4; ++k) {
      mesh.joints[v][k] = static_cast<uint16_t>(best[k].first > 0.0f ? best[k].second : 0);
      mesh.weights[v][k] = sum > 0.0f ? best[k].first / sum : (k == 0 ? 1.0f : 0.0f);
    }
  }
}

std::vector<mat4> skinning_matrices(const Body& body, const Pose& pose) {
  std::vector<mat4> world = world_transforms(body.skeleton, pose);
  for (size_t i = 0; i < world.size() && i < body.inverse_bind.size(); ++i)
    world[i] = world[i] * body.inverse_bind[i];
  return world;
}

std::vector<vec3> skin_positions(const BodyMesh& mesh, const std::vector<mat4>& skinning) {
  std::vector<vec3> out(mesh.positions.size());
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    mat4 m(0.0f);
    for (int k = 0; k < 4; ++k)
      if (mesh.weights[v][k] > 0.0f) m += skinning[mesh.joints[v][k]] * mesh.weights[v][k];
    out[v] = vec3(m * vec4(mesh.positions[v], 1.0f));
  }
  return out;
}

std::vector<vec3> skin_positions(const Body& body, const BodyMesh& mesh, const Pose& pose) {
  return skin_positions(mesh, skinning_matrices(body, pose));
}

float worst_edge_stretch(const BodyMesh& mesh, const std::vector<vec3>& posed, vec3 centre, float radius) {
  // Edges shorter than the mesh's median edge count as median-long: a sliver edge growing from
  // 0.5 mm to 3 mm is no tear, while a typical edge growing threefold is.
  std::vector<float> lengths;
  for (size_t t = 0; t < mesh.indices.size(); t += 3)
    lengths.push_back(glm::length(mesh.positions[mesh.indices[t]] - mesh.positions[mesh.indices[t + 1]]));
  if (lengths.empty()) return 1.0f;
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
  const float median = lengths[lengths.size() / 2];
  float worst = 1.0f;
  for (size_t t = 0; t < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
      if (radius > 0.0f && glm::length(0.5f * (mesh.positions[a] + mesh.positions[b]) - centre) > radius)
        continue;
      const float rest = std::max(glm::length(mesh.positions[a] - mesh.positions[b]), median);
      worst = std::max(worst, glm::length(posed[a] - posed[b]) / rest);
    }
  return worst;
}

}  // namespace fascia::body

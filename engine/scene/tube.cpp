#include "scene/tube.h"

#include <algorithm>
#include <cmath>

namespace fascia::scene {
namespace {

vec3 any_perpendicular(vec3 t) {
  vec3 a = std::abs(t.x) < 0.9f ? vec3(1, 0, 0) : vec3(0, 1, 0);
  return glm::normalize(glm::cross(t, a));
}

// Centripetal Catmull-Rom between p1 and p2 (alpha = 0.5: no cusps or self-intersections).
vec3 catmull_rom(vec3 p0, vec3 p1, vec3 p2, vec3 p3, float u) {
  auto knot = [](float t, vec3 a, vec3 b) { return t + std::max(1e-6f, std::sqrt(glm::length(b - a))); };
  float t0 = 0, t1 = knot(t0, p0, p1), t2 = knot(t1, p1, p2), t3 = knot(t2, p2, p3);
  float t = t1 + (t2 - t1) * u;
  vec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
  vec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
  vec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
  vec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
  vec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
  return (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2;
}

}  // namespace

std::vector<vec3> smooth_path(std::span<const vec3> p, int per_segment) {
  std::vector<vec3> out;
  if (p.size() < 3 || per_segment <= 1) return {p.begin(), p.end()};
  size_t n = p.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    vec3 p0 = i == 0 ? 2.0f * p[0] - p[1] : p[i - 1];
    vec3 p3 = i + 2 >= n ? 2.0f * p[n - 1] - p[n - 2] : p[i + 2];
    for (int s = 0; s < per_segment; ++s)
      out.push_back(catmull_rom(p0, p[i], p[i + 1], p3, float(s) / per_segment));
  }
  out.push_back(p[n - 1]);
  return out;
}

namespace {
constexpr int kCapRings = 2;  // a few millimetres across: two rings read as round
}  // namespace

std::vector<size_t> simplify_path(std::span<const vec3> path, float tolerance, float max_spacing) {
  if (path.size() <= 2) {
    std::vector<size_t> all(path.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
  }
  std::vector<float> along(path.size(), 0.0f);
  for (size_t i = 1; i < path.size(); ++i) along[i] = along[i - 1] + glm::distance(path[i - 1], path[i]);
  std::vector<bool> keep(path.size(), false);
  keep.front() = keep.back() = true;
  // Iterative Douglas-Peucker: split a span at its farthest point while that is out of tolerance
  // or the span is too long.
  std::vector<std::pair<size_t, size_t>> spans{{0, path.size() - 1}};
  while (!spans.empty()) {
    auto [a, b] = spans.back();
    spans.pop_back();
    if (b <= a + 1) continue;
    const vec3 p = path[a], d = path[b] - path[a];
    const float len2 = glm::dot(d, d);
    size_t worst = a + 1;
    float worst_dist = -1;
    for (size_t i = a + 1; i < b; ++i) {
      const float t = len2 > 0 ? std::clamp(glm::dot(path[i] - p, d) / len2, 0.0f, 1.0f) : 0.0f;
      const float dist = glm::distance(path[i], p + t * d);
      if (dist > worst_dist) {
        worst_dist = dist;
        worst = i;
      }
    }
    if (worst_dist <= tolerance && along[b] - along[a] <= max_spacing) continue;
    if (worst_dist <= tolerance) {  // straight but long: split at the middle of its length
      const float mid = 0.5f * (along[a] + along[b]);
      worst = a + 1;
      while (worst + 1 < b && along[worst] < mid) ++worst;
    }
    keep[worst] = true;
    spans.push_back({a, worst});
    spans.push_back({worst, b});
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < path.size(); ++i)
    if (keep[i]) out.push_back(i);
  return out;
}

Mesh make_tube(std::span<const vec3> path_in, float radius, int sides, std::vector<float>* arc_length) {
  Mesh m;
  // Drop repeated points: they have no tangent.
  std::vector<vec3> path;
  for (vec3 q : path_in)
    if (path.empty() || glm::distance(path.back(), q) > 1e-6f) path.push_back(q);
  if (path.size() < 2 || sides < 3) return m;
  const float two_pi = 6.28318530718f;
  const int cap_rings = kCapRings;

  std::vector<vec3> tangents(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    vec3 a = path[i > 0 ? i - 1 : 0], b = path[std::min(i + 1, path.size() - 1)];
    tangents[i] = glm::normalize(b - a);
  }
  vec3 normal = any_perpendicular(tangents[0]);
  std::vector<float> ring_u;
  float u = 0;
  auto add_ring = [&](vec3 center, vec3 n, vec3 b, float r, vec3 axis, float axial) {
    for (int j = 0; j < sides; ++j) {
      float a = two_pi * j / sides;
      vec3 radial = std::cos(a) * n + std::sin(a) * b;
      vec3 nrm = glm::normalize(radial * r + axis * axial);
      m.vertices.push_back({center + radial * r, nrm, u});
      if (arc_length) arc_length->push_back(u);
    }
  };
  // Start cap: rings shrinking toward the start point, built back to front.
  {
    vec3 t = tangents[0], b = glm::cross(t, normal);
    for (int k = cap_rings; k >= 1; --k) {
      float phi = 1.5707963f * k / (cap_rings + 1);
      add_ring(path[0] - t * radius * std::sin(phi), normal, b, radius * std::cos(phi), -t, std::sin(phi));
    }
  }
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) {
      u += glm::distance(path[i - 1], path[i]);
      // Parallel transport: rotate the frame by the turn between consecutive tangents.
      vec3 axis = glm::cross(tangents[i - 1], tangents[i]);
      float s = glm::length(axis);
      if (s > 1e-6f) {
        float angle = std::atan2(s, glm::dot(tangents[i - 1], tangents[i]));
        normal = glm::normalize(glm::mat3(glm::rotate(mat4(1), angle, axis / s)) * normal);
      }
      normal = glm::normalize(normal - tangents[i] * glm::dot(normal, tangents[i]));
    }
    add_ring(path[i], normal, glm::cross(tangents[i], normal), radius, tangents[i], 0.0f);
  }
  {
    vec3 t = tangents.back(), b = glm::cross(t, normal);
    for (int k = 1; k <= cap_rings; ++k) {
      float phi = 1.5707963f * k / (cap_rings + 1);
      add_ring(path.back() + t * radius * std::sin(phi), normal, b, radius * std::cos(phi), t, std::sin(phi));
    }
  }
  uint32_t rings = uint32_t(m.vertices.size() / sides);
  for (uint32_t r = 0; r + 1 < rings; ++r)
    for (uint32_t j = 0; j < uint32_t(sides); ++j) {
      uint32_t a = r * sides + j, b = r * sides + (j + 1) % sides;
      uint32_t c = (r + 1) * sides + (j + 1) % sides, d = (r + 1) * sides + j;
      // The ring turns from n toward b = t x n, counter-clockwise about t, so (a, b, c) winds
      // counter-clockwise seen from outside.
      m.indices.insert(m.indices.end(), {a, b, c, a, c, d});
    }
  // Close the ends with fans to the cap tips.
  uint32_t tip0 = uint32_t(m.vertices.size());
  m.vertices.push_back({path[0] - tangents[0] * radius, -tangents[0], 0.0f});
  uint32_t tip1 = tip0 + 1;
  m.vertices.push_back({path.back() + tangents.back() * radius, tangents.back(), u});
  if (arc_length) {
    arc_length->push_back(0);
    arc_length->push_back(u);
  }
  uint32_t last = (rings - 1) * sides;
  for (uint32_t j = 0; j < uint32_t(sides); ++j) {
    m.indices.insert(m.indices.end(), {tip0, (j + 1) % sides, j});
    m.indices.insert(m.indices.end(), {tip1, last + j, last + (j + 1) % sides});
  }
  return m;
}

Mesh make_skinned_tube(std::span<const vec3> path_in, std::span<const SkinInfluence> influence_in,
                       float radius, int sides) {
  // The points make_tube keeps (it drops repeats), with their influences.
  std::vector<vec3> path;
  std::vector<SkinInfluence> influence;
  for (size_t i = 0; i < path_in.size() && i < influence_in.size(); ++i)
    if (path.empty() || glm::distance(path.back(), path_in[i]) > 1e-6f) {
      path.push_back(path_in[i]);
      influence.push_back(influence_in[i]);
    }
  Mesh m = make_tube(path, radius, sides);
  if (m.vertices.empty()) return m;
  // make_tube's layout: kCapRings rings of the start cap, a ring per point, kCapRings rings of the
  // end cap, then the two cap tips.
  const size_t n = path.size(), ring_vertices = (n + 2 * kCapRings) * size_t(sides);
  m.skin.resize(m.vertices.size());
  for (size_t v = 0; v < ring_vertices; ++v) {
    const long ring = long(v / size_t(sides)) - kCapRings;
    m.skin[v] = influence[size_t(std::clamp(ring, 0L, long(n) - 1))];
  }
  m.skin[ring_vertices] = influence.front();
  m.skin[ring_vertices + 1] = influence.back();
  return m;
}

}  // namespace fascia::scene

#pragma once
// Geometry helpers for the import tests: how far a point lies from an imported model's surface and
// from its bones.
#include <algorithm>
#include <cmath>
#include <limits>

#include "body/import/import_model.h"

namespace fascia::test {

inline float distance_to_segment(vec3 p, vec3 a, vec3 b) {
  vec3 ab = b - a;
  float len2 = glm::dot(ab, ab);
  float t = len2 > 0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::distance(p, a + t * ab);
}

// Closest-point distance to triangle abc (Ericson, Real-Time Collision Detection 5.1.5).
inline float distance_to_triangle(vec3 p, vec3 a, vec3 b, vec3 c) {
  vec3 ab = b - a, ac = c - a, ap = p - a;
  float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return glm::distance(p, a);
  vec3 bp = p - b;
  float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return glm::distance(p, b);
  float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::distance(p, a + ab * (d1 / (d1 - d3)));
  vec3 cp = p - c;
  float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return glm::distance(p, c);
  float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::distance(p, a + ac * (d2 / (d2 - d6)));
  float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
    return glm::distance(p, b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6))));
  float denom = 1.0f / (va + vb + vc);
  return glm::distance(p, a + ab * (vb * denom) + ac * (vc * denom));
}

inline float distance_to_surface(const body::ImportedModel& m, vec3 p) {
  float best = std::numeric_limits<float>::infinity();
  for (const auto& mesh : m.meshes)
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
      best = std::min(
          best, distance_to_triangle(p, mesh.positions[mesh.indices[i]], mesh.positions[mesh.indices[i + 1]],
                                     mesh.positions[mesh.indices[i + 2]]));
  return best;
}

// Distance to the nearest bone, a bone being the segment from a joint to its parent.
inline float distance_to_bones(const body::ImportedModel& m, vec3 p) {
  float best = std::numeric_limits<float>::infinity();
  for (const auto& j : m.joints)
    best = std::min(best, j.parent >= 0 ? distance_to_segment(p, j.position(), m.joints[j.parent].position())
                                        : glm::distance(p, j.position()));
  return best;
}

}  // namespace fascia::test

#include "support/inside_mesh.h"

#include <algorithm>
#include <cmath>

namespace fascia::test {

namespace {

// The two coordinates across `axis`.
vec2 across(vec3 p, int axis) {
  switch (axis) {
    case 0:
      return {p.y, p.z};
    case 1:
      return {p.z, p.x};
    default:
      return {p.x, p.y};
  }
}

}  // namespace

float point_triangle_distance(vec3 p, vec3 a, vec3 b, vec3 c) {
  // Ericson, Real-Time Collision Detection 5.1.5.
  const vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return glm::length(p - a);
  const vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return glm::length(p - b);
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
  const vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return glm::length(p - c);
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
    return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
  const float denom = 1.0f / (va + vb + vc);
  return glm::length(p - (a + ab * (vb * denom) + ac * (vc * denom)));
}

InsideMesh::InsideMesh(const std::vector<vec3>& positions, const std::vector<uint32_t>& indices, float cell)
    : pos_(positions), idx_(indices), cell_(cell) {
  vec3 lo(INFINITY), hi(-INFINITY);
  for (const vec3& p : positions) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  lo -= vec3(cell);
  hi += vec3(cell);
  const size_t ntri = indices.size() / 3;
  for (int axis = 0; axis < 3; ++axis) {
    Bins2& b = bins_[axis];
    b.lo = across(lo, axis);
    const vec2 size = across(hi, axis) - b.lo;
    b.nx = static_cast<int>(size.x / cell) + 1;
    b.ny = static_cast<int>(size.y / cell) + 1;
    b.tris.resize(static_cast<size_t>(b.nx) * b.ny);
    for (uint32_t t = 0; t < ntri; ++t) {
      const vec2 a = across(pos_[idx_[3 * t]], axis), bb = across(pos_[idx_[3 * t + 1]], axis),
                 c = across(pos_[idx_[3 * t + 2]], axis);
      const vec2 tlo = (glm::min(a, glm::min(bb, c)) - b.lo) / cell,
                 thi = (glm::max(a, glm::max(bb, c)) - b.lo) / cell;
      for (int j = static_cast<int>(tlo.y); j <= static_cast<int>(thi.y); ++j)
        for (int i = static_cast<int>(tlo.x); i <= static_cast<int>(thi.x); ++i)
          b.tris[j * b.nx + i].push_back(t);
    }
  }
  lo3_ = lo;
  for (int a = 0; a < 3; ++a) n3_[a] = static_cast<int>((hi[a] - lo[a]) / cell) + 1;
  bins3_.resize(static_cast<size_t>(n3_[0]) * n3_[1] * n3_[2]);
  for (uint32_t t = 0; t < ntri; ++t) {
    const vec3 a = pos_[idx_[3 * t]], b = pos_[idx_[3 * t + 1]], c = pos_[idx_[3 * t + 2]];
    const glm::ivec3 tlo((glm::min(a, glm::min(b, c)) - lo3_) / cell),
        thi((glm::max(a, glm::max(b, c)) - lo3_) / cell);
    for (int k = tlo.z; k <= thi.z; ++k)
      for (int j = tlo.y; j <= thi.y; ++j)
        for (int i = tlo.x; i <= thi.x; ++i)
          bins3_[(static_cast<size_t>(k) * n3_[1] + j) * n3_[0] + i].push_back(t);
  }
}

int InsideMesh::crossings(vec3 p, int axis) const {
  const Bins2& b = bins_[axis];
  const vec2 q = across(p, axis);
  const int i = static_cast<int>((q.x - b.lo.x) / cell_), j = static_cast<int>((q.y - b.lo.y) / cell_);
  if (i < 0 || j < 0 || i >= b.nx || j >= b.ny) return 0;
  int n = 0;
  for (uint32_t t : b.tris[j * b.nx + i]) {
    const vec3 A = pos_[idx_[3 * t]], B = pos_[idx_[3 * t + 1]], C = pos_[idx_[3 * t + 2]];
    const vec2 a = across(A, axis) - q, bb = across(B, axis) - q, c = across(C, axis) - q;
    // q inside the projected triangle: the three edge functions share a sign.
    const float w0 = bb.x * c.y - bb.y * c.x, w1 = c.x * a.y - c.y * a.x, w2 = a.x * bb.y - a.y * bb.x;
    if (!((w0 > 0 && w1 > 0 && w2 > 0) || (w0 < 0 && w1 < 0 && w2 < 0))) continue;
    const float hit = (w0 * A[axis] + w1 * B[axis] + w2 * C[axis]) / (w0 + w1 + w2);
    if (hit > p[axis]) ++n;
  }
  return n;
}

bool InsideMesh::inside(vec3 p) const {
  int votes = 0;
  for (int axis = 0; axis < 3; ++axis) votes += crossings(p, axis) % 2;
  return votes >= 2;
}

float InsideMesh::distance(vec3 p) const {
  const glm::ivec3 c((p - lo3_) / cell_);
  float best = cell_;
  for (int k = c.z - 1; k <= c.z + 1; ++k)
    for (int j = c.y - 1; j <= c.y + 1; ++j)
      for (int i = c.x - 1; i <= c.x + 1; ++i) {
        if (i < 0 || j < 0 || k < 0 || i >= n3_[0] || j >= n3_[1] || k >= n3_[2]) continue;
        for (uint32_t t : bins3_[(static_cast<size_t>(k) * n3_[1] + j) * n3_[0] + i])
          best = std::min(best, point_triangle_distance(p, pos_[idx_[3 * t]], pos_[idx_[3 * t + 1]],
                                                        pos_[idx_[3 * t + 2]]));
      }
  return best;
}

}  // namespace fascia::test

#include "body/sdf.h"

#include <algorithm>
#include <cmath>

namespace fascia::body {

float smooth_min(float a, float b, float k) {
  if (k <= 0.0f) return std::min(a, b);
  const float h = std::max(k - std::abs(a - b), 0.0f) / k;
  return std::min(a, b) - h * h * k * 0.25f;
}

float smooth_max(float a, float b, float k) {
  return -smooth_min(-a, -b, k);
}

float SdfPrim::distance(vec3 p) const {
  switch (kind) {
    case Kind::RoundCone: {
      const vec3 ba = b - a;
      const float len2 = glm::dot(ba, ba);
      const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ba) / len2, 0.0f, 1.0f) : 0.0f;
      return glm::length(p - (a + t * ba)) - (ra + (rb - ra) * t);
    }
    case Kind::Ellipsoid: {
      const vec3 q = glm::transpose(axes) * (p - a);
      const float k0 = glm::length(q / radii);
      const float k1 = glm::length(q / (radii * radii));
      return k1 > 0.0f ? k0 * (k0 - 1.0f) / k1 : -std::min(radii.x, std::min(radii.y, radii.z));
    }
    case Kind::Box: {
      const vec3 q = glm::abs(glm::transpose(axes) * (p - a)) - (radii - vec3(ra));
      return glm::length(glm::max(q, vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - ra;
    }
  }
  return 1.0f;
}

void SdfPrim::bounds(vec3& lo, vec3& hi) const {
  if (kind == Kind::RoundCone) {
    const float r = std::max(ra, rb);
    lo = glm::min(a, b) - vec3(r);
    hi = glm::max(a, b) + vec3(r);
    return;
  }
  // Extent of an oriented box of half-size `radii` along each world axis.
  vec3 e(0.0f);
  for (int c = 0; c < 3; ++c) e += glm::abs(axes[c]) * radii[c];
  lo = a - e;
  hi = a + e;
}

SdfPrim round_cone(vec3 a, vec3 b, float ra, float rb, float blend) {
  SdfPrim p;
  p.kind = SdfPrim::Kind::RoundCone;
  p.a = a;
  p.b = b;
  p.ra = ra;
  p.rb = rb;
  p.blend = blend;
  return p;
}

SdfPrim capsule(vec3 a, vec3 b, float r, float blend) {
  return round_cone(a, b, r, r, blend);
}
SdfPrim sphere(vec3 c, float r, float blend) {
  return round_cone(c, c, r, r, blend);
}

namespace {
mat3 frame(vec3 up, vec3 side) {
  const vec3 y = glm::normalize(up);
  vec3 x = side - y * glm::dot(side, y);
  if (glm::dot(x, x) < 1e-12f) x = std::abs(y.x) < 0.9f ? vec3(1, 0, 0) : vec3(0, 0, 1);
  x = glm::normalize(x - y * glm::dot(x, y));
  return mat3(x, y, glm::cross(x, y));
}
}  // namespace

SdfPrim ellipsoid(vec3 c, vec3 radii, vec3 up, vec3 side, float blend) {
  SdfPrim p;
  p.kind = SdfPrim::Kind::Ellipsoid;
  p.a = c;
  p.radii = radii;
  p.axes = frame(up, side);
  p.blend = blend;
  return p;
}

SdfPrim box(vec3 c, vec3 half, float rounding, vec3 up, vec3 side, float blend) {
  SdfPrim p;
  p.kind = SdfPrim::Kind::Box;
  p.a = c;
  p.radii = half;
  p.ra = std::min(rounding, std::min(half.x, std::min(half.y, half.z)));
  p.axes = frame(up, side);
  p.blend = blend;
  return p;
}

SdfPrim carve(SdfPrim p, float blend) {
  p.subtract = true;
  p.blend = blend;
  return p;
}

float Sdf::distance(vec3 p) const {
  float d = 1.0f;
  for (const SdfPrim& prim : prims) {
    const float e = prim.distance(p);
    d = prim.subtract ? smooth_max(d, -e, prim.blend) : smooth_min(d, e, prim.blend);
  }
  return d;
}

void Sdf::bounds(vec3& lo, vec3& hi) const {
  lo = vec3(INFINITY);
  hi = vec3(-INFINITY);
  for (const SdfPrim& prim : prims) {
    if (prim.subtract) continue;
    vec3 a, b;
    prim.bounds(a, b);
    lo = glm::min(lo, a - vec3(prim.blend));
    hi = glm::max(hi, b + vec3(prim.blend));
  }
}

float SdfGrid::sample(vec3 p, float far) const {
  const vec3 g = (p - origin) / step;
  const int i = static_cast<int>(std::floor(g.x)), j = static_cast<int>(std::floor(g.y)),
            k = static_cast<int>(std::floor(g.z));
  if (i < 0 || j < 0 || k < 0 || i >= nx - 1 || j >= ny - 1 || k >= nz - 1) return far;
  const vec3 f = g - vec3(i, j, k);
  auto lerp = [](float a, float b, float t) { return a + (b - a) * t; };
  const float c00 = lerp(at(i, j, k), at(i + 1, j, k), f.x),
              c10 = lerp(at(i, j + 1, k), at(i + 1, j + 1, k), f.x);
  const float c01 = lerp(at(i, j, k + 1), at(i + 1, j, k + 1), f.x),
              c11 = lerp(at(i, j + 1, k + 1), at(i + 1, j + 1, k + 1), f.x);
  return lerp(lerp(c00, c10, f.y), lerp(c01, c11, f.y), f.z);
}

vec3 SdfGrid::gradient(vec3 p) const {
  const float e = step * 0.5f;
  vec3 g(sample(p + vec3(e, 0, 0)) - sample(p - vec3(e, 0, 0)),
         sample(p + vec3(0, e, 0)) - sample(p - vec3(0, e, 0)),
         sample(p + vec3(0, 0, e)) - sample(p - vec3(0, 0, e)));
  const float l = glm::length(g);
  return l > 0.0f ? g / l : vec3(0.0f);
}

SdfGrid make_grid(vec3 lo, vec3 hi, float step, float far) {
  SdfGrid g;
  g.step = step;
  g.origin = lo - vec3(2.0f * step);
  const vec3 size = (hi - lo) + vec3(4.0f * step);
  g.nx = std::max(2, static_cast<int>(std::ceil(size.x / step)) + 1);
  g.ny = std::max(2, static_cast<int>(std::ceil(size.y / step)) + 1);
  g.nz = std::max(2, static_cast<int>(std::ceil(size.z / step)) + 1);
  g.value.assign(static_cast<size_t>(g.nx) * g.ny * g.nz, far);
  return g;
}

void rasterize(const Sdf& sdf, SdfGrid& grid) {
  for (const SdfPrim& prim : sdf.prims) {
    vec3 lo, hi;
    prim.bounds(lo, hi);
    // A primitive changes the field only within its blend radius of its own surface (union) or
    // inside it (subtraction); past that the smooth min returns the field unchanged.
    const float margin = prim.blend + 2.0f * grid.step;
    lo -= vec3(margin);
    hi += vec3(margin);
    const glm::ivec3 a = glm::max(glm::ivec3(glm::floor((lo - grid.origin) / grid.step)), glm::ivec3(0));
    const glm::ivec3 b = glm::min(glm::ivec3(glm::ceil((hi - grid.origin) / grid.step)),
                                  glm::ivec3(grid.nx - 1, grid.ny - 1, grid.nz - 1));
    for (int k = a.z; k <= b.z; ++k)
      for (int j = a.y; j <= b.y; ++j)
        for (int i = a.x; i <= b.x; ++i) {
          const vec3 p = grid.origin + vec3(i, j, k) * grid.step;
          float& v = grid.at(i, j, k);
          const float e = prim.distance(p);
          v = prim.subtract ? smooth_max(v, -e, prim.blend) : smooth_min(v, e, prim.blend);
        }
  }
}

}  // namespace fascia::body

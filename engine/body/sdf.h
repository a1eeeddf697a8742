#pragma once
// Signed distance fields built from a few primitives with smooth unions, sampled on a grid: the way
// the body's bones, and the skin over them, get their shape. Negative inside, metres.
#include <cstdint>
#include <vector>

#include "core/math.h"

namespace fascia::body {

struct SdfPrim {
  enum class Kind : uint8_t { RoundCone, Ellipsoid, Box };
  Kind kind = Kind::RoundCone;
  bool subtract = false;
  vec3 a{0.0f}, b{0.0f};       // RoundCone: segment ends; Ellipsoid and Box: a is the centre
  float ra = 0.0f, rb = 0.0f;  // RoundCone: radius at a and at b; Box: corner rounding
  mat3 axes{1.0f};             // Ellipsoid and Box: columns are the local axes in world space
  vec3 radii{0.0f};            // Ellipsoid radii, Box half extents
  float blend = 0.005f;        // smooth-union (or subtraction) radius with what came before

  float distance(vec3 p) const;
  // World bounding box of the primitive's zero set.
  void bounds(vec3& lo, vec3& hi) const;
};

SdfPrim round_cone(vec3 a, vec3 b, float ra, float rb, float blend = 0.005f);
SdfPrim capsule(vec3 a, vec3 b, float r, float blend = 0.005f);
SdfPrim sphere(vec3 c, float r, float blend = 0.005f);
// An ellipsoid whose local axes are x = `side`, y = `up` (orthonormalised) and z = x × y.
SdfPrim ellipsoid(vec3 c, vec3 radii, vec3 up = {0, 1, 0}, vec3 side = {1, 0, 0}, float blend = 0.005f);
SdfPrim box(vec3 c, vec3 half, float rounding, vec3 up = {0, 1, 0}, vec3 side = {1, 0, 0},
            float blend = 0.005f);
SdfPrim carve(SdfPrim p, float blend = 0.003f);  // the same primitive, subtracted

// A shape: primitives applied in order (smooth union, or smooth subtraction for carved ones).
struct Sdf {
  std::vector<SdfPrim> prims;
  void add(const SdfPrim& p) { prims.push_back(p); }
  float distance(vec3 p) const;
  void bounds(vec3& lo, vec3& hi) const;
};

float smooth_min(float a, float b, float k);
float smooth_max(float a, float b, float k);

// Samples of a field on a regular grid: value(i, j, k) at origin + (i, j, k) * step.
struct SdfGrid {
  vec3 origin{0.0f};
  float step = 0.003f;
  int nx = 0, ny = 0, nz = 0;
  std::vector<float> value;  // (nz x ny x nx)

  float& at(int i, int j, int k) { return value[(static_cast<size_t>(k) * ny + j) * nx + i]; }
  float at(int i, int j, int k) const { return value[(static_cast<size_t>(k) * ny + j) * nx + i]; }
  // Trilinear sample; `far` outside the grid.
  float sample(vec3 p, float far = 1.0f) const;
  vec3 gradient(vec3 p) const;
};

// A grid covering [lo, hi] (plus a margin of two steps), every sample `far`.
SdfGrid make_grid(vec3 lo, vec3 hi, float step, float far);

// Writes each primitive of `sdf` into the grid, visiting only the samples near its bounds, so a
// shape of many small parts costs what its parts cover rather than the whole box.
void rasterize(const Sdf& sdf, SdfGrid& grid);

}  // namespace fascia::body

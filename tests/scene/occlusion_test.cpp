#include <doctest/doctest.h>

#include <cmath>
#include <functional>

#include "scene/occlusion.h"

using namespace fascia;
using namespace fascia::scene;

namespace {

// A 21 x 21 grid over x, z in [-0.1, 0.1] m with height y = f(x), normals from the triangles.
Mesh height_field(const std::function<float(float)>& f) {
  Mesh m;
  const int n = 21;
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      float x = -0.1f + 0.01f * i, z = -0.1f + 0.01f * j;
      m.vertices.push_back({vec3(x, f(x), z), vec3(0, 1, 0)});
    }
  for (int j = 0; j + 1 < n; ++j)
    for (int i = 0; i + 1 < n; ++i) {
      uint32_t a = j * n + i, b = a + 1, c = a + n + 1, d = a + n;
      m.indices.insert(m.indices.end(), {a, c, b, a, d, c});  // counter-clockwise seen from +y
    }
  compute_normals(m);
  return m;
}

float ao_at(const Mesh& m, float x, float z) {
  float best = 1e9f, ao = 0;
  for (const auto& v : m.vertices) {
    float d = std::hypot(v.position.x - x, v.position.z - z);
    if (d < best) best = d, ao = v.ao;
  }
  return ao;
}

}  // namespace

TEST_CASE("crease occlusion: a valley darkens at its floor, a ridge and a plane stay open") {
  Mesh valley = height_field([](float x) { return std::abs(x); });
  bake_crease_occlusion(valley);
  CHECK(ao_at(valley, 0.0f, 0.0f) < 0.6f);                        // the floor of the fold
  CHECK(ao_at(valley, 0.08f, 0.0f) > 0.95f);                      // well up the slope
  CHECK(ao_at(valley, 0.0f, 0.0f) < ao_at(valley, 0.02f, 0.0f));  // darkest where it is deepest

  Mesh ridge = height_field([](float x) { return -std::abs(x); });
  bake_crease_occlusion(ridge);
  for (const auto& v : ridge.vertices) CHECK(v.ao == doctest::Approx(1.0f));

  Mesh plane = height_field([](float) { return 0.0f; });
  bake_crease_occlusion(plane);
  for (const auto& v : plane.vertices) CHECK(v.ao == doctest::Approx(1.0f));
}

TEST_CASE("crease occlusion: a sphere is convex everywhere, so nothing darkens") {
  Mesh s = make_sphere(0.1f, 16, 32);
  bake_crease_occlusion(s);
  float lowest = 1.0f;
  for (const auto& v : s.vertices) lowest = std::min(lowest, v.ao);
  CHECK(lowest > 0.99f);
}

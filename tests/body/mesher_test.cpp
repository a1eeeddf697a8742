#include <doctest/doctest.h>

#include <map>

#include "body/mesher.h"

using namespace fascia;
using namespace fascia::body;

namespace {
// Every edge of a closed, consistently wound mesh is used once in each direction.
bool closed_manifold(const TriMesh& m) {
  std::map<std::pair<uint32_t, uint32_t>, int> count;
  for (size_t t = 0; t < m.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) ++count[{m.indices[t + e], m.indices[t + (e + 1) % 3]}];
  for (auto& [edge, n] : count)
    if (n != 1 || count.count({edge.second, edge.first}) == 0) return false;
  return true;
}
}  // namespace

TEST_CASE("mesher: a sphere comes out closed, outward and of the right size") {
  Sdf s;
  s.add(sphere({0.1f, 0.2f, 0.3f}, 0.05f));
  TriMesh m = polygonise(s, 0.004f, 100000, 2);
  REQUIRE(m.indices.size() > 300);
  CHECK(closed_manifold(m));
  const double v = mesh_volume(m);
  CHECK(v == doctest::Approx(4.0 / 3.0 * 3.14159265 * 0.05 * 0.05 * 0.05).epsilon(0.05));
  for (const vec3& p : m.positions)
    CHECK(glm::length(p - vec3(0.1f, 0.2f, 0.3f)) == doctest::Approx(0.05f).epsilon(0.06));
  auto n = vertex_normals(m);
  for (size_t i = 0; i < n.size(); ++i)
    CHECK(glm::dot(n[i], glm::normalize(m.positions[i] - vec3(0.1f, 0.2f, 0.3f))) > 0.8f);
}

TEST_CASE("mesher: smooth union joins, carving removes, simplification keeps the shape") {
  Sdf s;
  s.add(capsule({0, 0, 0}, {0.2f, 0, 0}, 0.02f));
  s.add(sphere({0.2f, 0, 0}, 0.035f, 0.01f));
  s.add(carve(sphere({0.0f, 0.0f, 0.0f}, 0.015f)));
  CHECK(s.distance({0.1f, 0, 0}) == doctest::Approx(-0.02f).epsilon(0.01));
  CHECK(s.distance({0.2f, 0.035f, 0}) < 0.0005f);
  CHECK(s.distance({0.0f, 0.0f, 0.0f}) > 0.0f);  // carved out
  TriMesh full = polygonise(s, 0.003f, 1000000, 2);
  TriMesh small = polygonise(s, 0.003f, 800, 2);
  CHECK(small.indices.size() / 3 <= 1000);
  CHECK(small.indices.size() < full.indices.size() / 3);
  CHECK(closed_manifold(full));
  CHECK(mesh_volume(small) == doctest::Approx(mesh_volume(full)).epsilon(0.05));
}

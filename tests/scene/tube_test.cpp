#include <doctest/doctest.h>

#include <vector>

#include "scene/colormap.h"
#include "scene/tube.h"

using namespace fascia;
using namespace fascia::scene;

TEST_CASE("tube: faces point outward and the tube keeps its radius along a bent path") {
  std::vector<vec3> pts = {vec3(0, 0, 0), vec3(0, 0.3f, 0.05f), vec3(0.1f, 0.5f, 0.1f),
                           vec3(0.3f, 0.6f, 0.1f)};
  std::vector<vec3> path = smooth_path(pts, 8);
  CHECK(path.size() == 3 * 8 + 1);
  CHECK(glm::distance(path[8], pts[1]) < 1e-5f);  // passes through the stations
  const float r = 0.01f;
  std::vector<float> u;
  Mesh m = make_tube(path, r, 12, &u);
  REQUIRE(!m.indices.empty());
  CHECK(u.size() == m.vertices.size());
  auto nearest = [&](vec3 p) {
    float best = 1e9f;
    vec3 q{};
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      vec3 a = path[i], b = path[i + 1];
      float t = glm::clamp(glm::dot(p - a, b - a) / glm::dot(b - a, b - a), 0.0f, 1.0f);
      vec3 c = a + t * (b - a);
      if (glm::distance(p, c) < best) {
        best = glm::distance(p, c);
        q = c;
      }
    }
    return q;
  };
  int outward = 0, total = 0;
  float worst_radius_error = 0;
  for (size_t i = 0; i < m.indices.size(); i += 3) {
    vec3 a = m.vertices[m.indices[i]].position, b = m.vertices[m.indices[i + 1]].position,
         c = m.vertices[m.indices[i + 2]].position;
    vec3 n = glm::cross(b - a, c - a);
    if (glm::length(n) < 1e-12f) continue;
    vec3 centroid = (a + b + c) / 3.0f;
    outward += glm::dot(n, centroid - nearest(centroid)) > 0;
    ++total;
  }
  CHECK(outward == total);
  for (const auto& v : m.vertices)
    worst_radius_error =
        std::max(worst_radius_error, std::abs(glm::distance(v.position, nearest(v.position)) - r));
  CHECK(worst_radius_error < 0.2f * r);
}

TEST_CASE("colormap: viridis runs dark purple to yellow with rising lightness") {
  vec3 lo = linear_to_srgb(viridis(0)), hi = linear_to_srgb(viridis(1));
  CHECK(lo.r == doctest::Approx(0.267).epsilon(0.01));
  CHECK(hi.g == doctest::Approx(0.906).epsilon(0.01));
  float prev = -1;
  for (int i = 0; i <= 100; ++i) {
    vec3 c = viridis(i / 100.0f);
    float luma = 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
    CHECK(luma > prev);
    prev = luma;
  }
  CHECK(viridis(-3) == viridis(0));
  CHECK(viridis(NAN) == viridis(0));
  CHECK(line_color("sbl.l") == line_color("sbl"));
  CHECK(line_color("sbl") != line_color("sfl"));
}

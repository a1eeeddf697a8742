#include <doctest/doctest.h>

#include "common/labels.h"

using namespace fascia;
using namespace fascia::app;

namespace {
float width(const std::string& t) {
  return 7.0f * float(t.size());
}
}  // namespace

TEST_CASE("labels: placed beside their anchors without overlapping, off-screen ones dropped") {
  scene::Camera cam;
  cam.distance = 3;
  std::vector<Label> labels;
  // A column of close stations, as along a line: their labels must spread out.
  for (int i = 0; i < 12; ++i)
    labels.push_back({"station " + std::to_string(i), vec3(0, -0.5f + 0.09f * i, 0)});
  labels.push_back({"behind the camera", cam.eye() + vec3(0, 0, 1)});
  auto placed = place_labels(labels, cam, vec2(800, 600), 15.0f, width);
  CHECK(placed.size() >= 10);
  CHECK(placed.size() <= 12);
  for (size_t i = 0; i < placed.size(); ++i) {
    CHECK(placed[i].text != "behind the camera");
    CHECK(placed[i].min.x >= 0);
    CHECK(placed[i].max.y <= 600);
    // Near its anchor: within a few label heights.
    vec2 c = (placed[i].min + placed[i].max) * 0.5f;
    CHECK(glm::distance(c, placed[i].anchor) < 250);
    for (size_t j = i + 1; j < placed.size(); ++j) {
      bool overlap = placed[i].min.x < placed[j].max.x && placed[i].max.x > placed[j].min.x &&
                     placed[i].min.y < placed[j].max.y && placed[i].max.y > placed[j].min.y;
      CHECK_FALSE(overlap);
    }
  }
  CHECK(pretty_name("ischial_tuberosity") == "ischial tuberosity");
}

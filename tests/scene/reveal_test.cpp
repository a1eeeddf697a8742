#include <doctest/doctest.h>

#include "scene/line_scene.h"
#include "scene/tube.h"

using namespace fascia;
using namespace fascia::scene;

TEST_CASE("line reveal: tracks appear in their order along the line, the front one fading in") {
  LineGeometry g;
  std::vector<vec3> path = {vec3(0), vec3(0, 1, 0)};
  auto tube = std::make_shared<Mesh>(make_tube(path, 0.01f, 6));
  // Listed head first, as an atlas may list shared tracks: the reveal still starts at the foot.
  g.tracks.push_back({"neck", {"sbl.l"}, {}, tube, {2}});
  g.tracks.push_back({"foot", {"sbl.l"}, {}, tube, {0}});
  g.tracks.push_back({"thigh", {"sbl.l"}, {}, tube, {1}});
  LineView view;
  view.stations = false;
  auto shown = [&](float fraction) {
    view.reveal["sbl"] = fraction;
    RenderScene s;
    add_lines(s, g, view, 1);
    std::map<std::string, float> alpha;
    for (const auto& inst : s.instances) alpha[g.tracks[inst.pick_id - 1].id] = inst.color.a;
    return alpha;
  };
  CHECK(shown(0.0f).empty());
  auto third = shown(1.0f / 3);
  REQUIRE(third.size() == 1);
  CHECK(third.at("foot") == doctest::Approx(1.0f));
  auto half = shown(0.5f);
  REQUIRE(half.size() == 2);
  CHECK(half.at("thigh") == doctest::Approx(0.5f));
  CHECK(shown(1.0f).size() == 3);
  view.reveal.clear();
  RenderScene all;
  add_lines(all, g, view, 1);
  CHECK(all.instances.size() == 3);
}

// Tension in the scene: a track's profile is drawn as a gradient over its pieces (not one mean
// colour), "no change" is dark, and a selected line is brightened in its own hue while every other
// track keeps exactly its colour (nothing is greyed).
#include <doctest/doctest.h>

#include "common/app_model.h"
#include "scene/colormap.h"

using namespace fascia;
using namespace fascia::app;

namespace {

const AppModel& model() {
  static auto m = load_app_model();
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  return **m;
}

std::vector<vec4> colours_of(const scene::RenderScene& s, uint32_t pick) {
  std::vector<vec4> out;
  for (const auto& i : s.instances)
    if (i.pick_id == pick) out.push_back(i.color);
  return out;
}

float luma(vec4 c) {
  return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}

}  // namespace

TEST_CASE("tension scene: a track's profile is a gradient along it, and no change is dark") {
  const AppModel& m = model();
  ViewState v = m.default_view("back").value();
  v.lines.track_profile["erector_spinae.l"] = {1.0f, 1.0f, 0.6f, 0.3f, 0.0f, 0.0f};
  v.lines.track_profile["erector_spinae.r"] = {0.0f};
  auto c = colours_of(m.build_scene(v), m.pick_of("erector_spinae.l"));
  REQUIRE(c.size() == size_t(scene::kTrackPieces));
  CHECK(glm::distance(vec3(c.front()), scene::viridis(1.0f)) < 1e-3f);
  CHECK(luma(c.front()) > luma(c[c.size() / 2]));
  CHECK(luma(c[c.size() / 2]) > luma(c.back()));
  CHECK(glm::distance(vec3(c.back()), scene::srgb_to_linear(vec3(0.16f))) < 1e-3f);
  for (vec4 x : colours_of(m.build_scene(v), m.pick_of("erector_spinae.r")))
    CHECK(glm::distance(vec3(x), scene::srgb_to_linear(vec3(0.16f))) < 1e-3f);
}

TEST_CASE("tension scene: selecting a line brightens it and leaves every other colour as it was") {
  const AppModel& m = model();
  ViewState v = m.default_view("back").value();
  for (const auto& t : m.lines.tracks) v.lines.track_profile[t.id] = {0.5f};
  scene::RenderScene plain = m.build_scene(v);
  v.lines.highlight = "sbl.l";
  scene::RenderScene selected = m.build_scene(v);
  REQUIRE(plain.instances.size() == selected.instances.size());
  int brighter = 0;
  for (size_t i = 0; i < plain.instances.size(); ++i) {
    const auto& a = plain.instances[i];
    const auto& b = selected.instances[i];
    if (a.layer != 3 || a.pick_id - kLinePickBase >= m.lines.tracks.size()) continue;
    const auto& lines = m.lines.tracks[a.pick_id - kLinePickBase].lines;
    if (std::find(lines.begin(), lines.end(), "sbl.l") != lines.end()) {
      CHECK(luma(b.color) > luma(a.color) * 1.3f);
      brighter++;
    } else {
      CHECK(b.color == a.color);
    }
  }
  CHECK(brighter >= 4);  // sbl.l's tracks, one tube each (a uniform profile is one draw)
}

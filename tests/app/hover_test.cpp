// Hovering: what the cursor rests on glows. A track or station lights its whole line; a body part
// lights itself. The render shows it brighter where it is, and nowhere else.
#include <doctest/doctest.h>

#include <algorithm>

#include "common/app_model.h"
#include "render/offscreen.h"

using namespace fascia;
using namespace fascia::app;

namespace {

const AppModel& model() {
  static auto m = load_app_model();
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  return **m;
}

double mean_luma(const ImageRGBA8& img) {
  double sum = 0;
  for (size_t i = 0; i < img.pixels.size(); i += 4)
    sum += 0.2126 * img.pixels[i] + 0.7152 * img.pixels[i + 1] + 0.0722 * img.pixels[i + 2];
  return sum / double(img.pixels.size() / 4);
}

}  // namespace

TEST_CASE("hover: the hovered line's tracks and stations glow, and nothing else") {
  const AppModel& m = model();
  ViewState v = m.default_view("back").value();
  v.lines.hover = "sbl.l";
  scene::RenderScene s = m.build_scene(v);
  int glowing = 0, sbl_tracks = 0;
  for (const auto& inst : s.instances) {
    if (inst.pick_id < kLinePickBase) {
      CHECK_FALSE(inst.glow);
      continue;
    }
    Selection sel = m.describe_pick(inst.pick_id);
    bool on_line = sel.line == "sbl.l" || sel.text.find("sbl.l") != std::string::npos;
    CHECK(inst.glow == on_line);
    glowing += inst.glow;
    sbl_tracks += on_line && sel.text.rfind("track", 0) == 0;
  }
  CHECK(sbl_tracks >= 6);       // plantar fascia to the scalp
  CHECK(glowing > sbl_tracks);  // its stations too

  // A body part under the cursor glows by its pick id.
  ViewState part = m.default_view("front").value();
  part.hover_pick = 5;
  int parts = 0;
  for (const auto& inst : m.build_scene(part).instances) parts += inst.glow;
  CHECK(parts == 1);
}

TEST_CASE("hover: a glowing line is brighter on screen where it is drawn") {
  const AppModel& m = model();
  auto off = render::create_offscreen({240, 320}, true);
  REQUIRE(off.ok());
  ViewState v = m.default_view("back").value();
  v.lines.lines = {"sbl"};
  ImageRGBA8 plain = (*off)->render(m.build_scene(v));
  v.lines.hover = "sbl.l";
  ImageRGBA8 lit = (*off)->render(m.build_scene(v));
  // Brighter overall, by the few pixels the line covers, and no pixel darker.
  CHECK(mean_luma(lit) > mean_luma(plain) + 0.2);
  int darker = 0, brighter = 0;
  for (size_t i = 0; i < plain.pixels.size(); i += 4) {
    int d = int(lit.pixels[i]) + lit.pixels[i + 1] + lit.pixels[i + 2] - plain.pixels[i] -
            plain.pixels[i + 1] - plain.pixels[i + 2];
    darker += d < -6;
    brighter += d > 30;
  }
  CHECK(darker == 0);
  CHECK(brighter > 100);
  CHECK((*off)->validation_messages() == 0);
}

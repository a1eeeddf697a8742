// The therapist's ghost: the skin once more in the posture a treatment started from, faint, pale
// and not pickable, drawn over the body as it stands now.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "body/skinning.h"
#include "common/app_model.h"
#include "render/offscreen.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::app;

namespace {

AppModel& model() {
  static auto m = load_app_model();
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  return **m;
}

double mean_difference(const ImageRGBA8& a, const ImageRGBA8& b) {
  double sum = 0;
  for (size_t i = 0; i < a.pixels.size(); i += 4)
    for (int c = 0; c < 3; ++c) sum += std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c]));
  return sum / double(a.pixels.size() / 4 * 3);
}

}  // namespace

TEST_CASE("ghost: the skin in another posture is added faint, pale and not pickable, and shows") {
  AppModel& m = model();
  const body::Movement* squat = nullptr;
  for (const auto& mv : m.movements)
    if (mv.name == "squat") squat = &mv;
  REQUIRE(squat != nullptr);
  auto palette = std::make_shared<const std::vector<mat4>>(
      body::skinning_matrices(m.body, body::sample_movement(*squat, m.body.skeleton, squat->duration())));

  ViewState v = m.default_view("left").value();
  v.body.skin.opacity = 0.0f;  // the ghost is skin: without the body's own skin it stands out alone
  const scene::RenderScene plain = m.build_scene(v);
  v.ghost_palette = palette;
  const scene::RenderScene ghosted = m.build_scene(v);

  const size_t skin_parts = size_t(std::count_if(m.posed.parts.begin(), m.posed.parts.end(),
                                                 [](const auto& p) { return p.layer == body::Layer::Skin; }));
  REQUIRE(skin_parts >= 1);
  REQUIRE(ghosted.instances.size() == plain.instances.size() + skin_parts);
  size_t ghosts = 0;
  for (const auto& inst : ghosted.instances) {
    if (inst.palette != palette) continue;
    ++ghosts;
    CHECK(inst.pick_id == 0);
    CHECK(inst.color.a == doctest::Approx(AppModel::kGhostOpacity));
    CHECK(inst.color.b >= inst.color.r);  // pale and cool, unlike the warm skin
  }
  CHECK(ghosts == skin_parts);

  auto off = render::create_offscreen({320, 480}, /*validation=*/true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  const ImageRGBA8 a = (*off)->render(plain);
  const ImageRGBA8 b = (*off)->render(ghosted);
  CHECK((*off)->validation_messages() == 0);
  CHECK(write_png(test::output_dir() / "ghost_squat.png", b).ok());  // for looking at
  // Faint: it changes the picture, but far less than an opaque body would.
  const double d = mean_difference(a, b);
  MESSAGE("mean difference the ghost makes: " << d);
  CHECK(d > 0.5);
  CHECK(d < 12.0);
}

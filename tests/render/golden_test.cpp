#include <doctest/doctest.h>

#include "render/offscreen.h"
#include "support/golden.h"

using namespace fascia;

namespace {
constexpr VkExtent2D kSize{320, 240};

std::unique_ptr<render::Offscreen> offscreen() {
  auto off = render::create_offscreen(kSize, /*validation=*/true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  return std::move(*off);
}
}  // namespace

TEST_CASE("render: the lit test mesh matches its golden image, validation clean") {
  auto off = offscreen();
  ImageRGBA8 image = off->render(scene::make_test_scene());
  CHECK(off->validation_messages() == 0);

  // Not black, not flat: a lit object on a gradient.
  ImageStats stats = image_stats(image);
  CHECK(stats.mean_luma > 40);
  CHECK(stats.stddev_luma > 15);
  CHECK(stats.opaque_fraction == doctest::Approx(1.0));

  auto result = test::compare_with_golden("test_mesh", image);
  INFO(result.report);
  CHECK(result.passed);
}

TEST_CASE("render: the golden comparison fails when the scene changes") {
  auto off = offscreen();
  scene::RenderScene base = scene::make_test_scene();
  ImageRGBA8 reference = off->render(base);

  scene::RenderScene moved = base;
  moved.camera.yaw_deg += 12.0f;
  auto r1 = test::compare_images(reference, off->render(moved), {});
  INFO(r1.report);
  CHECK_FALSE(r1.passed);
  CHECK(r1.differing_fraction > 0.02);

  scene::RenderScene recoloured = base;
  recoloured.instances[0].color = vec4(0.3f, 0.6f, 0.85f, 1.0f);
  auto r2 = test::compare_images(reference, off->render(recoloured), {});
  CHECK_FALSE(r2.passed);

  // And the same scene twice is identical: the comparison is not simply always failing.
  auto same = test::compare_images(reference, off->render(base), {});
  CHECK(same.passed);
  CHECK(same.max_channel_difference == 0);
  CHECK(off->validation_messages() == 0);
}

TEST_CASE("render: a transparent background leaves alpha 0 around the mesh") {
  auto off = offscreen();
  scene::RenderScene s = scene::make_test_scene();
  s.background.transparent = true;
  ImageRGBA8 image = off->render(s);
  CHECK(image.at(0, 0)[3] == 0);
  CHECK(image.at(kSize.width / 2, kSize.height / 2)[3] == 255);  // the knot covers the centre
  double opaque = image_stats(image).opaque_fraction;
  CHECK(opaque > 0.1);
  CHECK(opaque < 0.7);
  CHECK(off->validation_messages() == 0);
}

TEST_CASE("render: multisampling smooths silhouette edges") {
  auto off = offscreen();
  CHECK(off->renderer->samples() >= VK_SAMPLE_COUNT_4_BIT);
  ImageRGBA8 image = off->render(scene::make_test_scene());
  // Along the silhouette some pixels must be partial blends of knot and background.
  int intermediate = 0;
  for (int y = 1; y < image.height - 1; ++y)
    for (int x = 1; x < image.width - 1; ++x) {
      int r = image.at(x, y)[0], l = image.at(x - 1, y)[0], rr = image.at(x + 1, y)[0];
      if (std::abs(l - rr) > 60 && r > std::min(l, rr) + 10 && r < std::max(l, rr) - 10) ++intermediate;
    }
  CHECK(intermediate > 20);
}

// The window's reduced scene size on software Vulkan: the scene drawn at a fraction of the target,
// filtered and stretched over it. The picture must stay the full-size one, only softer; picking
// must still name what is under the window's pixel; validation stays clean.
#include <doctest/doctest.h>

#include <cmath>

#include "core/image.h"
#include "render/offscreen.h"
#include "support/test_support.h"

using namespace fascia;

namespace {

constexpr VkExtent2D kSize{320, 240};

struct Drawn {
  ImageRGBA8 image;
  uint32_t centre_pick = 99, corner_pick = 99;
};

Drawn draw(float scale, uint32_t& validation) {
  auto off = render::create_offscreen(kSize, /*validation=*/true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  (*off)->renderer = std::make_unique<render::Renderer>(*(*off)->context, (*off)->target->format(),
                                                        VK_SAMPLE_COUNT_1_BIT, true, scale);
  scene::RenderScene s = scene::make_test_scene();
  s.instances[0].pick_id = 42;
  Drawn d;
  (*off)->renderer->request_pick(160, 120);
  d.image = (*off)->render(s);
  d.centre_pick = (*off)->renderer->take_pick().value_or(99);
  (*off)->renderer->request_pick(2, 2);
  (*off)->render(s);
  d.corner_pick = (*off)->renderer->take_pick().value_or(99);
  validation += (*off)->validation_messages();
  return d;
}

// Mean over pixels of the largest channel difference.
double mean_difference(const ImageRGBA8& a, const ImageRGBA8& b) {
  double sum = 0;
  const size_t n = size_t(a.width) * a.height;
  for (size_t i = 0; i < n; ++i) {
    int d = 0;
    for (int c = 0; c < 3; ++c)
      d = std::max(d, std::abs(int(a.pixels[i * 4 + c]) - int(b.pixels[i * 4 + c])));
    sum += d;
  }
  return sum / double(n);
}

// Spread of the red channel: a blank or flat picture has none.
double red_deviation(const ImageRGBA8& a) {
  const size_t n = size_t(a.width) * a.height;
  double mean = 0, var = 0;
  for (size_t i = 0; i < n; ++i) mean += a.pixels[i * 4];
  mean /= double(n);
  for (size_t i = 0; i < n; ++i) var += (a.pixels[i * 4] - mean) * (a.pixels[i * 4] - mean);
  return std::sqrt(var / double(n));
}

}  // namespace

TEST_CASE("render: a reduced scene size draws the same picture, softer, and picks at window pixels") {
  uint32_t validation = 0;
  const Drawn full = draw(1.0f, validation);
  const Drawn three_quarters = draw(0.75f, validation);
  const Drawn half = draw(0.5f, validation);
  CHECK(validation == 0);
  // For looking at: build/test-output/render_scale_{100,75,50}.png.
  CHECK(write_png(test::output_dir() / "render_scale_100.png", full.image).ok());
  CHECK(write_png(test::output_dir() / "render_scale_75.png", three_quarters.image).ok());
  CHECK(write_png(test::output_dir() / "render_scale_50.png", half.image).ok());
  REQUIRE(three_quarters.image.width == kSize.width);
  REQUIRE(three_quarters.image.height == kSize.height);
  CHECK(red_deviation(full.image) > 10);  // the knot is there, not a flat background
  const double d75 = mean_difference(full.image, three_quarters.image);
  const double d50 = mean_difference(full.image, half.image);
  MESSAGE("mean difference from full size: 75 % " << d75 << ", 50 % " << d50);
  CHECK(d75 < 2.0);  // measured 0.8
  CHECK(d50 < 3.0);  // measured 1.3
  CHECK(d50 > d75);  // softer the smaller it draws: the scale is really applied
  CHECK(red_deviation(three_quarters.image) == doctest::Approx(red_deviation(full.image)).epsilon(0.1));
  for (const Drawn* d : {&full, &three_quarters, &half}) {
    CHECK(d->centre_pick == 42);
    CHECK(d->corner_pick == 0);
  }
}

TEST_CASE("render: the scene size follows the scale, and only with the post filter") {
  auto off = render::create_offscreen({16, 16}, false);
  REQUIRE(off.ok());
  render::Renderer scaled(*(*off)->context, (*off)->target->format(), VK_SAMPLE_COUNT_1_BIT, true, 0.75f);
  CHECK(scaled.render_scale() == doctest::Approx(0.75f));
  VkExtent2D e = scaled.scene_extent({1280, 720});
  CHECK(e.width == 960);
  CHECK(e.height == 540);
  render::Renderer msaa(*(*off)->context, (*off)->target->format(), VK_SAMPLE_COUNT_4_BIT, false, 0.5f);
  CHECK(msaa.render_scale() == doctest::Approx(1.0f));  // stills and 4x MSAA always draw full size
  CHECK(msaa.scene_extent({1280, 720}).width == 1280);
}

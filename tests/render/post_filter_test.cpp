// The window's anti-aliasing on software Vulkan: one sample and the post filter (shaders/fxaa.frag).
// Its edges must be softened much as 4x MSAA softens them, the rest of the picture left as drawn,
// with validation clean.
#include <doctest/doctest.h>

#include "core/image.h"
#include "render/offscreen.h"
#include "support/test_support.h"

using namespace fascia;

namespace {

constexpr VkExtent2D kSize{320, 240};

ImageRGBA8 draw(VkSampleCountFlagBits samples, bool filter, uint32_t& validation) {
  auto off = render::create_offscreen(kSize, /*validation=*/true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  (*off)->renderer =
      std::make_unique<render::Renderer>(*(*off)->context, (*off)->target->format(), samples, filter);
  CHECK((*off)->renderer->post_filter() == filter);
  ImageRGBA8 image = (*off)->render(scene::make_test_scene());
  validation += (*off)->validation_messages();
  return image;
}

// Pixels along a steep horizontal step that are partial blends of its two sides.
int blended_edge_pixels(const ImageRGBA8& image) {
  int n = 0;
  for (int y = 1; y < int(image.height) - 1; ++y)
    for (int x = 1; x < int(image.width) - 1; ++x) {
      int m = image.at(x, y)[0], l = image.at(x - 1, y)[0], r = image.at(x + 1, y)[0];
      n += std::abs(l - r) > 60 && m > std::min(l, r) + 10 && m < std::max(l, r) - 10;
    }
  return n;
}

}  // namespace

TEST_CASE("render: the post filter softens edges without multisampling and leaves flat areas alone") {
  uint32_t validation = 0;
  const ImageRGBA8 plain = draw(VK_SAMPLE_COUNT_1_BIT, false, validation);
  const ImageRGBA8 filtered = draw(VK_SAMPLE_COUNT_1_BIT, true, validation);
  const ImageRGBA8 msaa = draw(VK_SAMPLE_COUNT_4_BIT, false, validation);
  CHECK(validation == 0);
  // For looking at: build/test-output/post_filter_{1x,fxaa,msaa4}.png.
  CHECK(write_png(test::output_dir() / "post_filter_1x.png", plain).ok());
  CHECK(write_png(test::output_dir() / "post_filter_fxaa.png", filtered).ok());
  CHECK(write_png(test::output_dir() / "post_filter_msaa4.png", msaa).ok());
  const int e_plain = blended_edge_pixels(plain), e_filtered = blended_edge_pixels(filtered),
            e_msaa = blended_edge_pixels(msaa);
  MESSAGE("blended edge pixels: 1x " << e_plain << ", 1x + filter " << e_filtered << ", 4x MSAA " << e_msaa);
  CHECK(e_filtered >= 2 * e_plain + 10);
  CHECK(e_filtered >= e_msaa / 3);
  // Away from edges the picture is as drawn: most pixels unchanged, the mean barely moved.
  size_t same = 0;
  double diff = 0;
  const size_t n = size_t(kSize.width) * kSize.height;
  for (size_t i = 0; i < n; ++i) {
    int d = 0;
    for (int c = 0; c < 3; ++c)
      d = std::max(d, std::abs(int(plain.pixels[i * 4 + c]) - int(filtered.pixels[i * 4 + c])));
    same += d <= 2;
    diff += d;
  }
  CHECK(double(same) / double(n) > 0.85);
  CHECK(diff / double(n) < 3.0);
}

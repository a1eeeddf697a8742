#include "support/golden.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "support/test_support.h"

namespace fascia::test {
namespace fs = std::filesystem;

GoldenResult compare_images(const ImageRGBA8& expected, const ImageRGBA8& actual, GoldenTolerance tol,
                            ImageRGBA8* diff) {
  GoldenResult r;
  if (expected.width != actual.width || expected.height != actual.height) {
    r.size_mismatch = true;
    r.report = "size " + std::to_string(actual.width) + "x" + std::to_string(actual.height) + " != golden " +
               std::to_string(expected.width) + "x" + std::to_string(expected.height);
    return r;
  }
  if (diff) *diff = ImageRGBA8{actual.width, actual.height, std::vector<uint8_t>(actual.pixels.size())};
  size_t differing = 0, n = size_t(actual.width) * actual.height;
  int worst = 0;
  for (size_t i = 0; i < n; ++i) {
    int d = 0;
    for (int c = 0; c < 4; ++c)
      d = std::max(d, std::abs(int(expected.pixels[i * 4 + c]) - int(actual.pixels[i * 4 + c])));
    worst = std::max(worst, d);
    bool bad = d > tol.channel;
    differing += bad;
    if (diff) {
      // Differing pixels in red over a faded copy of the actual image.
      uint8_t* p = &diff->pixels[i * 4];
      uint8_t g = uint8_t(actual.pixels[i * 4 + 1] / 4);
      p[0] = bad ? 255 : g;
      p[1] = bad ? 0 : g;
      p[2] = bad ? 0 : g;
      p[3] = 255;
    }
  }
  r.differing_fraction = double(differing) / double(n);
  r.max_channel_difference = worst;
  r.passed = r.differing_fraction <= tol.max_fraction;
  r.report = std::to_string(r.differing_fraction * 100.0) + "% of pixels differ by more than " +
             std::to_string(tol.channel) + " (allowed " + std::to_string(tol.max_fraction * 100.0) +
             "%), worst channel difference " + std::to_string(worst);
  return r;
}

GoldenResult compare_with_golden(const std::string& name, const ImageRGBA8& actual, GoldenTolerance tol) {
  fs::path golden = tests_dir() / "golden" / (name + ".png");
  fs::path out_dir = output_dir() / "golden";
  fs::create_directories(out_dir);
  fs::path actual_path = out_dir / (name + ".actual.png");
  GoldenResult r;
  if (!fs::exists(golden)) {
    (void)write_png(actual_path, actual);
    r.missing = true;
    r.report = "no golden image " + golden.string() + "; wrote " + actual_path.string() +
               " (look at it, then tools/promote-golden.sh " + name + ")";
    return r;
  }
  auto expected = read_png(golden);
  if (!expected) {
    r.report = expected.error().message;
    return r;
  }
  ImageRGBA8 diff;
  r = compare_images(*expected, actual, tol, &diff);
  if (!r.passed) {
    (void)write_png(actual_path, actual);
    if (!r.size_mismatch) (void)write_png(out_dir / (name + ".diff.png"), diff);
    r.report += "; wrote " + actual_path.string();
  }
  return r;
}

}  // namespace fascia::test

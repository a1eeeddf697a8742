#pragma once
// Golden-image comparison, as Filament does it: a picture is compared with tests/golden/NAME.png
// within a per-pixel tolerance; on failure the actual image and a diff image are written under
// build/test-output/golden/, and tools/promote-golden.sh makes an actual image the new golden once a
// person has looked at it.
#include <string>

#include "core/image.h"

namespace fascia::test {

struct GoldenTolerance {
  int channel = 10;             // a pixel differs when any channel differs by more than this (0..255)
  double max_fraction = 0.005;  // at most this share of pixels may differ
};

struct GoldenResult {
  bool missing = false;  // no golden file yet (the actual image is written for review)
  bool size_mismatch = false;
  double differing_fraction = 1.0;
  int max_channel_difference = 255;
  bool passed = false;
  std::string report;  // one line for the test log
};

GoldenResult compare_with_golden(const std::string& name, const ImageRGBA8& actual,
                                 GoldenTolerance tolerance = {});

// The comparison alone, without files: used to prove the comparison fails on a changed image.
GoldenResult compare_images(const ImageRGBA8& expected, const ImageRGBA8& actual, GoldenTolerance tolerance,
                            ImageRGBA8* diff = nullptr);

}  // namespace fascia::test

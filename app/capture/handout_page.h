#pragma once
// The handout's one A4 page, laid out with cairo: as PDF (vector text, the stills embedded) and as
// PNG (the same page rasterised), both returned as bytes for an atomic write.
#include <cstdint>
#include <vector>

#include "capture/handout_content.h"
#include "core/image.h"
#include "core/result.h"

namespace fascia::app {

inline constexpr double kPageWidthPt = 595.276, kPageHeightPt = 841.89;  // A4

struct HandoutStills {
  ImageRGBA8 before, after;
};

Result<std::vector<uint8_t>> handout_pdf(const HandoutContent& c, const HandoutStills& stills);
// `scale` pixels a point: 2 gives 1191 x 1684.
Result<std::vector<uint8_t>> handout_png(const HandoutContent& c, const HandoutStills& stills,
                                         double scale = 2);

}  // namespace fascia::app

#pragma once
// RGBA8 images in memory, and PNG encoding/decoding (stb).
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/result.h"

namespace fascia {

struct ImageRGBA8 {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;  // row-major, top row first, 4 bytes a pixel (sRGB-encoded colour)

  uint8_t* at(int x, int y) { return &pixels[(static_cast<size_t>(y) * width + x) * 4]; }
  const uint8_t* at(int x, int y) const { return &pixels[(static_cast<size_t>(y) * width + x) * 4]; }
};

Result<std::vector<uint8_t>> encode_png(const ImageRGBA8& image);
Result<ImageRGBA8> decode_png(const std::vector<uint8_t>& bytes, const std::string& source);
Status write_png(const std::filesystem::path& path, const ImageRGBA8& image);  // atomic
Result<ImageRGBA8> read_png(const std::filesystem::path& path);

// Statistics used by render tests to reject black or empty pictures.
struct ImageStats {
  double mean_luma = 0;    // 0..255
  double stddev_luma = 0;  // spread: near zero for a flat image
  double opaque_fraction = 0;
};
ImageStats image_stats(const ImageRGBA8& image);

}  // namespace fascia

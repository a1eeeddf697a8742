#include "core/image.h"

#include <cmath>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "core/file_io.h"

namespace fascia {

Result<std::vector<uint8_t>> encode_png(const ImageRGBA8& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height * 4)
    return internal_error("encode_png: image has inconsistent size");
  std::vector<uint8_t> out;
  auto sink = [](void* ctx, void* data, int size) {
    auto* v = static_cast<std::vector<uint8_t>*>(ctx);
    auto* p = static_cast<uint8_t*>(data);
    v->insert(v->end(), p, p + size);
  };
  if (!stbi_write_png_to_func(sink, &out, image.width, image.height, 4, image.pixels.data(), image.width * 4))
    return internal_error("encode_png: stb failed");
  return out;
}

Result<ImageRGBA8> decode_png(const std::vector<uint8_t>& bytes, const std::string& source) {
  int w = 0, h = 0, n = 0;
  stbi_uc* data = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &n, 4);
  if (!data) return bad_input(source + ": not a readable PNG: " + stbi_failure_reason());
  ImageRGBA8 img{w, h, std::vector<uint8_t>(data, data + static_cast<size_t>(w) * h * 4)};
  stbi_image_free(data);
  return img;
}

Status write_png(const std::filesystem::path& path, const ImageRGBA8& image) {
  auto bytes = encode_png(image);
  if (!bytes) return bytes.error();
  return write_file_atomic(path, *bytes);
}

Result<ImageRGBA8> read_png(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  std::vector<uint8_t> bytes(text->begin(), text->end());
  return decode_png(bytes, path.string());
}

ImageStats image_stats(const ImageRGBA8& image) {
  ImageStats s;
  size_t n = static_cast<size_t>(image.width) * image.height;
  if (n == 0) return s;
  double sum = 0, sum2 = 0;
  size_t opaque = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = &image.pixels[i * 4];
    double y = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
    sum += y;
    sum2 += y * y;
    opaque += p[3] == 255;
  }
  s.mean_luma = sum / n;
  s.stddev_luma = std::sqrt(std::max(0.0, sum2 / n - s.mean_luma * s.mean_luma));
  s.opaque_fraction = static_cast<double>(opaque) / n;
  return s;
}

}  // namespace fascia

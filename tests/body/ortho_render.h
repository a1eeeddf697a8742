#pragma once
// A small software rasteriser for looking at the body: orthographic, z-buffered, flat-shaded views
// written to PNG, so shape problems show up without a GPU.
#include <filesystem>
#include <vector>

#include "body/body.h"

namespace fascia::test {

enum class View { Front, Left, Back, Top };

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;
  std::vector<float> depth;
};

// Draws `meshes` (with positions replaced by `posed` where given) into a new image of the region
// [centre - half, centre + half] in the view plane.
Image render(const std::vector<const body::BodyMesh*>& meshes,
             const std::vector<const std::vector<vec3>*>& posed, View view, int width, int height,
             vec2 centre, vec2 half);

// Images side by side.
Image hstack(const std::vector<Image>& images);
bool write_png(const Image& image, const std::filesystem::path& path);

}  // namespace fascia::test

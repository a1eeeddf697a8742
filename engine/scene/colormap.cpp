#include "scene/colormap.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fascia::scene {
namespace {

// Viridis sampled at 9 even steps (sRGB), from matplotlib's published table.
constexpr std::array<vec3, 9> kViridis = {
    vec3(0.267004f, 0.004874f, 0.329415f), vec3(0.282623f, 0.140926f, 0.457517f),
    vec3(0.253935f, 0.265254f, 0.529983f), vec3(0.206756f, 0.371758f, 0.553117f),
    vec3(0.163625f, 0.471133f, 0.558148f), vec3(0.127568f, 0.566949f, 0.550556f),
    vec3(0.134692f, 0.658636f, 0.517649f), vec3(0.266941f, 0.748751f, 0.440573f),
    vec3(0.993248f, 0.906157f, 0.143936f)};

// One step short of yellow: the table's last stretch is long, so add its midpoint.
constexpr vec3 kViridis94 = vec3(0.565498f, 0.844328f, 0.262066f);

float to_linear(float c) {
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
float to_srgb(float c) {
  return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

}  // namespace

vec3 srgb_to_linear(vec3 c) {
  return {to_linear(c.r), to_linear(c.g), to_linear(c.b)};
}
vec3 linear_to_srgb(vec3 c) {
  return {to_srgb(c.r), to_srgb(c.g), to_srgb(c.b)};
}

vec3 viridis(float t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0f, 0.0f, 1.0f);
  float x = t * 8.0f;
  int i = std::min(int(x), 7);
  float f = x - float(i);
  vec3 c;
  if (i == 7) {
    // Piecewise through the extra midpoint at 0.9375.
    c = f < 0.5f ? glm::mix(kViridis[7], kViridis94, f * 2.0f)
                 : glm::mix(kViridis94, kViridis[8], f * 2.0f - 1.0f);
  } else {
    c = glm::mix(kViridis[i], kViridis[i + 1], f);
  }
  return srgb_to_linear(c);
}

vec3 line_color(std::string_view id) {
  struct Entry {
    std::string_view id;
    vec3 srgb;
  };
  // Twelve hues far enough apart to tell the lines apart on skin and bone, and each at least 20
  // CIEDE2000 from muscle red and from skin (tests/scene/line_palette_test.cpp): the back line was
  // red and vanished against the muscles; it is magenta now, the deep back arm line violet and the
  // ipsilateral functional line ochre (it was the colour of skin).
  static constexpr Entry kColors[] = {
      {"sbl", vec3(0.95f, 0.15f, 0.65f)},  {"sfl", vec3(0.20f, 0.55f, 0.90f)},
      {"ll", vec3(1.00f, 0.72f, 0.10f)},   {"spl", vec3(0.60f, 0.35f, 0.85f)},
      {"sfal", vec3(0.15f, 0.75f, 0.65f)}, {"dfal", vec3(0.10f, 0.50f, 0.45f)},
      {"sbal", vec3(0.95f, 0.50f, 0.65f)}, {"dbal", vec3(0.45f, 0.15f, 0.60f)},
      {"bfl", vec3(0.55f, 0.75f, 0.20f)},  {"ffl", vec3(0.35f, 0.80f, 0.95f)},
      {"ifl", vec3(0.55f, 0.45f, 0.10f)},  {"dfl", vec3(0.95f, 0.85f, 0.35f)},
  };
  std::string_view base = id.substr(0, id.find('.'));
  for (const auto& e : kColors)
    if (e.id == base) return srgb_to_linear(e.srgb);
  return srgb_to_linear(vec3(0.6f));
}

}  // namespace fascia::scene

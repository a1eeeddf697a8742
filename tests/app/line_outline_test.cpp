// An isolated line reads against the muscle around it (issue 11: the back line almost disappeared
// against red muscle): the tube's dark rim (shaders/surface.glsl, MeshInstance::outline_radius) sets a
// near-black edge between the line's colour and the tissue beside it. Measured across the line's
// width in a close still of the left back line over the back muscles, with and without the rim.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "common/app_model.h"
#include "render/offscreen.h"
#include "scene/colormap.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::app;

namespace {

constexpr VkExtent2D kSize{640, 960};
constexpr float kAspect = float(kSize.width) / float(kSize.height);

const AppModel& model() {
  static auto m = load_app_model();
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  return **m;
}

float luma(const uint8_t* p) {
  return 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
}

float hue_of(float r, float g, float b) {
  const float mx = std::max({r, g, b}), mn = std::min({r, g, b}), d = mx - mn;
  if (d <= 1e-6f) return 0;
  if (mx == r) return 60 * std::fmod((g - b) / d + 6, 6.0f);
  if (mx == g) return 60 * ((b - r) / d + 2);
  return 60 * ((r - g) / d + 4);
}

// Whether a pixel shows a line of sRGB hue `want`: that hue within 25 degrees, saturated.
bool shows_hue(const uint8_t* p, float want) {
  const float mx = std::max({p[0], p[1], p[2]}), mn = std::min({p[0], p[1], p[2]});
  if (mx < 40 || (mx - mn) / mx < 0.35f) return false;
  const float h = hue_of(p[0], p[1], p[2]), apart = std::abs(h - want);
  return std::min(apart, 360 - apart) < 25;
}

struct Contrast {
  int samples = 0;
  float edge = 0;       // median over the samples of the darkest luma at the tube's edge (0..255)
  float beside = 0;     // median of the tissue's luma just beyond it
  float radius_px = 0;  // median of the tube's radius on screen
};

float median(std::vector<float> v) {
  if (v.empty()) return -1;
  std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Across `track` at each inner point of its path where its centre shows the line's hue: the darkest
// luma between half the tube's screen radius and 1.25 of it, and the median luma 1.7 to 2.6 radii out.
Contrast across(const ImageRGBA8& img, const scene::Camera& cam, const std::string& track,
                const std::string& line) {
  const scene::LineGeometry::Track* t = nullptr;
  for (const auto& x : model().lines.tracks)
    if (x.id == track) t = &x;
  REQUIRE(t);
  const vec3 c = scene::line_color(line);
  auto srgb = [](float x) { return x <= 0.0031308f ? 12.92f * x : 1.055f * std::pow(x, 1 / 2.4f) - 0.055f; };
  const float want = hue_of(srgb(c.r), srgb(c.g), srgb(c.b));
  const mat4 to_clip = cam.projection(kAspect) * cam.view();
  const mat4 view = cam.view();
  const vec3 right(view[0][0], view[1][0], view[2][0]);
  auto px = [&](vec3 p) {
    const vec4 q = to_clip * vec4(p, 1);
    return (vec2(q) / q.w * 0.5f + 0.5f) * vec2(kSize.width, kSize.height);
  };
  auto pixel = [&](vec2 at) -> const uint8_t* {
    const int x = int(std::lround(at.x)), y = int(std::lround(at.y));
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return nullptr;
    return img.at(x, y);
  };
  std::vector<float> edges, besides, radii;
  for (size_t i = 1; i + 1 < t->path.size(); ++i) {
    const vec2 at = px(t->path[i]);
    const float r = glm::distance(at, px(t->path[i] + right * 0.0055f));
    vec2 along = px(t->path[i + 1]) - px(t->path[i - 1]);
    if (r < 3 || glm::length(along) < 1e-3f) continue;
    along = glm::normalize(along);
    const vec2 across_dir(-along.y, along.x);
    const uint8_t* centre = pixel(at);
    if (!centre || !shows_hue(centre, want)) continue;  // hidden under tissue here
    float edge = 255;
    std::vector<float> out;
    bool inside = true;
    for (float s = -2.6f * r; s <= 2.6f * r; s += 0.5f) {
      const uint8_t* p = pixel(at + across_dir * s);
      if (!p) {
        inside = false;
        break;
      }
      const float a = std::abs(s);
      if (a >= 0.5f * r && a <= 1.25f * r) edge = std::min(edge, luma(p));
      if (a >= 1.7f * r) out.push_back(luma(p));
    }
    if (!inside) continue;
    edges.push_back(edge);
    radii.push_back(r);
    besides.push_back(median(out));
  }
  return {int(edges.size()), median(edges), median(besides), median(radii)};
}

}  // namespace

TEST_CASE("views: an isolated line's dark rim sets it off from the muscle beside it") {
  const AppModel& m = model();
  ViewState v = m.default_view("back", kAspect).value();
  v.lines.lines = {"sbl.l"};
  v.body.skin.visible = false;  // the line against the muscles, as a student isolates it
  const char* track = "erector_spinae.l";
  // Close on the middle of the erector, from behind: the tube some 14 px across (the rim is full from
  // 5 px of radius; a thinner tube keeps its colour).
  const scene::LineGeometry::Track* t = nullptr;
  for (const auto& x : m.lines.tracks)
    if (x.id == track) t = &x;
  REQUIRE(t);
  v.camera.target = t->path[t->path.size() / 2];
  v.camera.distance = 0.7f;
  scene::RenderScene with = m.build_scene(v);
  scene::RenderScene without = with;
  int tubes = 0;
  for (auto& inst : without.instances)
    if (inst.outline_radius > 0) ++tubes, inst.outline_radius = 0;
  CHECK(tubes >= 6);  // every tube of the left back line
  for (const auto& inst : with.instances)
    if (inst.layer != 3 || inst.mesh == m.lines.marker) CHECK(inst.outline_radius == 0);  // tubes only
  auto off = render::create_offscreen(kSize, true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  const ImageRGBA8 a = (*off)->render(with), b = (*off)->render(without);
  CHECK((*off)->validation_messages() == 0);
  (void)write_png(test::output_dir() / "line_outline_with.png", a);  // to look at
  (void)write_png(test::output_dir() / "line_outline_without.png", b);
  const Contrast rim = across(a, with.camera, track, "sbl"), plain = across(b, with.camera, track, "sbl");
  MESSAGE("across the erector's track: with the rim, edge "
          << rim.edge << " beside " << rim.beside << " (" << rim.samples << " places); without, edge "
          << plain.edge << " beside " << plain.beside << " (" << plain.samples
          << " places), the tube's radius " << rim.radius_px << " px");
  REQUIRE(rim.samples >= 8);
  REQUIRE(plain.samples >= 8);
  // With the rim the edge is far darker than the muscle beside it; without, it barely was.
  // (Measured: edge 20 beside 68 with it; edge 46 beside 68 without.)
  CHECK(rim.radius_px > 6);  // wide enough for the full rim
  CHECK(rim.beside - rim.edge > 40);
  CHECK(rim.beside - rim.edge > 1.8f * (plain.beside - plain.edge));
  CHECK(rim.edge < 0.4f * rim.beside);
  CHECK(plain.edge > 0.55f * plain.beside);  // the measure sees the difference the rim makes
}

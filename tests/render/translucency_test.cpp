// Translucency through weighted blended order-independent transparency: a translucent surface shows
// what is behind it by its alpha, and the order the scene lists translucent instances in changes
// nothing (the old far-to-near sort made nested shells at one origin depend on it).
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "render/offscreen.h"

using namespace fascia;

namespace {

constexpr VkExtent2D kSize{160, 120};

std::unique_ptr<render::Offscreen> offscreen() {
  auto off = render::create_offscreen(kSize, /*validation=*/true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  return std::move(*off);
}

scene::MeshInstance sphere(float radius, vec3 at, vec4 color) {
  static auto mesh = std::make_shared<const scene::Mesh>(scene::make_sphere(1.0f, 24, 48));
  scene::MeshInstance inst;
  inst.mesh = mesh;
  inst.transform = glm::translate(mat4(1.0f), at) * glm::scale(mat4(1.0f), vec3(radius));
  inst.color = color;
  return inst;
}

scene::RenderScene scene_of(std::vector<scene::MeshInstance> instances) {
  scene::RenderScene s;
  s.instances = std::move(instances);
  return s;
}

// The target is sRGB: blending happens on linear values, so compare there.
vec3 linear_at(const ImageRGBA8& image, int x, int y) {
  auto decode = [](uint8_t c) {
    float v = c / 255.0f;
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
  };
  const uint8_t* p = image.at(x, y);
  return {decode(p[0]), decode(p[1]), decode(p[2])};
}

int max_difference(const ImageRGBA8& a, const ImageRGBA8& b) {
  int worst = 0;
  for (size_t i = 0; i < a.pixels.size(); ++i)
    worst = std::max(worst, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
  return worst;
}

}  // namespace

TEST_CASE("translucency: a translucent surface shows what is behind it by 1 - alpha") {
  auto off = offscreen();
  const vec4 blue{0.1f, 0.25f, 0.8f, 1.0f}, red{0.85f, 0.15f, 0.1f, 1.0f};
  const int cx = kSize.width / 2, cy = kSize.height / 2;
  vec3 behind = linear_at(off->render(scene_of({sphere(0.3f, vec3(0), blue)})), cx, cy);
  vec3 front = linear_at(off->render(scene_of({sphere(0.12f, vec3(0, 0, 0.6f), red)})), cx, cy);
  for (float alpha : {0.25f, 0.6f}) {
    CAPTURE(alpha);
    ImageRGBA8 both = off->render(
        scene_of({sphere(0.3f, vec3(0), blue), sphere(0.12f, vec3(0, 0, 0.6f), vec4(vec3(red), alpha))}));
    vec3 expected = alpha * front + (1.0f - alpha) * behind;
    vec3 got = linear_at(both, cx, cy);
    for (int c = 0; c < 3; ++c) CHECK(got[c] == doctest::Approx(expected[c]).epsilon(0.03).scale(1.0));
    CHECK(std::abs(got.r - behind.r) > 0.05f);  // the red layer is really there
  }
  CHECK(off->validation_messages() == 0);
}

TEST_CASE("translucency: the order of translucent instances does not change the image") {
  auto off = offscreen();
  // Nested shells about one origin, both translucent, over an opaque core: the case a sort by
  // distance cannot order, and the one the body's layers are.
  auto core = sphere(0.12f, vec3(0), vec4(0.9f, 0.88f, 0.8f, 1.0f));
  auto inner = sphere(0.22f, vec3(0), vec4(0.8f, 0.1f, 0.1f, 0.5f));
  auto outer = sphere(0.32f, vec3(0), vec4(0.1f, 0.6f, 0.3f, 0.4f));
  ImageRGBA8 a = off->render(scene_of({core, inner, outer}));
  ImageRGBA8 b = off->render(scene_of({outer, inner, core}));
  ImageRGBA8 c = off->render(scene_of({inner, core, outer}));
  CHECK(max_difference(a, b) <= 1);
  CHECK(max_difference(a, c) <= 1);

  // Both shells contribute: removing either changes the centre.
  const int cx = kSize.width / 2, cy = kSize.height / 2;
  vec3 all = linear_at(a, cx, cy);
  vec3 no_outer = linear_at(off->render(scene_of({core, inner})), cx, cy);
  vec3 no_inner = linear_at(off->render(scene_of({core, outer})), cx, cy);
  CHECK(glm::length(all - no_outer) > 0.03f);
  CHECK(glm::length(all - no_inner) > 0.03f);
  CHECK(off->validation_messages() == 0);
}

TEST_CASE("translucency: a turning camera changes the image smoothly, with no pop between layers") {
  // Two overlapping translucent shells side by side: under a sort by instance origin their order
  // flips as the camera passes the midpoint, and the overlap's colour jumps. Blended without order,
  // the overlap changes by about as much between every pair of neighbouring angles.
  auto off = offscreen();
  auto left = sphere(0.25f, vec3(-0.1f, 0, 0), vec4(0.85f, 0.2f, 0.15f, 0.6f));
  auto right = sphere(0.25f, vec3(0.1f, 0, 0), vec4(0.15f, 0.3f, 0.9f, 0.6f));
  std::vector<vec3> centre;
  for (float yaw = -3.0f; yaw <= 3.01f; yaw += 1.0f) {
    scene::RenderScene s = scene_of({left, right});
    s.camera.yaw_deg = yaw;
    ImageRGBA8 image = off->render(s);
    centre.push_back(linear_at(image, kSize.width / 2, kSize.height / 2));
  }
  float largest = 0.0f, total = 0.0f;
  for (size_t i = 1; i < centre.size(); ++i) {
    float step = glm::length(centre[i] - centre[i - 1]);
    largest = std::max(largest, step);
    total += step;
  }
  CHECK(largest < 0.02f);
  CHECK(largest <= 2.0f * total / float(centre.size() - 1) + 0.002f);
  CHECK(off->validation_messages() == 0);
}

TEST_CASE("translucency: a skinned instance moved by its palette is blended where it is drawn") {
  // The translucent passes work in the screen rectangle the instances can reach; for a skinned
  // mesh that comes from its joints' boxes moved by the palette, not from where the mesh rests.
  auto off = offscreen();
  auto skinned = std::make_shared<scene::Mesh>(scene::make_sphere(0.15f, 24, 48));
  skinned->skin.assign(skinned->vertices.size(),
                       scene::SkinInfluence{glm::u16vec4(1, 0, 0, 0), vec4(1, 0, 0, 0)});
  const vec4 tint{0.9f, 0.3f, 0.1f, 0.5f};
  scene::MeshInstance moved;
  moved.mesh = skinned;
  moved.color = tint;
  moved.palette = std::make_shared<std::vector<mat4>>(
      std::vector<mat4>{mat4(1.0f), glm::translate(mat4(1.0f), vec3(0.55f, 0.2f, 0.0f))});
  ImageRGBA8 by_palette = off->render(scene_of({moved}));
  ImageRGBA8 by_transform = off->render(scene_of({sphere(0.15f, vec3(0.55f, 0.2f, 0.0f), tint)}));
  CHECK(max_difference(by_palette, by_transform) <= 2);
  // And it is there: the pixel where it sits differs from the empty background.
  ImageRGBA8 empty = off->render(scene_of({}));
  CHECK(max_difference(by_palette, empty) > 20);
  CHECK(off->validation_messages() == 0);
}

// Screen bounds of meshes: the rectangle the translucency passes are limited to. A skinned mesh is
// bounded where its palette moves it, not where it rests; a box behind the camera means "all of it".
#include <doctest/doctest.h>

#include "render/screen_bounds.h"
#include "scene/camera.h"

using namespace fascia;
using namespace fascia::render;

namespace {

constexpr uint32_t kW = 200, kH = 100;

mat4 view_proj(const scene::Camera& c = {}) {
  return c.projection(float(kW) / kH) * c.view();
}

// Where a world point lands, in pixels.
vec2 pixel_of(vec3 p, const mat4& vp) {
  vec4 c = vp * vec4(p, 1.0f);
  return vec2((c.x / c.w * 0.5f + 0.5f) * kW, (c.y / c.w * 0.5f + 0.5f) * kH);
}

}  // namespace

TEST_CASE("screen bounds: a mesh's rectangle holds every vertex, with a small margin") {
  scene::Mesh sphere = scene::make_sphere(0.2f, 12, 24);
  MeshBounds b = mesh_bounds(sphere);
  CHECK(b.box.lo.x == doctest::Approx(-0.2f));
  CHECK(b.box.hi.y == doctest::Approx(0.2f));
  CHECK(b.joint_boxes.empty());

  const mat4 vp = view_proj();
  const mat4 model = glm::translate(mat4(1.0f), vec3(0.3f, -0.1f, 0.0f));
  ScreenRect rect(vp, kW, kH);
  rect.add(b, model, nullptr);
  auto px = rect.pixels();
  REQUIRE(px.has_value());
  for (const auto& v : sphere.vertices) {
    vec2 p = pixel_of(vec3(model * vec4(v.position, 1.0f)), vp);
    CHECK(p.x >= px->x);
    CHECK(p.x <= px->z);
    CHECK(p.y >= px->y);
    CHECK(p.y <= px->w);
  }
  // Tight: a 0.4 m sphere at 3 m is a small part of the frame.
  CHECK((px->z - px->x) * (px->w - px->y) < int(kW * kH) / 4);
}

TEST_CASE("screen bounds: a skinned mesh is bounded where its palette moves it") {
  scene::Mesh m = scene::make_sphere(0.1f, 8, 16);
  // The upper half follows joint 1, the lower half joint 0.
  for (const auto& v : m.vertices)
    m.skin.push_back({glm::u16vec4(v.position.y > 0 ? 1 : 0, 0, 0, 0), vec4(1, 0, 0, 0)});
  MeshBounds b = mesh_bounds(m);
  REQUIRE(b.joint_boxes.size() == 2);

  const mat4 vp = view_proj();
  const std::vector<mat4> palette{mat4(1.0f), glm::translate(mat4(1.0f), vec3(0.8f, 0.0f, 0.0f))};
  ScreenRect rect(vp, kW, kH);
  rect.add(b, mat4(1.0f), &palette);
  auto px = rect.pixels();
  REQUIRE(px.has_value());
  vec2 moved = pixel_of(vec3(0.8f + 0.1f, 0.05f, 0.0f), vp);  // the far edge of the moved half
  vec2 rest = pixel_of(vec3(-0.1f, -0.05f, 0.0f), vp);        // the near edge of the half at rest
  CHECK(px->z >= moved.x);
  CHECK(px->x <= rest.x);

  // A palette without the joint it needs gives no bound (use the whole target).
  ScreenRect unknown(vp, kW, kH);
  const std::vector<mat4> short_palette{mat4(1.0f)};
  unknown.add(b, mat4(1.0f), &short_palette);
  CHECK_FALSE(unknown.pixels().has_value());
}

TEST_CASE("screen bounds: behind the camera means the whole target, off to the side means nothing") {
  MeshBounds b = mesh_bounds(scene::make_sphere(0.1f, 8, 16));
  scene::Camera cam;  // at +Z looking toward the origin
  ScreenRect behind(view_proj(cam), kW, kH);
  behind.add(b, glm::translate(mat4(1.0f), cam.eye() + vec3(0, 0, 0.05f)), nullptr);
  CHECK_FALSE(behind.pixels().has_value());

  ScreenRect aside(view_proj(cam), kW, kH);
  aside.add(b, glm::translate(mat4(1.0f), vec3(50.0f, 0.0f, 0.0f)), nullptr);
  auto px = aside.pixels();
  REQUIRE(px.has_value());
  CHECK(px->z <= px->x);  // empty: clamped to the right edge

  ScreenRect none(view_proj(cam), kW, kH);
  auto nothing = none.pixels();
  REQUIRE(nothing.has_value());
  CHECK(nothing->z <= nothing->x);
}

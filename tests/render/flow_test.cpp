#include <doctest/doctest.h>

#include "render/offscreen.h"
#include "scene/tube.h"
#include "support/golden.h"

using namespace fascia;

TEST_CASE("flow: pulses move along a line over time, and a still line stays still") {
  auto off = render::create_offscreen({200, 200}, true);
  REQUIRE(off.ok());
  std::vector<vec3> path = {vec3(0, -1, 0), vec3(0.1f, 0, 0.05f), vec3(0, 1, 0)};
  auto tube = std::make_shared<scene::Mesh>(scene::make_tube(scene::smooth_path(path, 8), 0.06f, 12));
  scene::RenderScene s;
  s.camera.distance = 4;
  s.instances.push_back({tube, mat4(1), vec4(0.2f, 0.5f, 0.9f, 1), 1});
  s.instances[0].flow = true;
  ImageRGBA8 t0 = (*off)->render(s);
  s.time_seconds = 0.6f;
  ImageRGBA8 t1 = (*off)->render(s);
  auto moved = test::compare_images(t0, t1, {});
  CHECK(moved.differing_fraction > 0.005);  // the pulses moved
  s.instances[0].flow = false;
  ImageRGBA8 a = (*off)->render(s);
  s.time_seconds = 0.0f;
  ImageRGBA8 b = (*off)->render(s);
  CHECK(test::compare_images(a, b, {}).max_channel_difference == 0);
  CHECK((*off)->validation_messages() == 0);
}

#include <doctest/doctest.h>

#include "render/offscreen.h"

using namespace fascia;

TEST_CASE("picking: the id buffer names the instance under a pixel, and nothing on the background") {
  auto off = render::create_offscreen({320, 240}, true);
  REQUIRE(off.ok());
  scene::RenderScene s = scene::make_test_scene();
  s.instances[0].pick_id = 42;
  // A second, translucent instance in front of the knot's centre is looked through below 50 % opacity.
  auto ball = std::make_shared<scene::Mesh>(scene::make_sphere(0.3f, 12, 16));
  scene::MeshInstance glass{ball, glm::translate(mat4(1), s.camera.eye() * 0.5f),
                            vec4(0.5f, 0.7f, 1.0f, 0.3f), 7};
  s.instances.push_back(glass);

  (*off)->renderer->request_pick(160, 120);
  (*off)->render(s);
  auto centre = (*off)->renderer->take_pick();
  REQUIRE(centre.has_value());
  CHECK(*centre == 42);
  CHECK_FALSE((*off)->renderer->take_pick().has_value());  // taken once

  (*off)->renderer->request_pick(2, 2);
  (*off)->render(s);
  CHECK((*off)->renderer->take_pick().value_or(99) == 0);

  // Opaque, the ball in front is what the user clicks.
  s.instances[1].color.a = 1.0f;
  (*off)->renderer->request_pick(160, 120);
  (*off)->render(s);
  CHECK((*off)->renderer->take_pick().value_or(0) == 7);
  CHECK((*off)->validation_messages() == 0);
}

#include "scene/render_scene.h"

namespace fascia::scene {

RenderScene make_test_scene() {
  RenderScene s;
  auto knot = std::make_shared<Mesh>(make_torus_knot(2, 3, 1.0f, 0.28f, 256, 32));
  s.instances.push_back({knot, mat4(1.0f), vec4(0.85f, 0.42f, 0.33f, 1.0f), 1});
  s.camera.distance = 4.2f;
  s.camera.pitch_deg = 20.0f;
  s.camera.yaw_deg = 25.0f;
  return s;
}

}  // namespace fascia::scene

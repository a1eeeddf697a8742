#include "ui/orbit_controls.h"

#include <algorithm>
#include <cmath>

namespace fascia::app {

void OrbitControls::on_button(bool left, bool right_or_middle, double x, double y) {
  rotating = left;
  panning = right_or_middle;
  last_x = x;
  last_y = y;
}

void OrbitControls::on_move(scene::Camera& cam, double x, double y, int viewport_height) {
  double dx = x - last_x, dy = y - last_y;
  last_x = x;
  last_y = y;
  if (rotating) {
    cam.yaw_deg -= float(dx) * 0.3f;
    cam.pitch_deg = std::clamp(cam.pitch_deg + float(dy) * 0.3f, -85.0f, 85.0f);
  } else if (panning) {
    // Move the target in the view plane so the point under the cursor follows it.
    float world_per_pixel = 2.0f * cam.distance * std::tan(glm::radians(cam.fov_y_deg) * 0.5f) /
                            float(std::max(1, viewport_height));
    mat4 view = cam.view();
    vec3 right(view[0][0], view[1][0], view[2][0]);
    vec3 up(view[0][1], view[1][1], view[2][1]);
    cam.target += (-float(dx) * right + float(dy) * up) * world_per_pixel;
  }
}

void OrbitControls::on_scroll(scene::Camera& cam, double dy) {
  cam.distance = std::clamp(cam.distance * std::pow(0.9f, float(dy)), 0.2f, 20.0f);
}

}  // namespace fascia::app

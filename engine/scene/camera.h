#pragma once
// An orbit camera: what the user turns with the mouse and what scenarios animate.
#include "core/math.h"

namespace fascia::scene {

struct Camera {
  vec3 target{0, 0, 0};
  float distance = 3.0f;
  float yaw_deg = 0.0f;    // 0 looks at the front (from +Z toward -Z)
  float pitch_deg = 0.0f;  // positive looks down from above
  float fov_y_deg = 35.0f;
  float near_plane = 0.05f;
  float far_plane = 100.0f;

  vec3 eye() const;
  mat4 view() const;
  // Vulkan clip space: y down, depth [0, 1].
  mat4 projection(float aspect) const;
};

}  // namespace fascia::scene

#pragma once
// An orbit camera: what the user turns with the mouse and what scenarios animate.
#include <vector>

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

// `camera` kept looking from its direction (yaw, pitch, field of view), its target moved to the
// centre of `points` and its distance set so that every point projects inside the picture of
// `aspect` (width / height) with `margin` (a fraction of the half-width and half-height) to spare
// on each side. Empty `points`: the camera unchanged.
Camera frame_points(Camera camera, const std::vector<vec3>& points, float aspect, float margin = 0.06f);

// Where a world point lands in the picture: x and y from -1 to 1 across it (y up), for tests.
vec2 project_to_frame(const Camera& camera, vec3 point, float aspect);

}  // namespace fascia::scene

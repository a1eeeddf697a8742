#include "scene/camera.h"

#include <algorithm>

namespace fascia::scene {

vec3 Camera::eye() const {
  float yaw = glm::radians(yaw_deg), pitch = glm::radians(std::clamp(pitch_deg, -89.0f, 89.0f));
  vec3 dir(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
  return target + distance * dir;
}

mat4 Camera::view() const {
  return glm::lookAt(eye(), target, vec3(0, 1, 0));
}

mat4 Camera::projection(float aspect) const {
  mat4 p = glm::perspective(glm::radians(fov_y_deg), aspect, near_plane, far_plane);
  p[1][1] *= -1.0f;  // Vulkan's y axis points down
  return p;
}

}  // namespace fascia::scene

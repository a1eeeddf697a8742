#include "scene/camera.h"

#include <algorithm>
#include <cmath>

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

Camera frame_points(Camera c, const std::vector<vec3>& points, float aspect, float margin) {
  if (points.empty()) return c;
  vec3 lo(INFINITY), hi(-INFINITY);
  for (const vec3& p : points) lo = glm::min(lo, p), hi = glm::max(hi, p);
  c.target = 0.5f * (lo + hi);
  // The camera's frame: `back` points from the target to the eye.
  c.distance = 1.0f;
  const vec3 back = glm::normalize(c.eye() - c.target);
  const vec3 right = glm::normalize(glm::cross(vec3(0, 1, 0), back));
  const vec3 up = glm::cross(back, right);
  const float ty = std::tan(glm::radians(c.fov_y_deg) * 0.5f) * (1.0f - margin);
  const float tx = ty * aspect;
  // A point at (x, y, z) in that frame (z towards the eye) projects to x / ((d - z) tx) across the
  // picture: inside when d >= z + |x| / tx, and likewise for y.
  float d = 0;
  for (const vec3& p : points) {
    const vec3 q = p - c.target;
    const float x = glm::dot(q, right), y = glm::dot(q, up), z = glm::dot(q, back);
    d = std::max({d, z + std::abs(x) / tx, z + std::abs(y) / ty});
  }
  c.distance = std::max(d, c.near_plane * 2.0f);
  return c;
}

vec2 project_to_frame(const Camera& c, vec3 point, float aspect) {
  const vec4 clip = c.projection(aspect) * c.view() * vec4(point, 1.0f);
  return vec2(clip.x / clip.w, -clip.y / clip.w);
}

}  // namespace fascia::scene

#include "ui/camera_fly.h"

#include <algorithm>
#include <cmath>

namespace fascia::app {
namespace {

constexpr float kMinDistance = 0.25f;  // metres: closer than this the near plane cuts a station
constexpr float kMinRadius = 0.10f;    // a single station still shows its neighbourhood

float ease(float t) {
  return t * t * (3 - 2 * t);
}

}  // namespace

scene::Camera frame_points(const scene::Camera& current, const std::vector<vec3>& points, float aspect,
                           float yaw_deg, float pitch_deg, float margin) {
  scene::Camera cam = current;
  if (points.empty()) return cam;
  vec3 lo = points[0], hi = points[0];
  for (const vec3& p : points) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  const vec3 centre = (lo + hi) * 0.5f;
  float radius = kMinRadius;
  for (const vec3& p : points) radius = std::max(radius, glm::distance(p, centre));
  // The bounding sphere fits the narrower of the two fields of view.
  const float half_v = glm::radians(cam.fov_y_deg) * 0.5f;
  const float half_h = std::atan(std::tan(half_v) * std::max(0.1f, aspect));
  const float half = std::min(half_v, half_h);
  cam.target = centre;
  cam.yaw_deg = yaw_deg;
  cam.pitch_deg = pitch_deg;
  cam.distance = std::clamp(radius * margin / std::sin(half), kMinDistance, 20.0f);
  return cam;
}

vec2 outward_at(vec3 point, const std::vector<vec3>& body_points) {
  constexpr float kBand = 0.08f;     // metres above and below: one cross-section of the body
  constexpr float kMidline = 0.06f;  // closer to x = 0 than this, a point is on the trunk or head
  const bool on_limb = std::abs(point.x) > 0.12f;
  vec2 sum(0);
  int n = 0;
  for (const vec3& b : body_points) {
    if (std::abs(b.y - point.y) > kBand) continue;
    if (on_limb && (b.x * point.x <= 0 || std::abs(b.x) < kMidline)) continue;
    sum += vec2(b.x, b.z);
    ++n;
  }
  vec2 centre = n ? sum / float(n) : vec2(0);
  if (!on_limb) centre.x = 0;  // the trunk's centre lies on the midline
  const vec2 out = vec2(point.x, point.z) - centre;
  const float len = glm::length(out);
  return len > 1e-4f ? out / len : vec2(0, 1);
}

float facing_yaw(vec2 outward) {
  return glm::degrees(std::atan2(outward.x, outward.y));
}

bool faces_camera(const scene::Camera& camera, vec3 point, vec2 outward) {
  const vec3 to_eye = camera.eye() - point;
  const vec2 flat(to_eye.x, to_eye.z);
  return glm::length(flat) <= 1e-4f ||
         glm::dot(glm::normalize(flat), outward) >= std::cos(glm::radians(80.0f));
}

bool shows_point(const scene::Camera& camera, vec3 point, vec2 outward, float aspect, float margin) {
  if (!faces_camera(camera, point, outward)) return false;  // on the far side of the body
  const vec4 clip = camera.projection(aspect) * camera.view() * vec4(point, 1.0f);
  if (clip.w <= camera.near_plane) return false;
  const float limit = 1.0f - margin;
  return std::abs(clip.x / clip.w) <= limit && std::abs(clip.y / clip.w) <= limit;
}

float yaw_showing(float current_yaw, vec2 outward, float within_deg) {
  const float want = facing_yaw(outward);
  float off = std::fmod(want - current_yaw, 360.0f);
  if (off > 180) off -= 360;
  if (off < -180) off += 360;
  return std::abs(off) <= within_deg ? current_yaw : want;
}

void CameraFly::start(const scene::Camera& current, const scene::Camera& goal, float seconds) {
  from = current;
  to = goal;
  // Turn the short way: bring the goal's yaw within 180 degrees of the start.
  while (to.yaw_deg - from.yaw_deg > 180) to.yaw_deg -= 360;
  while (to.yaw_deg - from.yaw_deg < -180) to.yaw_deg += 360;
  elapsed = 0;
  duration = std::max(0.01f, seconds);
}

bool CameraFly::update(scene::Camera& camera, float dt) {
  if (!active()) return false;
  elapsed = std::min(duration, elapsed + dt);
  const float t = ease(elapsed / duration);
  camera.target = glm::mix(from.target, to.target, t);
  // Distance eases in log space so zooming in and out feel alike.
  camera.distance = std::exp(glm::mix(std::log(from.distance), std::log(to.distance), t));
  camera.yaw_deg = glm::mix(from.yaw_deg, to.yaw_deg, t);
  camera.pitch_deg = glm::mix(from.pitch_deg, to.pitch_deg, t);
  return true;
}

}  // namespace fascia::app

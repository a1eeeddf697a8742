#include "ui/session_camera.h"

#include <algorithm>
#include <cmath>

namespace fascia::app {

session::CameraView camera_view_of(const scene::Camera& camera) {
  session::CameraView v;
  // Orbiting adds up turns; the file keeps one turn's worth so it reads as a direction.
  float yaw = std::fmod(camera.yaw_deg + 180.0f, 360.0f);
  if (yaw < 0) yaw += 360.0f;
  v.yaw_deg = yaw - 180.0f;
  v.pitch_deg = std::clamp(camera.pitch_deg, -90.0f, 90.0f);
  // Never 0, which a session reads as "frame the body": the window's camera is always placed.
  v.distance_m = std::clamp(camera.distance, 0.01f, 100.0f);
  v.target = {std::clamp(camera.target.x, -1e3f, 1e3f), std::clamp(camera.target.y, -1e3f, 1e3f),
              std::clamp(camera.target.z, -1e3f, 1e3f)};
  v.fov_deg = std::clamp(camera.fov_y_deg, 5.0f, 120.0f);
  return v;
}

session::Session with_window_camera(const session::Session& current, const scene::Camera& camera) {
  session::Session s = current;
  s.camera = camera_view_of(camera);
  return s;
}

void restore_camera(const session::CameraView& saved, scene::Camera& camera) {
  if (saved.distance_m <= 0) return;
  camera.yaw_deg = saved.yaw_deg;
  camera.pitch_deg = saved.pitch_deg;
  camera.distance = saved.distance_m;
  camera.target = vec3(saved.target[0], saved.target[1], saved.target[2]);
  camera.fov_y_deg = saved.fov_deg;
}

}  // namespace fascia::app

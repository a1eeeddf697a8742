#pragma once
// Smooth camera moves for the window: framing a set of points (a station, a track, a whole line, the
// whole body in any pose) and easing from the current view to that frame. Pure: no window needed.
#include <vector>

#include "core/math.h"
#include "scene/camera.h"

namespace fascia::app {

// The camera that looks at `points` from `yaw_deg`/`pitch_deg` with them filling about
// 1/`margin` of the view's height (and width at `aspect`). Keeps `current` when there are no points.
scene::Camera frame_points(const scene::Camera& current, const std::vector<vec3>& points, float aspect,
                           float yaw_deg, float pitch_deg, float margin = 1.25f);

// Which way a point on the body's surface faces, in the ground plane (x, z): away from the centre of
// the body's cross-section at its height. `body_points` sample the body (every line's stations); on a
// limb (off the midline) only those of the same limb count. Unit length; +z (the front) when unknown.
vec2 outward_at(vec3 point, const std::vector<vec3>& body_points);
// The yaw that looks straight at a surface facing `outward` (0 the front, 180 the back, 90 the left).
float facing_yaw(vec2 outward);
// Whether a surface point facing `outward` is on the side of the body that faces the camera (within
// 80 degrees): a station on the far side is hidden by the body.
bool faces_camera(const scene::Camera& camera, vec3 point, vec2 outward);
// Whether `point` shows in the camera's picture at `aspect`: inside it by `margin` (a fraction of the
// half-width and half-height) and on the side of the body that faces the camera (within 80 degrees).
bool shows_point(const scene::Camera& camera, vec3 point, vec2 outward, float aspect, float margin = 0.1f);
// A yaw that shows a surface facing `outward`: the current one when it already looks at it within
// `within_deg`, else the facing yaw (so following a line turns the camera only when it has to).
float yaw_showing(float current_yaw, vec2 outward, float within_deg = 60);

// Eases the camera from where it was to a goal (smoothstep in time; yaw the short way round).
struct CameraFly {
  scene::Camera from, to;
  float elapsed = 0, duration = 0;

  bool active() const { return elapsed < duration; }
  void start(const scene::Camera& current, const scene::Camera& goal, float seconds = 0.7f);
  // Advances by `dt` and writes the camera; returns false when no fly is under way.
  bool update(scene::Camera& camera, float dt);
};

}  // namespace fascia::app

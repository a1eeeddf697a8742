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

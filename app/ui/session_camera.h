#pragma once
// The window's orbit camera kept in the client's session (issue 15): written into the session on
// save and autosave, and put back on open and `fascia view --session FILE`, so a reopened session
// shows the view the therapist set. The session's camera is a plain record (session::CameraView);
// the window's is scene::Camera, which also has clip planes that are not the therapist's choice.
#include "scene/camera.h"
#include "session/session.h"

namespace fascia::app {

// The window's camera as the session keeps it: always placed (distance > 0), within the ranges a
// session file accepts, yaw folded into [-180, 180).
session::CameraView camera_view_of(const scene::Camera& camera);

// `current` with the window's camera in it (what save and autosave write). A take keeps its yaw
// unfolded instead (record_take.h), so an orbit through 180 degrees does not turn back in the render.
session::Session with_window_camera(const session::Session& current, const scene::Camera& camera);

// Puts a saved camera back on the window's. A session without one (distance 0: an old file or a
// new session) leaves `camera` as it is, the window's framing of the whole body.
void restore_camera(const session::CameraView& saved, scene::Camera& camera);

}  // namespace fascia::app

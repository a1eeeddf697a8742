// The window's camera kept in the session (issue 15): what save writes and open puts back.
#include <doctest/doctest.h>

#include "session/session_file.h"
#include "ui/session_camera.h"

using namespace fascia;

TEST_CASE("session camera: the window's camera goes through a session file and comes back") {
  scene::Camera cam;
  cam.yaw_deg = 30 + 2 * 360;  // two whole orbits and a bit: the file keeps the direction
  cam.pitch_deg = 18.5f;
  cam.distance = 2.25f;
  cam.target = vec3(0.05f, 1.1f, -0.3f);
  cam.fov_y_deg = 40;
  session::Session s = app::with_window_camera(session::default_session(), cam);
  CHECK(s.camera.yaw_deg == doctest::Approx(30).epsilon(1e-5));
  CHECK(s.camera.distance_m == 2.25f);
  auto back = session::parse_session(session::session_to_text(s), "cam.fascia");
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
  scene::Camera restored;
  app::restore_camera(back->camera, restored);
  CHECK(restored.yaw_deg == doctest::Approx(30).epsilon(1e-5));
  CHECK(restored.pitch_deg == 18.5f);
  CHECK(restored.distance == 2.25f);
  CHECK(restored.target.y == 1.1f);
  CHECK(restored.target.z == -0.3f);
  CHECK(restored.fov_y_deg == 40.0f);

  // Folding: -190 is 170, 180 is -180; out-of-range pitch and distance are clamped into what a
  // file accepts, so a save never writes what an open refuses.
  cam.yaw_deg = -190;
  cam.pitch_deg = 120;
  cam.distance = 500;
  session::CameraView v = app::camera_view_of(cam);
  CHECK(v.yaw_deg == doctest::Approx(170));
  CHECK(v.pitch_deg == 90.0f);
  CHECK(v.distance_m == 100.0f);
  cam.yaw_deg = 180;
  CHECK(app::camera_view_of(cam).yaw_deg == doctest::Approx(-180));
}

TEST_CASE("session camera: a session without a camera leaves the window's framing alone") {
  scene::Camera framed;
  framed.yaw_deg = 180;
  framed.distance = 3.4f;
  framed.target = vec3(0, 0.9f, 0);
  scene::Camera cam = framed;
  app::restore_camera(session::default_session().camera, cam);  // distance 0: frame the body
  CHECK(cam.yaw_deg == 180.0f);
  CHECK(cam.distance == 3.4f);
  CHECK(cam.target.y == 0.9f);
}

// The default view frames the body as posed, from every side and in pictures of every shape: every
// skin vertex and line point projects inside the picture with a margin, and the body fills it along
// its tighter axis (no figure lost in a wide frame, no hands cut off in the squat seen from the left).
#include <doctest/doctest.h>

#include "common/app_model.h"

using namespace fascia;
using namespace fascia::app;

namespace {

AppModel& model() {
  static auto m = load_app_model();
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  return **m;
}

}  // namespace

TEST_CASE("framing: the posed body fits every view and picture shape with a margin, and fills it") {
  AppModel& m = model();
  for (const char* pose : {"", "squat", "arm_raise", "forward_bend", "t_pose"}) {
    CAPTURE(pose);
    body::Pose p = body::rest_pose(m.body.skeleton);
    for (const auto& mv : m.movements)
      if (mv.name == pose) p = body::sample_movement(mv, m.body.skeleton, mv.duration());
    m.apply_pose(p);
    const std::vector<vec3> points = m.frame_points();
    REQUIRE(points.size() > 1000);
    for (const char* view : {"front", "back", "left", "right"})
      for (vec2 size : {vec2(1280, 720), vec2(1920, 1080), vec2(240, 320), vec2(720, 1280), vec2(400, 400)}) {
        CAPTURE(view);
        CAPTURE(size.x);
        CAPTURE(size.y);
        const float aspect = size.x / size.y;
        const scene::Camera cam = m.default_view(view, aspect).value().camera;
        vec2 lo(INFINITY), hi(-INFINITY);
        for (const vec3& q : points) {
          const vec2 f = scene::project_to_frame(cam, q, aspect);
          lo = glm::min(lo, f), hi = glm::max(hi, f);
        }
        // Inside with a margin of at least 4 % of the half-size at every edge...
        CHECK(lo.x >= -0.96f);
        CHECK(lo.y >= -0.96f);
        CHECK(hi.x <= 0.96f);
        CHECK(hi.y <= 0.96f);
        // ...and touching the margin (6 %) along the tighter axis: the body is as large as it fits.
        const float reach = std::max({-lo.x, -lo.y, hi.x, hi.y});
        CHECK(reach >= 0.92f);
      }
  }
  m.apply_pose(body::rest_pose(m.body.skeleton));
}

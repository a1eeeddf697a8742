#include "still.h"

#include <cstdio>

#include "core/file_io.h"
#include "core/log.h"
#include "cli_util.h"
#include "render/offscreen.h"

namespace fascia::app {

Result<scene::RenderScene> default_scene(const std::string& view) {
  scene::RenderScene s = scene::make_test_scene();
  float yaw = 0;
  if (view == "front") yaw = 0;
  else if (view == "back") yaw = 180;
  else if (view == "left") yaw = 90;  // the body's left side faces the camera
  else if (view == "right") yaw = -90;
  else return bad_input("--view '" + view + "': expected front, back, left or right");
  s.camera.yaw_deg += yaw;
  return s;
}

Status render_still(const StillOptions& o) {
  if (o.output.extension() != ".png")
    return bad_input(o.output.string() + ": a still is written as PNG; give a file name ending in .png");
  // Fail before any rendering work if the file cannot be written.
  FASCIA_TRY(check_writable(o.output));
  auto scene = default_scene(o.view);
  if (!scene) return scene.error();
  scene->background.transparent = o.transparent;

  auto off = render::create_offscreen(o.size, want_validation());
  if (!off) return off.error();
  ImageRGBA8 image = (*off)->render(*scene);
  if (uint32_t n = (*off)->validation_messages())
    return internal_error("the renderer produced " + std::to_string(n) + " validation message(s)");
  FASCIA_TRY(write_png(o.output, image));
  return ok_status();
}

}  // namespace fascia::app

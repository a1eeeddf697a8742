#include "still.h"

#include "app_model.h"
#include "cli_util.h"
#include "core/file_io.h"
#include "render/offscreen.h"

namespace fascia::app {

namespace {

// Each --lines id must name a line ("sbl") or a line on one side ("sbl.l").
Status check_line_ids(const AppModel& model, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    bool known = false;
    for (const auto& t : model.lines.tracks)
      for (const auto& l : t.lines) known |= scene::line_selected({id}, l);
    if (!known) return bad_input("--lines '" + id + "': no such line; expected ids like sbl, sfl, ll, spl or sbl.l");
  }
  return ok_status();
}

}  // namespace

Status render_still(const StillOptions& o) {
  if (o.output.extension() != ".png")
    return bad_input(o.output.string() + ": a still is written as PNG; give a file name ending in .png");
  // Fail before any work if the arguments are wrong or the file cannot be written.
  FASCIA_TRY(check_writable(o.output));
  auto yaw = view_yaw(o.view);
  if (!yaw) return yaw.error();

  auto model = load_app_model();
  if (!model) return model.error();
  FASCIA_TRY(check_line_ids(**model, o.lines));
  ViewState state = (*model)->default_view(o.view).value();
  state.lines.lines = o.lines;
  state.transparent_background = o.transparent;

  auto off = render::create_offscreen(o.size, want_validation());
  if (!off) return off.error();
  ImageRGBA8 image = (*off)->render((*model)->build_scene(state));
  if (uint32_t n = (*off)->validation_messages())
    return internal_error("the renderer produced " + std::to_string(n) + " validation message(s)");
  return write_png(o.output, image);
}

}  // namespace fascia::app

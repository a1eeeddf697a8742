#include "capture/still.h"

#include <optional>

#include "cli/cli_util.h"
#include "common/app_model.h"
#include "common/labels.h"
#include "common/restrict_text.h"
#include "common/tension.h"
#include "common/ui_layer.h"
#include "core/file_io.h"
#include "render/offscreen.h"
#include "sim/commands.h"

#include <imgui.h>
#include <algorithm>
#include <set>

namespace fascia::app {

namespace {

// Each --lines id must name a line ("sbl") or a line on one side ("sbl.l").
Status check_line_ids(const AppModel& model, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    bool known = false;
    for (const auto& t : model.lines.tracks)
      for (const auto& l : t.lines) known |= scene::line_selected({id}, l);
    if (!known)
      return bad_input("--lines '" + id + "': no such line; expected ids like sbl, sfl, ll, spl or sbl.l");
  }
  return ok_status();
}

}  // namespace

std::vector<Label> station_labels(const AppModel& model, const ViewState& view) {
  std::vector<Label> labels;
  if (view.lines.lines.empty() || view.lines.lines.size() > 2) return labels;  // too many to read
  vec3 eye = view.camera.eye();
  std::vector<const scene::LineGeometry::Station*> stations;
  for (const auto& s : model.lines.stations)
    if (scene::line_selected(view.lines.lines, s.line)) stations.push_back(&s);
  // Nearest first, so of a left/right pair the side facing the camera is labelled.
  std::sort(stations.begin(), stations.end(), [&](auto* a, auto* b) {
    return glm::distance(a->position, eye) < glm::distance(b->position, eye);
  });
  std::set<std::string> seen;
  for (const auto* s : stations) {
    std::string name = pretty_name(s->id.substr(s->id.find('/') + 1));
    if (seen.insert(name).second) labels.push_back({name, s->position});
  }
  return labels;
}

Status render_still(const StillOptions& o) {
  if (o.output.extension() != ".png")
    return bad_input(o.output.string() + ": a still is written as PNG; give a file name ending in .png");
  // Fail before any work if the arguments are wrong or the file cannot be written.
  FASCIA_TRY(check_writable(o.output));
  auto yaw = view_yaw(o.view);
  if (!yaw) return yaw.error();

  auto model = load_app_model(false, o.model);
  if (!model) return model.error();
  FASCIA_TRY(check_line_ids(**model, o.lines));
  if (!o.pose.empty()) {
    const body::Movement* found = nullptr;
    std::string names;
    for (const auto& m : (*model)->movements) {
      if (m.name == o.pose) found = &m;
      names += (names.empty() ? "" : ", ") + m.name;
    }
    if (!found)
      return bad_input(o.pose_flag + " '" + o.pose + "': no such pose or movement; expected one of " + names);
    (*model)->apply_pose(body::sample_movement(*found, (*model)->body.skeleton, found->duration()));
  }
  ViewState state = (*model)->default_view(o.view, float(o.size.width) / float(o.size.height)).value();
  state.lines.lines = o.lines;
  state.transparent_background = o.transparent;

  std::optional<TensionColouring> tension;
  if (!o.restrict.empty()) {
    // The same typed path and encoding as the window: a session, synced into the simulation.
    auto session = session_with_restrictions(o.restrict);
    if (!session) return session.error();
    const sim::Model& sm = sim::default_model();
    auto now = equilibrium_snapshot(sm, *session);
    if (!now) return bad_input("--restrict: " + now.error().message);
    tension = colour_by_tension(sm, *now, baseline_snapshot(sm));
    state.lines.track_profile = tension->track_profile;
    state.body.muscle.opacity = 0.18f;  // a tension still is about the lines: x-ray the muscles
  }

  auto off = render::create_offscreen(o.size, want_validation());
  if (!off) return off.error();
  // Labels and the legend are drawn by the same UI layer as in the window, scaled to the image.
  const float scale = ui_scale_for_height(o.size.height);
  UiLayer ui(*(*off)->context, (*off)->target->format(), nullptr, scale);
  ui.begin_frame(o.size, 0);
  if (o.labels) {
    auto width = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
    draw_labels(place_labels(station_labels(**model, state), state.camera, vec2(o.size.width, o.size.height),
                             ImGui::GetTextLineHeight(), +width),
                scale);
  }
  if (tension) draw_tension_legend(*tension, scale);
  auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D e) {
    ui.record(cmd, image, e);
  };
  ImageRGBA8 image = (*off)->render((*model)->build_scene(state), overlay);
  if (uint32_t n = (*off)->validation_messages())
    return internal_error("the renderer produced " + std::to_string(n) + " validation message(s)");
  return write_png(o.output, image);
}

}  // namespace fascia::app

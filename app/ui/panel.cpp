#include "ui/panel.h"

#include <algorithm>
#include <iterator>

#include <imgui.h>

#include "sim/commands.h"
#include "ui/orbit_controls.h"

#include <cstdio>

namespace fascia::app {

namespace {

void layer_controls(const char* name, scene::LayerStyle& style) {
  ImGui::PushID(name);
  ImGui::Checkbox(name, &style.visible);
  ImGui::SameLine(110);
  ImGui::SetNextItemWidth(120);
  ImGui::SliderFloat("##opacity", &style.opacity, 0.05f, 1.0f, "%.2f");
  ImGui::PopID();
}

void restriction_controls(RestrictionTool& tool) {
  const auto& tracks = sim::default_model().track_name;
  if (tracks.empty()) return;
  tool.track = std::clamp(tool.track, 0, int(tracks.size()) - 1);
  if (ImGui::Checkbox("Colour lines by added tension", &tool.colour_by_tension)) tool.changed = true;
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo("Track", tracks[tool.track].c_str())) {
    for (int i = 0; i < int(tracks.size()); ++i)
      if (ImGui::Selectable(tracks[i].c_str(), i == tool.track)) tool.track = i;
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(200);
  ImGui::SliderFloat("Stiffness x", &tool.stiffness_x, 0.1f, 10.0f, "%.1f", ImGuiSliderFlags_Logarithmic);
  ImGui::SetNextItemWidth(200);
  ImGui::SliderFloat("Shorten %", &tool.shorten_pct, 0.0f, 10.0f, "%.1f");
  if (ImGui::Button("Restrict")) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s=%.2f,%.2f", tracks[tool.track].c_str(), tool.stiffness_x,
                  tool.shorten_pct);
    tool.active.push_back(buf);
    tool.colour_by_tension = true;
    tool.changed = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("Release all") && !tool.active.empty()) {
    tool.active.clear();
    tool.changed = true;
  }
  for (size_t i = 0; i < tool.active.size(); ++i) {
    ImGui::PushID(int(i));
    if (ImGui::SmallButton("x")) {
      tool.active.erase(tool.active.begin() + long(i));
      tool.changed = true;
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(tool.active[i].c_str());
    ImGui::PopID();
  }
}

void movement_controls(MovementTool& tool, const std::vector<body::Movement>& movements) {
  const char* current = tool.movement < 0 ? "standing" : movements[size_t(tool.movement)].name.c_str();
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo("Movement", current)) {
    if (ImGui::Selectable("standing", tool.movement < 0)) {
      tool.movement = -1;
      tool.changed = true;
    }
    for (int i = 0; i < int(movements.size()); ++i)
      if (ImGui::Selectable(movements[size_t(i)].name.c_str(), i == tool.movement)) {
        tool.movement = i;
        tool.time = 0;
        tool.playing = true;
        tool.changed = true;
      }
    ImGui::EndCombo();
  }
  if (tool.movement >= 0) {
    const auto& m = movements[size_t(tool.movement)];
    if (ImGui::Button(tool.playing ? "Pause" : "Play")) tool.playing = !tool.playing;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    if (ImGui::SliderFloat("##time", &tool.time, 0.0f, std::max(0.01f, m.duration()), "%.2f s"))
      tool.changed = true;
  }
  if (ImGui::Checkbox("Colour lines by stretch", &tool.colour_by_stretch)) tool.changed = true;
}

}  // namespace

// The control panel: view presets, layers with x-ray opacity, which lines show, the restriction
// tool, frame time.
void build_panel(ViewState& view, RestrictionTool& tool, MovementTool& movement,
                 const std::vector<body::Movement>& movements, float frame_ms) {
  ImGui::SetNextWindowPos(ImVec2(12, 12), ImGuiCond_FirstUseEver);
  ImGui::Begin("Fascia Atlas", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted("View");
  const char* names[] = {"Front", "Back", "Left", "Right"};
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine();
    if (ImGui::Button(names[i])) OrbitControls::preset(view.camera, i + 1);
  }
  ImGui::Separator();
  ImGui::TextUnformatted("Layers (opacity)");
  layer_controls("Skin", view.body.skin);
  layer_controls("Muscle", view.body.muscle);
  layer_controls("Bone", view.body.bone);
  ImGui::Separator();
  // Which lines show is the Lines panel's (ui/lines_panel.cpp): full names, show only, sides.
  ImGui::Checkbox("Stations", &view.lines.stations);
  ImGui::SameLine();
  ImGui::Checkbox("Flow along the lines", &view.lines.flow);
  ImGui::Separator();
  ImGui::TextUnformatted("Movement");
  movement_controls(movement, movements);
  ImGui::Separator();
  ImGui::TextUnformatted("Restriction (illustrative model)");
  restriction_controls(tool);
  ImGui::Separator();
  ImGui::Text("%.1f ms a frame", frame_ms);
  ImGui::End();
}

}  // namespace fascia::app

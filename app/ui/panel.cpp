#include "ui/panel.h"

#include <algorithm>
#include <iterator>

#include <imgui.h>

#include <cctype>
#include "ui/panel_layout.h"

namespace fascia::app {

namespace {

// A layer's opacity as a session action; 0 hides it. A drag is one undo step.
void layer_controls(LiveState& live, const char* name, float session::Layers::*field) {
  session::Layers layers = live.history.current().layers;
  float v = layers.*field;
  ImGui::PushID(name);
  ImGui::TextUnformatted(name);
  ImGui::SameLine(110);
  ImGui::SetNextItemWidth(120);
  bool changed = ImGui::SliderFloat("##opacity", &v, 0.0f, 1.0f, "%.2f");
  bool released = ImGui::IsItemDeactivatedAfterEdit();
  std::string script = name;
  for (char& c : script) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (auto it = live.slider_values.find(script); it != live.slider_values.end()) {
    v = std::clamp(float(it->second), 0.0f, 1.0f);
    live.slider_values.erase(it);
    changed = released = true;
  }
  if (changed) {
    layers.*field = v;
    apply(live, session::SetLayers{layers}, std::string("layer:") + name);
  }
  if (released) live.history.end_merge();
  ImGui::PopID();
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

// The control panel: view presets, layers with x-ray opacity, which lines show, movement, the
// restrictions, frame time.
PanelRequests build_panel(ViewState& view, LiveState& live, MovementTool& movement,
                          const std::vector<body::Movement>& movements, float frame_ms) {
  PanelRequests asks;
  place_control_panel();  // top left, down to the Treatment panel (ui/panel_layout.h)
  ImGui::Begin(kControlPanel, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted("View");
  // They frame the whole body as it stands, as the keys 1-4 do (they used to turn the camera only,
  // keeping a close-up's pan and zoom).
  const char* labels[] = {"Front", "Back", "Left", "Right"};
  const char* presets[] = {"front", "back", "left", "right"};
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine();
    const bool clicked = ImGui::Button(labels[i]);
    if (live.pressed.erase(std::string("view-") + presets[i]) || clicked) asks.preset = presets[i];
  }
  ImGui::Separator();
  ImGui::TextUnformatted("Layers (opacity)");
  layer_controls(live, "Skin", &session::Layers::skin);
  layer_controls(live, "Muscle", &session::Layers::muscle);
  layer_controls(live, "Bone", &session::Layers::bone);
  ImGui::Separator();
  // Which lines show is the Lines panel's (ui/lines_panel.cpp): full names, show only, sides.
  ImGui::Checkbox("Stations", &view.lines.stations);
  ImGui::SameLine();
  ImGui::Checkbox("Flow along the lines", &view.lines.flow);
  ImGui::Separator();
  ImGui::TextUnformatted("Movement");
  movement_controls(movement, movements);
  ImGui::Separator();
  ImGui::TextUnformatted("Restrictions (illustrative model)");
  draw_restrictions(live);
  ImGui::Separator();
  ImGui::Text("%.1f ms a frame", frame_ms);
  ImGui::End();
  return asks;
}

}  // namespace fascia::app

#include "panel.h"

#include <algorithm>
#include <iterator>

#include <imgui.h>

#include "orbit_controls.h"

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

}  // namespace

// The control panel: view presets, layers with x-ray opacity, which lines show, frame time.
void build_panel(ViewState& view, float frame_ms) {
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
  ImGui::TextUnformatted("Lines");
  static const char* kLines[] = {"sbl", "sfl", "ll", "spl", "sfal", "dfal", "sbal", "dbal", "bfl", "ffl", "ifl", "dfl"};
  auto& shown = view.lines.lines;
  bool all = shown.empty();
  if (ImGui::Checkbox("All lines", &all) && all) shown.clear();
  for (int i = 0; i < 12; ++i) {
    bool on = all || std::find(shown.begin(), shown.end(), kLines[i]) != shown.end();
    if (i % 4) ImGui::SameLine(12 + (i % 4) * 70.0f);
    if (ImGui::Checkbox(kLines[i], &on)) {
      if (all) shown.assign(std::begin(kLines), std::end(kLines));  // start from all, then remove
      if (on) shown.push_back(kLines[i]);
      else shown.erase(std::remove(shown.begin(), shown.end(), kLines[i]), shown.end());
      if (shown.size() >= 12) shown.clear();
    }
  }
  ImGui::Checkbox("Stations", &view.lines.stations);
  ImGui::Separator();
  ImGui::Text("%.1f ms a frame", frame_ms);
  ImGui::End();
}

}  // namespace fascia::app

#include "ui/panel_layout.h"

#include <algorithm>
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

#include "common/tension.h"

namespace fascia::app {
namespace {

PanelRect rect_of(const ImGuiWindow* w) {
  return {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y};
}

}  // namespace

std::optional<PanelRect> last_rect(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  if (!w || !(w->Active || w->WasActive)) return std::nullopt;
  return rect_of(w);
}

std::vector<std::pair<std::string, PanelRect>> drawn_panels() {
  std::vector<std::pair<std::string, PanelRect>> out;
  // Between frames `Active` says whether a window was drawn in the frame just finished.
  const std::pair<const char*, const char*> panels[] = {
      {"control", kControlPanel}, {"treatment", kTreatmentPanel}, {"range", kRangePanel},
      {"lines", kLinesPanel},     {"session", kSessionBar},       {"record", kRecordPanel}};
  for (const auto& [key, name] : panels) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    if (w && w->Active) out.emplace_back(key, rect_of(w));
  }
  const LegendPlace& l = last_legend_place();
  if (l.frame >= 0 && l.frame == ImGui::GetFrameCount())
    out.emplace_back("legend", PanelRect{l.x0, l.y0, l.x1 - l.x0, l.y1 - l.y0});
  return out;
}

void place_control_panel() {
  ImGui::SetNextWindowPos(ImVec2(kPanelGap, kPanelGap), ImGuiCond_FirstUseEver);
  // Down to the Treatment panel and no further: what does not fit scrolls.
  float bottom = ImGui::GetIO().DisplaySize.y - kPanelGap;
  if (auto t = last_rect(kTreatmentPanel)) bottom = t->y - kPanelGap;
  float top = kPanelGap;
  if (auto c = last_rect(kControlPanel)) top = c->y;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, std::max(120.0f, bottom - top)));
}

void place_record_panel(float scale) {
  float x = 340 * scale;
  if (auto c = last_rect(kControlPanel)) x = c->right() + kPanelGap;
  ImGui::SetNextWindowPos(ImVec2(x, kPanelGap * scale), ImGuiCond_Always);
}

void place_session_bar() {
  float x = ImGui::GetIO().DisplaySize.x / 2;
  if (auto r = last_rect(kRecordPanel))
    x = r->right() + kPanelGap;
  else if (auto c = last_rect(kControlPanel))
    x = c->right() + kPanelGap;
  ImGui::SetNextWindowPos(ImVec2(x, kPanelGap), ImGuiCond_Always);
  // Its message wraps before it reaches the Lines panel.
  float right = ImGui::GetIO().DisplaySize.x - kPanelGap;
  if (auto l = last_rect(kLinesPanel)) right = l->x - kPanelGap;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::max(200.0f, right - x), FLT_MAX));
}

void place_range_panel(float scale) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(
      ImVec2(io.DisplaySize.x - kPanelGap, legend_top(io.DisplaySize.y, scale) - kPanelGap), ImGuiCond_Always,
      ImVec2(1, 1));
}

}  // namespace fascia::app

// The help overlay (F1 or ?): every shortcut and mouse gesture, grouped.
#include <imgui.h>

#include "ui/learn_ui.h"

namespace fascia::app {

void draw_help_overlay(LearnUi& ui) {
  if (!ui.help_open) return;
  struct Row {
    const char* keys;
    const char* what;
  };
  struct Group {
    const char* title;
    std::vector<Row> rows;
  };
  static const Group kGroups[] = {
      {"Mouse",
       {{"Left-drag", "orbit round the body"},
        {"Right- or middle-drag", "pan"},
        {"Wheel", "zoom"},
        {"Rest the cursor", "name what is under it"},
        {"Click", "select it: the inspector shows what it is"}}},
      {"Camera",
       {{"1 2 3 4", "front, back, left, right (the whole body)"},
        {"F", "frame the selection"},
        {"H", "home: the whole body from the front"}}},
      {"Lines and learning",
       {{"Click a line's name", "show only that line (All / None, Left / Right / Both beside it)"},
        {"Follow", "walk a line station by station"},
        {"Left / Right arrow", "previous / next station, or lesson step"},
        {"Ctrl+F or /", "search lines, stations, muscles and bones"},
        {"Lessons, Quiz", "in the Lines panel"}}},
      {"Window", {{"F1 or ?", "this help"}, {"Esc", "close help, search or follow; otherwise quit"}}},
  };
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  if (ImGui::Begin("Help", &ui.help_open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    for (const Group& g : kGroups) {
      ImGui::TextColored(ImVec4(0.6f, 0.8f, 1.0f, 1), "%s", g.title);
      for (const Row& r : g.rows) {
        ImGui::Text("  %s", r.keys);
        ImGui::SameLine(220 * ui.scale);
        ImGui::TextUnformatted(r.what);
      }
      ImGui::Spacing();
    }
  }
  ImGui::End();
}

}  // namespace fascia::app

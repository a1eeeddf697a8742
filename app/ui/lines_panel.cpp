// The lines panel: each line by its full name with its colour and evidence badge; one click on a
// name shows only that line, ticks add and remove lines, All/None, and which side shows.
#include <imgui.h>

#include "learn/describe.h"
#include "scene/colormap.h"
#include "ui/learn_ui.h"

namespace fascia::app {
namespace {

// A line's badge: the best grade any of its assessed transitions reached, as Wilke 2016 graded
// whole lines ("strong", or "moderate to strong, for parts"); not assessed when none was.
atlas::Grade line_grade(const atlas::Line& line, int& assessed, int& verified) {
  atlas::Grade best = atlas::Grade::NotAssessed;
  assessed = verified = 0;
  for (const atlas::Transition& t : line.transitions) {
    if (t.evidence.grade == atlas::Grade::NotAssessed) continue;
    ++assessed;
    verified += t.evidence.grade == atlas::Grade::Strong || t.evidence.grade == atlas::Grade::Moderate;
    if (int(t.evidence.grade) < int(best)) best = t.evidence.grade;
  }
  return best;
}

ImVec4 badge_colour(atlas::Grade g) {
  switch (g) {
    case atlas::Grade::Strong:
      return ImVec4(0.25f, 0.62f, 0.30f, 1);
    case atlas::Grade::Moderate:
      return ImVec4(0.62f, 0.55f, 0.15f, 1);
    case atlas::Grade::Limited:
      return ImVec4(0.65f, 0.40f, 0.12f, 1);
    case atlas::Grade::None:
      return ImVec4(0.60f, 0.20f, 0.18f, 1);
    case atlas::Grade::NotAssessed:
      break;
  }
  return ImVec4(0.35f, 0.35f, 0.38f, 1);
}

}  // namespace

bool learn_button(LearnUi& ui, const char* label, const std::string& script_name, bool small) {
  const bool pressed = small ? ImGui::SmallButton(label) : ImGui::Button(label);
  return ui.script_presses.erase(script_name) > 0 || pressed;
}

void show_only_line(LearnUi& ui, ViewState& view, const std::string& line_id) {
  ui.shown = {line_id};
  select_structure(ui, view, line_id + (ui.side == ShownSide::Right ? ".r" : ".l"), false);
}

void show_all_lines(LearnUi& ui) {
  // "All" is every line on both sides: after left or right only, both come back.
  ui.shown = std::set<std::string>(std::begin(atlas::kLineIds), std::end(atlas::kLineIds));
  ui.side = ShownSide::Both;
}

void show_no_lines(LearnUi& ui) {
  ui.shown.clear();
}

void start_follow(LearnUi& ui, ViewState& view, const std::string& line_id) {
  const std::string instance = line_id + (ui.side == ShownSide::Right ? ".r" : ".l");
  ui.follow.emplace(ui.model->atlas, ui.anatomy, instance);
  ui.shown = {line_id};
  ui.side = ui.side == ShownSide::Both ? ShownSide::Left : ui.side;
  frame_follow_stop(ui, view);
}

void start_quiz(LearnUi& ui) {
  learn::QuizOptions o;
  o.seed = uint64_t(ui.progress.quizzes_taken) * 7919u + 17u;
  ui.quiz.emplace(ui.model->atlas, ui.anatomy, learn::make_quiz(ui.model->atlas, ui.anatomy, ui.progress, o));
  ui.quiz_grade.reset();
  ui.graded_item = ui.framed_item = nullptr;
  ui.order.clear();
  ui.ticked.clear();
}

void draw_evidence_badge(atlas::Grade grade, const char* id_suffix, const std::string& detail) {
  const learn::Badge b = learn::grade_badge(grade);
  ImGui::PushStyleColor(ImGuiCol_Button, badge_colour(grade));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, badge_colour(grade));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, badge_colour(grade));
  ImGui::SmallButton((b.label + "##badge" + id_suffix).c_str());
  ImGui::PopStyleColor(3);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Evidence: %s\n%s%s%s", b.label.c_str(), b.explanation.c_str(),
                      detail.empty() ? "" : "\n", detail.c_str());
}

void draw_lines_panel(LearnUi& ui, ViewState& view) {
  // A quiz takes this corner (and the names would give answers away); a lesson sets the lines itself.
  if (ui.quiz || ui.player) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 12, 12), ImGuiCond_FirstUseEver, ImVec2(1, 0));
  if (!ImGui::Begin("Lines", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  if (learn_button(ui, "All", "all", true)) show_all_lines(ui);
  ImGui::SameLine();
  if (learn_button(ui, "None", "none", true)) show_no_lines(ui);
  ImGui::SameLine();
  ImGui::TextDisabled("  side:");
  ImGui::SameLine();
  int side = int(ui.side);
  ImGui::RadioButton("both", &side, int(ShownSide::Both));
  ImGui::SameLine();
  ImGui::RadioButton("left", &side, int(ShownSide::Left));
  ImGui::SameLine();
  ImGui::RadioButton("right", &side, int(ShownSide::Right));
  for (const auto& [name, choice] : {std::pair<const char*, ShownSide>{"side both", ShownSide::Both},
                                     {"side left", ShownSide::Left},
                                     {"side right", ShownSide::Right}})
    if (ui.script_presses.erase(name)) side = int(choice);
  ui.side = ShownSide(side);

  if (ImGui::BeginTable("lines", 4, ImGuiTableFlags_SizingFixedFit)) {
    for (const atlas::Line& line : ui.model->atlas.lines) {
      ImGui::PushID(line.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool on = ui.shown.count(line.id) > 0;
      if (ImGui::Checkbox("##on", &on)) on ? (void)ui.shown.insert(line.id) : (void)ui.shown.erase(line.id);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show or hide this line alongside the others");
      ImGui::SameLine();
      const vec3 c = scene::line_color(line.id);
      ImGui::ColorButton("##swatch", ImVec4(c.r, c.g, c.b, 1),
                         ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoPicker,
                         ImVec2(14 * ui.scale, 14 * ui.scale));
      ImGui::TableNextColumn();
      const std::string name = ui.names_hidden()
                                   ? "Line " + std::to_string(&line - ui.model->atlas.lines.data() + 1)
                                   : learn::display_name(ui.anatomy, ui.model->atlas, line.id);
      // One click on the name shows only this line.
      const bool only = ImGui::Selectable(name.c_str(), ui.shown.size() == 1 && on);
      if (only || ui.script_presses.erase("show-only " + line.id)) show_only_line(ui, view, line.id);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show only this line (id %s)", line.id.c_str());
      ImGui::TableNextColumn();
      int assessed = 0, verified = 0;
      const atlas::Grade g = line_grade(line, assessed, verified);
      draw_evidence_badge(g, line.id.c_str(),
                          assessed ? std::to_string(verified) + " of " + std::to_string(assessed) +
                                         " assessed transitions verified (" +
                                         std::to_string(line.transitions.size()) + " in all)"
                                   : "");
      ImGui::TableNextColumn();
      if (learn_button(ui, "Follow", "follow " + line.id, true)) start_follow(ui, view, line.id);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!ui.hidden.empty()) {
    ImGui::TextDisabled("Hidden or faded (right-click a structure):");
    for (auto it = ui.hidden.begin(); it != ui.hidden.end();) {
      ImGui::PushID(it->first.c_str());
      const bool show = ImGui::SmallButton("show");
      ImGui::SameLine();
      ImGui::Text("%s%s", learn::display_name(ui.anatomy, ui.model->atlas, it->first).c_str(),
                  it->second > 0 ? " (faded)" : "");
      ImGui::PopID();
      it = show ? ui.hidden.erase(it) : std::next(it);
    }
  }
  ImGui::Checkbox("Quiz mode: hide names and labels", &ui.quiz_only);
  if (ui.script_presses.erase("quiz-only on")) ui.quiz_only = true;
  if (ui.script_presses.erase("quiz-only off")) ui.quiz_only = false;
  if (ImGui::Button("Lessons")) ui.lessons_open = true;
  ImGui::SameLine();
  if (learn_button(ui, "Quiz", "quiz start")) start_quiz(ui);
  ImGui::SameLine();
  if (learn_button(ui, "Search (/)", "search")) ui.search_open = ui.search_focus = true;
  ImGui::SameLine();
  if (ImGui::Button("Help (?)")) ui.help_open = true;
  if (!ui.problem.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 380 * ui.scale);
    ImGui::TextColored(ImVec4(1, 0.6f, 0.4f, 1), "%s", ui.problem.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace fascia::app

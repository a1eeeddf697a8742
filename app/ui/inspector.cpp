// The inspector (what the selected structure is), the search box (Ctrl+F or /) and the text card of
// "Follow a line".
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "learn/describe.h"
#include "ui/learn_ui.h"

namespace fascia::app {
namespace {

void wrapped(const char* label, const std::string& text) {
  if (text.empty()) return;
  ImGui::TextDisabled("%s", label);
  ImGui::TextWrapped("%s", text.c_str());
}

std::string names(const LearnUi& ui, const std::vector<std::string>& ids) {
  std::string s;
  for (size_t i = 0; i < ids.size(); ++i)
    s += (i ? ", " : "") + learn::display_name(ui.anatomy, ui.model->atlas, ids[i]);
  return s;
}

}  // namespace

void draw_inspector(LearnUi& ui, ViewState& view) {
  if (ui.selected.empty() || ui.quiz) return;
  const learn::Inspection in = learn::inspect(ui.anatomy, ui.model->atlas, ui.selected);
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(12, io.DisplaySize.y - 12), ImGuiCond_Always, ImVec2(0, 1));
  // Under the control panel, never over it (its buttons hid behind the inspector).
  float top = 12;
  if (const ImGuiWindow* panel = ImGui::FindWindowByName("Fascia Atlas"); panel && panel->Active)
    top = panel->Pos.y + (panel->Collapsed ? panel->TitleBarHeight() : panel->Size.y) + 8;
  const float room = std::max(120 * ui.scale, io.DisplaySize.y - 12 - top);
  ImGui::SetNextWindowSizeConstraints(ImVec2(360 * ui.scale, 0),
                                      ImVec2(360 * ui.scale, std::min(room, io.DisplaySize.y * 0.45f)));
  bool open = true;
  if (!ImGui::Begin("Inspector", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
    ImGui::End();
    return;
  }
  ImGui::TextUnformatted(ui.names_hidden() ? "?" : in.name.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("id: %s", in.id.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", in.kind_label.c_str());
  if (!ui.names_hidden()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextWrapped("%s", in.description.c_str());
    wrapped("Origin", in.origin);
    wrapped("Insertion", in.insertion);
    wrapped("Action", in.action);
    if (!in.lines.empty()) wrapped("Lines", names(ui, in.lines));
    if (!in.tracks.empty() && in.kind != learn::IdKind::Track) wrapped("Tracks", names(ui, in.tracks));
    // Live figures for the tracks it is (or is part of) on its side: tension and stretch.
    const std::map<std::string, float> stretch = ui.model->track_stretch();
    for (const auto& t : ui.model->lines.tracks) {
      const atlas::Track* track = ui.model->atlas.track(learn::strip_side(t.id));
      if (!track) continue;
      const bool same_side = learn::side_of(t.id) == learn::side_of(ui.selected) || learn::side_of(t.id) == 0;
      const bool part = t.id == ui.selected ||
                        (same_side && std::find(track->tissues.begin(), track->tissues.end(),
                                                learn::strip_side(ui.selected)) != track->tissues.end());
      if (!part) continue;
      auto tension = ui.added_tension_N.find(t.id);
      auto s = stretch.find(t.id);
      const bool has_tension = tension != ui.added_tension_N.end();
      const bool has_stretch = s != stretch.end() && std::abs(s->second) > 0.005f;
      if (!has_tension && !has_stretch) continue;
      ImGui::TextDisabled("%s (illustrative model)",
                          learn::display_name(ui.anatomy, ui.model->atlas, t.id).c_str());
      if (has_tension) ImGui::Text("  added tension %.1f N", tension->second);
      if (has_stretch) ImGui::Text("  length %+.1f %% against standing", 100.0f * s->second);
    }
    if (!in.evidence.empty()) {
      ImGui::TextDisabled("Evidence (Wilke 2016, Krause 2016)");
      for (const std::string& e : in.evidence) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", e.c_str());
      }
    }
    if (!in.sources.empty() && ImGui::TreeNode("Sources")) {
      for (const std::string& s : in.sources) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", s.c_str());
      }
      ImGui::TreePop();
    }
    ImGui::PopTextWrapPos();
  }
  if (ImGui::SmallButton("Frame (F)")) ui.requests.frame = ui.selected;
  if (in.kind == learn::IdKind::Line || in.kind == learn::IdKind::Station) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Follow this line")) {
      std::string line = ui.selected.substr(0, ui.selected.find('/'));
      if (learn::side_of(line) == 0) line += ".l";
      ui.follow.emplace(ui.model->atlas, ui.anatomy, line);
      ui.shown = {learn::strip_side(line)};
      ui.side = learn::side_of(line) == 'r' ? ShownSide::Right : ShownSide::Left;
      if (learn::id_kind(ui.anatomy, ui.model->atlas, ui.selected) == learn::IdKind::Station)
        for (size_t i = 0; i < ui.follow->size(); ++i) {
          ui.follow->go_to(i);
          if (ui.follow->card().station_id == ui.selected) break;
        }
      const std::string keep = ui.selected;
      frame_follow_stop(ui, view);
      if (ui.follow->card().station_id != keep) ui.follow->go_to(0);
    }
  }
  ImGui::End();
  if (!open) {
    ui.selected.clear();
    ui.highlight.clear();
    view.lines.highlight.clear();
  }
}

void draw_search(LearnUi& ui, ViewState& view) {
  if (!ui.search_open) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 60 * ui.scale), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowSize(ImVec2(420 * ui.scale, 0), ImGuiCond_Always);
  if (!ImGui::Begin("Search", &ui.search_open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  if (ui.search_focus) {
    ImGui::SetKeyboardFocusHere();
    ui.search_focus = false;
  }
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      ImGui::InputTextWithHint("##q", "line, station, muscle, bone (e.g. hamstrings, IT band)", ui.query,
                               sizeof ui.query, ImGuiInputTextFlags_EnterReturnsTrue);
  const std::vector<learn::SearchHit> hits =
      ui.search ? ui.search->find(ui.query, 10) : std::vector<learn::SearchHit>{};
  if (take_search_key(ui, GLFW_KEY_DOWN)) ++ui.search_cursor;
  if (take_search_key(ui, GLFW_KEY_UP)) --ui.search_cursor;
  const bool enter_key = take_search_key(ui, GLFW_KEY_ENTER) || take_search_key(ui, GLFW_KEY_KP_ENTER);
  ui.search_cursor = hits.empty() ? 0 : std::clamp(ui.search_cursor, 0, int(hits.size()) - 1);
  std::string chosen;
  for (size_t i = 0; i < hits.size(); ++i) {
    const learn::SearchHit& h = hits[i];
    std::string row = h.name;
    if (!h.matched.empty() && h.matched != "(description)")
      row += "  · " + h.matched;  // the font has no dash
    if (ImGui::Selectable((row + "##" + h.id).c_str(), int(i) == ui.search_cursor)) chosen = h.id;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("id: %s", h.id.c_str());
  }
  if (hits.empty() && std::strlen(ui.query) > 0) ImGui::TextDisabled("Nothing by that name.");
  if ((enter || enter_key) && !hits.empty()) chosen = hits[size_t(ui.search_cursor)].id;
  ImGui::End();
  if (!chosen.empty()) {
    // A paired structure found without a side is shown on the left; the line of a station shows.
    std::string id = chosen;
    const learn::IdKind kind = learn::id_kind(ui.anatomy, ui.model->atlas, id);
    if (kind == learn::IdKind::Line) {
      ui.shown = {id};
      id += ".l";
    } else if (kind == learn::IdKind::Station) {
      ui.shown = {learn::strip_side(id.substr(0, id.find('/')))};
    } else if (kind == learn::IdKind::Tissue || kind == learn::IdKind::Bone || kind == learn::IdKind::Track) {
      const bool paired = std::any_of(ui.model->posed.parts.begin(), ui.model->posed.parts.end(),
                                      [&](const auto& p) { return p.name == id + ".l"; }) ||
                          std::any_of(ui.model->lines.tracks.begin(), ui.model->lines.tracks.end(),
                                      [&](const auto& t) { return t.id == id + ".l"; });
      if (paired) id += ".l";
    }
    select_structure(ui, view, id, true);
    ui.search_open = false;
    ui.query[0] = 0;
  }
}

void draw_follow_card(LearnUi& ui, ViewState& view) {
  if (!ui.follow || !ui.follow->valid()) return;
  const learn::FollowCard c = ui.follow->card();
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 12), ImGuiCond_Always,
                          ImVec2(0.5f, 1));
  ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0), ImGuiCond_Always);
  bool open = true;
  const std::string title =
      "Follow: " + learn::display_name(ui.anatomy, ui.model->atlas, ui.follow->line_instance()) + "###follow";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextUnformatted(c.title.c_str());
    ImGui::TextWrapped("%s", c.station_text.c_str());
    if (c.has_transition) {
      ImGui::TextDisabled("Transition:");
      ImGui::SameLine();
      draw_evidence_badge(ui.model->atlas.line(learn::strip_side(ui.follow->line_instance()))
                              ->transition(c.station_id.substr(c.station_id.find('/') + 1))
                              ->evidence.grade,
                          "follow");
      ImGui::SameLine();
      ImGui::TextDisabled("%s%s%s", c.force.label.c_str(), c.evidence_sources.empty() ? "" : " · ",
                          c.evidence_sources.c_str());
      if (!c.evidence_note.empty()) ImGui::TextWrapped("%s", c.evidence_note.c_str());
      if (!c.posture.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.45f, 1));
        ImGui::TextWrapped("%s", c.posture.c_str());
        ImGui::PopStyleColor();
      }
    }
    for (const auto& o : c.onward) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s: %s", o.name.c_str(), o.description.c_str());
    }
    if (c.onward.empty()) ImGui::TextDisabled("The end of the line.");
    const bool prev = ImGui::ArrowButton("##prev", ImGuiDir_Left);
    if (ui.script_presses.erase("follow prev") || prev) {
      ui.follow->previous();
      frame_follow_stop(ui, view, false);
    }
    ImGui::SameLine();
    ImGui::ProgressBar(
        ui.follow->size() > 1 ? float(ui.follow->index()) / float(ui.follow->size() - 1) : 1.0f,
        ImVec2(380 * ui.scale, 0), c.title.substr(0, c.title.find(" · ")).c_str());
    ImGui::SameLine();
    const bool next = ImGui::ArrowButton("##next", ImGuiDir_Right);
    if (ui.script_presses.erase("follow next") || next) {
      ui.follow->next();
      frame_follow_stop(ui, view, false);
    }
  }
  ImGui::End();
  if (!open) ui.follow.reset();
}

}  // namespace fascia::app

#include "ui/live.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "common/names.h"
#include "common/sim_pose.h"
#include "sim/commands.h"
#include "ui/therapy_panel.h"

namespace fascia::app {
namespace {

// What "Restrict…" applies at first (the sliders then change it live).
constexpr double kDefaultStiffnessX = 3.0, kDefaultShortenPct = 4.0;

bool same_sim_inputs(const session::Session& a, const session::Session& b) {
  return a.restrictions == b.restrictions && a.releases == b.releases && a.loads == b.loads &&
         a.holds == b.holds && a.breathing == b.breathing && a.treatments == b.treatments;
}

bool has_sim_inputs(const session::Session& s) {
  return !s.restrictions.empty() || !s.releases.empty() || !s.loads.empty() || !s.holds.empty() ||
         s.breathing.on;
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A button that a script can press by name.
bool button(LiveState& s, const char* label, const std::string& script_name) {
  bool pressed = ImGui::Button(label);
  if (s.pressed.erase(script_name)) pressed = true;
  return pressed;
}

// A slider that a script can set by name; `released` is true when a drag (or a scripted set) ends.
bool slider(LiveState& s, const char* label, const std::string& script_name, float* v, float lo, float hi,
            const char* format, ImGuiSliderFlags flags, bool* released) {
  bool changed = ImGui::SliderFloat(label, v, lo, hi, format, flags);
  *released = ImGui::IsItemDeactivatedAfterEdit();
  if (auto it = s.slider_values.find(script_name); it != s.slider_values.end()) {
    *v = std::clamp(float(it->second), lo, hi);
    s.slider_values.erase(it);
    s.sliders_released.insert(script_name);
    changed = *released = true;
  }
  return changed;
}

void restrict_target(LiveState& s, const std::string& target) {
  const session::Restriction* r = session::find_restriction(s.history.current(), target);
  if (r) return;  // repeating a target edits it: the popup shows its sliders
  apply(s, session::SetRestriction{{target, kDefaultStiffnessX, kDefaultShortenPct}});
}

}  // namespace

void apply(LiveState& s, const session::Action& a, const std::string& merge_key) {
  if (Status st = s.history.apply(a, merge_key); !st)
    std::fprintf(stderr, "fascia: %s: %s\n", session::describe(a).c_str(), st.error().message.c_str());
}

void undo(LiveState& s) {
  s.history.undo();
}
void redo(LiveState& s) {
  s.history.redo();
}

bool sync_with_worker(LiveState& s) {
  const session::Session& cur = s.history.current();
  bool changed = false;
  if (s.history.revision() != s.posted_revision) {
    if (s.posted_revision == ~uint64_t(0) || !same_sim_inputs(cur, s.posted)) {
      s.worker->post(cur, s.history.revision());
      s.sim_revision = s.history.revision();
    }
    s.posted = cur;
    s.posted_revision = s.history.revision();
    changed = true;
  }
  s.snapshot_changed = s.worker->copy_snapshot(s.snapshot, s.snapshot_seen);
  if (s.snapshot_changed) {
    changed = true;
    // Colour while there are inputs, and while a change is still fading after they went.
    s.tension_on = has_sim_inputs(cur) || !s.snapshot.settled;
    s.tension = colour_by_tension(s.worker->model(), s.snapshot, s.worker->baseline());
    if (!has_sim_inputs(cur) && s.tension.max_change_N < 1e-3) s.tension_on = false;
    // The body stands as simulated.
    bool moved = s.shown_hinge_q.size() != s.snapshot.hinge_q.size();
    for (size_t i = 0; !moved && i < s.shown_hinge_q.size(); ++i)
      moved = std::abs(s.shown_hinge_q[i] - s.snapshot.hinge_q[i]) > 5e-4;  // 0.03°: under a pixel
    if (moved && s.pose_from_simulation) {
      s.shown_hinge_q = s.snapshot.hinge_q;
      s.model->apply_pose(pose_from_sim(s.model->body.skeleton, s.worker->model(), s.shown_hinge_q));
    }
  }
  if (auto t = s.worker->take_trace()) {
    if (t->id == s.trace_requests) {
      s.trace = std::move(*t);
      s.trace_pending = false;
    }
    changed = true;
  }
  return changed;
}

std::string id_of_pick(const AppModel& model, uint32_t pick) {
  return model.id_of(pick);
}

PickTargets targets_of(const LiveState& s, const std::string& id) {
  const sim::Model& m = s.worker->model();
  PickTargets t;
  t.id = id;
  t.name = full_name(*s.model, id);
  if (s.model->resolved.track(id)) {
    if (sim::find_track(m, id) >= 0) t.restrict_target = t.trace_at = id;
  } else if (const atlas::ResolvedStation* st = s.model->resolved.station(id)) {
    if (sim::find_station(m, st->landmark) >= 0)
      t.trace_at = st->landmark;
    else if (sim::find_station(m, id) >= 0)
      t.trace_at = id;
    // A station is a point: "Restrict…" takes the track of its line that ends nearest to it.
    float best = 1e9f;
    for (const auto& s_at : s.model->lines.stations) {
      if (s_at.id != id) continue;
      for (const auto& tr : s.model->lines.tracks) {
        if (tr.path.empty() || std::find(tr.lines.begin(), tr.lines.end(), st->line) == tr.lines.end())
          continue;
        float d = std::min(glm::distance(tr.path.front(), s_at.position),
                           glm::distance(tr.path.back(), s_at.position));
        if (d < best && sim::find_track(m, tr.id) >= 0) {
          best = d;
          t.restrict_target = tr.id;
        }
      }
    }
  } else {
    // A body part: a muscle restricts every track that lists it as a tissue.
    auto tracks = sim::find_tracks_by_tissue(m, id);
    if (!tracks.empty()) {
      t.restrict_target = id;
      t.trace_at = m.track_name[size_t(tracks.front())];
    }
  }
  return t;
}

void clicked(LiveState& s, const std::string& id, vec2 at) {
  if (id.empty()) {
    s.popup.open = false;
    apply(s, session::Select{""}, "select");
    return;
  }
  apply(s, session::Select{id}, "select");
  s.popup.open = true;
  s.popup.targets = targets_of(s, id);
  s.popup.at = at;
  s.popup.sliders =
      !s.popup.targets.restrict_target.empty() &&
      session::find_restriction(s.history.current(), s.popup.targets.restrict_target) != nullptr;
}

void start_trace(LiveState& s, const std::string& at) {
  s.trace.reset();
  s.trace_pending = true;
  s.worker->request_trace({at, ++s.trace_requests});
}

void draw_popup(LiveState& s) {
  if (!s.popup.open) return;
  ImGuiIO& io = ImGui::GetIO();
  // Beside what was clicked, kept inside the window and above the legend (bottom right).
  ImVec2 at(std::min(s.popup.at.x + 18.0f, io.DisplaySize.x - 360.0f),
            std::clamp(s.popup.at.y - 20.0f, 8.0f, std::max(8.0f, io.DisplaySize.y - 290.0f)));
  ImGui::SetNextWindowPos(at, ImGuiCond_Always);
  // Opaque: it stands in front of the posture panel, whose text would show through and muddle it.
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin(
      "##restrict_popup", nullptr,
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings);
  // What was just clicked stays in front of the standing panels (the posture and range panel
  // appears after it when a treatment starts), without taking the keyboard from them.
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  const PickTargets& t = s.popup.targets;
  ImGui::TextUnformatted(t.name.c_str());
  const std::string& target = t.restrict_target;
  if (target.empty()) {
    ImGui::TextDisabled("Not part of a simulated line");
  } else {
    const session::Restriction* r = session::find_restriction(s.history.current(), target);
    if (!r) s.popup.sliders = false;  // undone or removed elsewhere
    if (target != t.id) ImGui::TextDisabled("restricts %s", full_name(*s.model, target).c_str());
    if (!s.popup.sliders) {
      if (button(s, "Restrict...", "restrict")) {
        restrict_target(s, target);
        s.popup.sliders = true;
      }
    } else if (r) {
      session::Restriction edit = *r;
      float k = float(edit.stiffness_x), sh = float(edit.shorten_pct);
      bool released = false;
      ImGui::SetNextItemWidth(200);
      if (slider(s, "Stiffness x", "stiffness", &k, float(session::kMinStiffnessX),
                 float(session::kMaxStiffnessX), "%.2f", ImGuiSliderFlags_Logarithmic, &released)) {
        edit.stiffness_x = k;
        apply(s, session::SetRestriction{edit}, "popup:" + target);
      }
      if (released) s.history.end_merge();
      ImGui::SetNextItemWidth(200);
      if (slider(s, "Shorten %", "shorten", &sh, 0.0f, float(session::kMaxShortenPct), "%.1f", 0,
                 &released)) {
        edit.shorten_pct = sh;
        apply(s, session::SetRestriction{edit}, "popup:" + target);
      }
      if (released) s.history.end_merge();
      if (button(s, "Remove", "remove")) apply(s, session::RemoveRestriction{target});
      if (session::find_restriction(s.history.current(), target)) draw_treatment_buttons(s, target, true);
    }
  }
  if (!t.trace_at.empty()) {
    if (!target.empty()) ImGui::SameLine();
    if (button(s, "Where does this come from?", "trace")) {
      start_trace(s, t.trace_at);
      s.popup.open = false;  // the trace's list takes over
    }
  }
  if (button(s, "Close", "close")) s.popup.open = false;
  ImGui::End();
}

void draw_trace(LiveState& s) {
  if (!s.trace && !s.trace_pending) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 12, 12), ImGuiCond_Always, ImVec2(1, 0));
  bool open = true;
  ImGui::Begin("Where does this come from?", &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  if (!s.trace) {
    ImGui::TextUnformatted("Tracing...");
  } else if (!s.trace->error.empty()) {
    ImGui::TextUnformatted(s.trace->error.c_str());
  } else {
    ImGui::Text("Load at %s: %.2f N", full_name(*s.model, s.trace->at).c_str(), s.trace->load_N);
    ImGui::TextDisabled("Places whose restriction would load it most (share of the listed):");
    for (size_t i = 0; i < s.trace->sources.size(); ++i) {
      const auto& src = s.trace->sources[i];
      char label[256];
      std::snprintf(label, sizeof label, "%zu. %s  %.0f %%", i + 1, full_name(*s.model, src.track).c_str(),
                    src.share * 100);
      bool press = ImGui::Selectable(label, false);
      if (s.pressed.erase("source:" + std::to_string(i + 1))) press = true;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to restrict it and watch the effect");
      if (press) {
        restrict_target(s, src.track);
        s.popup.open = true;
        s.popup.targets = targets_of(s, src.track);
        s.popup.sliders = true;
        s.popup.at = vec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f);
      }
    }
    ImGui::TextDisabled("Illustrative model: a sensitivity of this model, not a diagnosis.");
  }
  ImGui::End();
  if (!open || s.pressed.erase("close-trace")) {
    s.trace.reset();
    s.trace_pending = false;
  }
}

void draw_restrictions(LiveState& s) {
  const session::Session& cur = s.history.current();
  bool on = cur.colour_by_tension;
  if (ImGui::Checkbox("Colour lines by the change in tension", &on))
    apply(s, session::SetColourByTension{on});
  bool released = false;
  ImGui::SetNextItemWidth(160);
  if (slider(s, "Time x (slow motion)", "time-scale", &s.time_scale, 0.02f, 1.0f, "%.2f",
             ImGuiSliderFlags_Logarithmic, &released))
    s.worker->set_time_scale(s.time_scale);
  // The restrictions in force, by full name.
  for (size_t i = 0; i < cur.restrictions.size(); ++i) {
    const session::Restriction r = cur.restrictions[i];
    ImGui::PushID(int(i));
    if (ImGui::SmallButton("x")) {
      apply(s, session::RemoveRestriction{r.target});
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("edit")) {
      s.popup.open = true;
      s.popup.targets = targets_of(s, r.target);
      s.popup.targets.restrict_target = r.target;
      s.popup.sliders = true;
      s.popup.at = vec2(ImGui::GetItemRectMax().x + 200, ImGui::GetItemRectMin().y);
    }
    ImGui::SameLine();
    // A long name ("Semitendinosus and semimembranosus (left), Superficial Back Line") wraps instead
    // of widening the control panel into the session bar's room.
    ImGui::PushTextWrapPos(310);
    ImGui::Text("%s  x%.2f, %.1f %%", full_name(*s.model, r.target).c_str(), r.stiffness_x, r.shorten_pct);
    ImGui::PopTextWrapPos();
    // The treatments on a line of their own, indented under it: on the same line they made the
    // control panel so wide that the session bar and the Record button had no room beside it.
    ImGui::Indent(20);
    // A script's `press release` means the popup's when it is open, else the first restriction's.
    draw_treatment_buttons(s, r.target, i == 0 && !s.popup.open);
    ImGui::Unindent(20);
    ImGui::PopID();
  }
  if (cur.restrictions.empty()) ImGui::TextDisabled("No restrictions: click a muscle, track or station");
  if (button(s, "Remove all", "remove-all") && !cur.restrictions.empty())
    apply(s, session::ClearRestrictions{});
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.history.can_undo());
  if (button(s, "Undo", "undo")) undo(s);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.history.can_redo());
  if (button(s, "Redo", "redo")) redo(s);
  ImGui::EndDisabled();
  // The track list, filtered by full name.
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s", s.search.c_str());
  ImGui::SetNextItemWidth(260);
  if (ImGui::InputTextWithHint("##search", "Search tracks by name", buf, sizeof buf)) s.search = buf;
  if (!s.search.empty()) {
    const std::string want = lower(s.search);
    ImGui::BeginChild("##tracks", ImVec2(300, 120), true);
    for (const auto& t : s.model->lines.tracks) {
      std::string name = full_name(*s.model, t.id);
      if (lower(name).find(want) == std::string::npos && lower(t.id).find(want) == std::string::npos)
        continue;
      if (ImGui::Selectable(name.c_str(), cur.selection == t.id))
        clicked(s, t.id, vec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMin().y));
    }
    ImGui::EndChild();
  }
}

std::map<std::string, float> added_tension_by_track(const LiveState& s) {
  std::map<std::string, float> out;
  if (!s.worker || !s.tension_on) return out;
  const sim::Model& m = s.worker->model();
  const SimSnapshot& base = s.worker->baseline();
  if (s.snapshot.element_tension.size() != size_t(m.nelement) ||
      base.element_tension.size() != size_t(m.nelement))
    return out;
  for (int t = 0; t < m.ntrack; ++t) {
    double most = 0;
    for (int i = 0; i < m.track_element_num[t]; ++i) {
      int e = m.track_element[m.track_element_adr[t] + i];
      most = std::max(most, s.snapshot.element_tension[e] - base.element_tension[e]);
    }
    if (most > 0) out[m.track_name[t]] = float(most);
  }
  return out;
}

void view_from_session(const LiveState& s, ViewState& view) {
  const session::Session& cur = s.history.current();
  auto layer = [](scene::LayerStyle& style, float opacity) {
    style.opacity = std::max(0.05f, opacity);
    style.visible = opacity > 0.01f;
  };
  layer(view.body.skin, cur.layers.skin);
  layer(view.body.muscle, cur.layers.muscle);
  layer(view.body.bone, cur.layers.bone);
  const auto& lines = cur.visibility.lines;
  if (lines.size() >= session::all_line_ids().size())
    view.lines.lines.clear();
  else if (lines.empty())
    view.lines.lines = {"none"};
  else
    view.lines.lines = lines;
  view.lines.highlight.clear();
  view.selected_pick = 0;
  if (!cur.selection.empty()) {
    Selection sel = s.model->describe_pick(s.model->pick_of(cur.selection));
    view.lines.highlight = sel.line;
    uint32_t pick = s.model->pick_of(cur.selection);
    if (pick < kLinePickBase) view.selected_pick = pick;
  }
  view.lines.track_profile.clear();
  if (cur.colour_by_tension && s.tension_on) view.lines.track_profile = s.tension.track_profile;
  view.lines.lit.clear();
  if (s.trace)
    for (const auto& src : s.trace->sources) view.lines.lit.push_back(src.track);
}

}  // namespace fascia::app

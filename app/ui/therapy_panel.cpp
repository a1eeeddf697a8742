#include "ui/therapy_panel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "body/skinning.h"
#include "common/names.h"
#include "common/sim_pose.h"
#include "session/sim_sync.h"
#include "session/treatments.h"
#include "sim/commands.h"
#include "ui/panel_layout.h"

namespace fascia::app {
namespace {

using session::Treatment;
using session::TreatmentKind;

constexpr double kDeg = 180.0 / M_PI;
// "Range now" is measured again at most this often (seconds of session time) while a treatment runs.
constexpr double kRangeEveryS = 3.0;
// Manual traction on the restricted tissue, at most (a gentle pull; the stretch preset uses 12 N).
constexpr float kMaxTractionN = 40;

// The message of the last treatment that could not start, shown in the treatment panel.
std::string& therapy_message() {
  static std::string m;
  return m;
}

// One undo step per treatment: its start, and its end when nothing came between.
std::string merge_key(const Treatment& t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, ":%.6f", t.start_s);
  return "treatment:" + t.target + buf;
}

const Treatment* running(const session::Session& s) {
  for (const auto& t : s.treatments)
    if (!t.finished) return &t;
  return nullptr;
}

// The treatment the panels show: the running one, else the last one given.
const Treatment* shown(const session::Session& s) {
  if (const Treatment* t = running(s)) return t;
  return s.treatments.empty() ? nullptr : &s.treatments.back();
}

std::string capitalised(std::string_view v) {
  std::string s(v);
  if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// Where traction on a restriction pulls: the track itself, or the first track of a tissue.
std::string traction_place(const sim::Model& m, const std::string& target) {
  if (sim::find_track(m, target) >= 0) return target;
  auto tracks = sim::find_tracks_by_tissue(m, target);
  return tracks.empty() ? std::string() : m.track_name[size_t(tracks.front())];
}

// The joint a treatment of `t` works on: its own, or (a release) the one an assisted stretch of the
// same restriction would move, which is the joint the restriction limits most.
std::string treated_joint(const sim::Model& m, const session::Session& s, const Treatment& t) {
  if (!t.joint.empty()) return t.joint;
  session::Session at_start = s;
  std::erase_if(at_start.treatments, [&](const Treatment& x) { return x.target == t.target; });
  std::erase_if(at_start.releases, [&](const session::Release& r) { return r.target == t.target; });
  auto stretch = session::stretch_preset(m, at_start, t.target, t.start_s);
  return stretch ? stretch->joint : std::string();
}

RangeMeasure measure(const sim::Model& m, const session::Session& s, const std::string& joint, double at_s) {
  RangeMeasure r;
  r.joint = joint;
  r.at_s = at_s;
  if (joint.empty()) {
    r.error = "no joint that this restriction limits";
    return r;
  }
  auto deg = session::range_of_motion(m, s, joint, at_s);
  if (!deg) {
    r.error = deg.error().message;
    return r;
  }
  r.degrees = *deg;
  r.ok = true;
  return r;
}

template <class T>
bool ready(std::future<T>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// Starts the measurements for a newly shown treatment: its joint, the range at its start, and the
// range with no restrictions (the gauge's full scale).
void measure_before(LiveState& s, TherapyUi& ui, const Treatment& t) {
  ui.target = t.target;
  ui.start_s = t.start_s;
  ui.before = ui.now = ui.free_range = {};
  ui.now_revision = ~uint64_t(0);
  const sim::Model& m = s.worker->model();
  // The posture as the treatment starts, kept as the ghost's skinning matrices.
  ui.ghost_palette = std::make_shared<const std::vector<mat4>>(
      body::skinning_matrices(s.model->body, pose_from_sim(s.model->body.skeleton, m, s.snapshot.hinge_q)));
  session::Session cur = s.history.current();
  ui.before_job = std::async(std::launch::async,
                             [&m, cur, t] { return measure(m, cur, treated_joint(m, cur, t), t.start_s); });
}

void poll_jobs(LiveState& s, TherapyUi& ui) {
  const sim::Model& m = s.worker->model();
  if (ready(ui.before_job)) {
    ui.before = ui.before_job.get();
    if (ui.before.ok) {
      session::Session free = s.history.current();
      free.restrictions.clear();
      free.releases.clear();
      std::string joint = ui.before.joint;
      ui.free_job = std::async(std::launch::async, [&m, free, joint] { return measure(m, free, joint, 0); });
    }
  }
  if (ready(ui.free_job)) ui.free_range = ui.free_job.get();
  if (ready(ui.now_job)) ui.now = ui.now_job.get();
  // "Now" again when the session changed, or every few seconds of a running treatment.
  if (!ui.before.ok || ui.now_job.valid()) return;
  const session::Session& cur = s.history.current();
  const double t = s.snapshot.time;
  const bool changed = ui.now_revision != s.history.revision();
  const bool due = running(cur) && t - ui.now.at_s >= kRangeEveryS;
  if (!changed && !due) return;
  ui.now_revision = s.history.revision();
  std::string joint = ui.before.joint;
  session::Session copy = cur;
  ui.now_job = std::async(std::launch::async, [&m, copy, joint, t] { return measure(m, copy, joint, t); });
}

// A horizontal gauge of the joint's range: before (grey), now (green), without the restriction (a
// white mark). A restriction takes a few degrees of a joint's range, so the gauge spans the
// degrees around them (its ends labelled) rather than from zero, where the change would not show.
void range_gauge(const TherapyUi& ui) {
  const float width = 300, height = 18;
  double top = std::max(
      {ui.free_range.ok ? ui.free_range.degrees : 0.0, ui.before.degrees, ui.now.ok ? ui.now.degrees : 0.0});
  double low = std::min(ui.before.degrees, ui.now.ok ? ui.now.degrees : ui.before.degrees);
  double span = std::max(1.0, top - low);
  double lo = std::max(0.0, std::floor(low - span)), hi = std::ceil(top + 0.25 * span);
  // The ends' degrees either side of the bar, on its row.
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%.0f", lo);
  ImGui::SameLine();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.y += 2;
  auto x_of = [&](double deg) { return p.x + float(std::clamp((deg - lo) / (hi - lo), 0.0, 1.0)) * width; };
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), IM_COL32(45, 45, 52, 255));
  if (ui.now.ok)
    dl->AddRectFilled(p, ImVec2(x_of(ui.now.degrees), p.y + height), IM_COL32(70, 190, 110, 255));
  dl->AddRectFilled(ImVec2(p.x, p.y + 5), ImVec2(x_of(ui.before.degrees), p.y + height - 5),
                    IM_COL32(160, 160, 170, 255));
  if (ui.free_range.ok) {
    float x = x_of(ui.free_range.degrees);
    dl->AddLine(ImVec2(x, p.y - 3), ImVec2(x, p.y + height + 3), IM_COL32(255, 255, 255, 255), 2);
  }
  ImGui::Dummy(ImVec2(width, height + 4));
  ImGui::SameLine();
  ImGui::TextDisabled("%.0f degrees", hi);
  if (ImGui::IsItemHovered() || ImGui::IsMouseHoveringRect(p, ImVec2(p.x + width, p.y + height)))
    ImGui::SetTooltip("grey: the range before; green: now; white mark: without the restriction");
}

// The posture and range panel: the treated joint's angle now, and its range before and now. Its own
// panel at the bottom right, above the legend: under the Treatment panel the left column was taller
// than a 720-pixel window.
void posture_and_range(LiveState& s, TherapyUi& ui, float scale) {
  const sim::Model& m = s.worker->model();
  place_range_panel(scale);
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin(
      kRangePanel, nullptr,
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  struct End {
    ~End() { ImGui::End(); }
  } end;
  if (!ui.before.ok) {
    ImGui::TextUnformatted(ui.before_job.valid() ? "Measuring the range of motion..."
                                                 : ui.before.error.c_str());
    return;
  }
  int h = session::resolve_joint(m, ui.before.joint);
  std::string motion = h >= 0 ? m.hinge_motion[size_t(h)] : std::string();
  double angle = h >= 0 && size_t(h) < s.snapshot.hinge_q.size() ? s.snapshot.hinge_q[size_t(h)] * kDeg : 0;
  ImGui::Text("%s, %s: %.1f degrees now", full_name(*s.model, ui.before.joint).c_str(), motion.c_str(),
              angle);
  range_gauge(ui);
  ImGui::Text("Range before: %.1f degrees", ui.before.degrees);
  if (ui.now.ok) {
    ImGui::SameLine();
    ImGui::Text("  now: %.1f degrees  (%+.1f)", ui.now.degrees, ui.now.degrees - ui.before.degrees);
  }
  if (ui.free_range.ok)
    ImGui::TextDisabled("Without the restriction: %.1f degrees (white mark)", ui.free_range.degrees);
  ImGui::TextDisabled("Passive range, measured alike before and now");
  bool toggled = ImGui::Checkbox("Ghost of the posture before", &ui.show_ghost);
  if (s.pressed.erase("ghost")) ui.show_ghost = !ui.show_ghost, toggled = true;
  (void)toggled;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A faint outline of the body as it stood when the treatment started");
}

// Replaces the restriction on `target` by what it is at `now_s` with its release taken into account,
// and ends the release: the tissue stays as soft as it got, and softens no further.
void fold_release(LiveState& s, const std::string& target, double now_s, const std::string& key) {
  const session::Session& cur = s.history.current();
  const session::Restriction* r = session::find_restriction(cur, target);
  bool released = std::any_of(cur.releases.begin(), cur.releases.end(),
                              [&](const session::Release& x) { return x.target == target; });
  if (!r || !released) return;
  session::Restriction now =
      session::effective_restriction(cur, *r, s.worker->model().opt.release_time_constant, now_s);
  now.stiffness_x = std::clamp(now.stiffness_x, session::kMinStiffnessX, session::kMaxStiffnessX);
  apply(s, session::SetRestriction{now}, key);
  apply(s, session::StopRelease{target}, key);
}

}  // namespace

bool start_treatment(LiveState& s, TreatmentKind kind, const std::string& target) {
  const session::Session& cur = s.history.current();
  const double now = s.snapshot.time;
  Result<Treatment> t = kind == TreatmentKind::AssistedStretch
                            ? session::stretch_preset(s.worker->model(), cur, target, now)
                            : session::release_preset(cur, target, now);
  if (!t) {
    therapy_message() = t.error().message;
    std::fprintf(stderr, "fascia: %s\n", t.error().message.c_str());
    return false;
  }
  therapy_message().clear();
  const std::string key = merge_key(*t);
  // The session keeps one release per tissue: the softening a previous one gave is folded into the
  // restriction first, so a new treatment carries on from the tissue as it is now.
  fold_release(s, target, now, key);
  apply(s, session::StartTreatment{*t}, key);
  apply(s, session::StartRelease{target, now}, key);
  return true;
}

void stop_treatment(LiveState& s, const std::string& target) {
  const session::Session cur = s.history.current();
  for (const Treatment& t : cur.treatments) {
    if (t.target != target || t.finished) continue;
    Treatment cut = t;
    cut.duration_s = std::max(1.0, s.snapshot.time - t.start_s);
    for (const auto& a : session::treatment_actions(cur, cut, cut.start_s + cut.duration_s))
      apply(s, a, merge_key(t));
    // Pressure taken away: the tissue stays as soft as it got.
    fold_release(s, target, s.snapshot.time, merge_key(t));
  }
}

void finish_treatments(LiveState& s) {
  // Not an undo step but a fact of the clock, in every state of the history: as a step of its own,
  // Ctrl+Z took it back and the next frame finished the treatment again, so undo looked stuck.
  const double now = s.snapshot.time;
  s.history.rewrite([now](const session::Session& in) { return session::finish_due_treatments(in, now); });
}

bool treatment_running(const LiveState& s) {
  return running(s.history.current()) != nullptr;
}

void draw_treatment_buttons(LiveState& s, const std::string& target, bool script_presses) {
  for (TreatmentKind k : {TreatmentKind::MyofascialRelease, TreatmentKind::AssistedStretch}) {
    const bool release = k == TreatmentKind::MyofascialRelease;
    if (!release) ImGui::SameLine();
    bool press = ImGui::SmallButton(release ? "Myofascial release" : "Assisted stretch");
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(360);
      ImGui::TextUnformatted(session::treatment_explanation(k).data());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    if (script_presses && s.pressed.erase(release ? "release" : "stretch")) press = true;
    if (press) start_treatment(s, k, target);
  }
}

std::shared_ptr<const std::vector<mat4>> ghost_palette(const LiveState& s, const TherapyUi& ui) {
  const Treatment* t = shown(s.history.current());
  if (!ui.show_ghost || !t || t->target != ui.target || t->start_s != ui.start_s) return nullptr;
  return ui.ghost_palette;
}

bool draw_therapy_panels(LiveState& s, TherapyUi& ui, float scale) {
  // A copy: the buttons below change the history, which would leave references into it dangling.
  const session::Session cur = s.history.current();
  const Treatment* t = shown(cur);
  if (!t && cur.restrictions.empty() && therapy_message().empty()) return false;
  if (t && (t->target != ui.target || t->start_s != ui.start_s)) measure_before(s, ui, *t);
  poll_jobs(s, ui);

  ImGuiIO& io = ImGui::GetIO();
  // Bottom left, under the control panel (which stops above it: ui/panel_layout.h), over the
  // inspector's corner.
  ImGui::SetNextWindowPos(ImVec2(kPanelGap, io.DisplaySize.y - kPanelGap), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin(
      kTreatmentPanel, nullptr,
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  if (!therapy_message().empty())
    ImGui::TextColored(ImVec4(1, 0.6f, 0.4f, 1), "%s", therapy_message().c_str());
  const bool is_running = t && !t->finished;
  if (t) {
    ImGui::Text("%s of %s", capitalised(session::treatment_name(t->kind)).c_str(),
                full_name(*s.model, t->target).c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 470);
    ImGui::TextDisabled("%s", session::treatment_explanation(t->kind).data());
    ImGui::PopTextWrapPos();
    session::TreatmentProgress p = session::treatment_progress(*t, s.snapshot.time);
    char caption[64];
    std::snprintf(caption, sizeof caption, "%d:%02d of %d:%02d", int(p.elapsed_s) / 60, int(p.elapsed_s) % 60,
                  int(t->duration_s) / 60, int(t->duration_s) % 60);
    ImGui::ProgressBar(t->finished ? 1.0f : float(p.fraction), ImVec2(200, 0),
                       t->finished ? "done" : caption);
    if (is_running) {
      ImGui::SameLine();
      bool stop = ImGui::Button("Stop");
      if (s.pressed.erase("stop-treatment")) stop = true;
      if (stop) stop_treatment(s, t->target);
    }
    if (is_running && t->kind == TreatmentKind::AssistedStretch) {
      ImGui::SameLine();
      ImGui::Text("%s at %.1f of %.1f degrees", full_name(*s.model, t->joint).c_str(),
                  session::stretch_angle_deg(*t, cur.breathing.period_s, s.snapshot.time), t->range_deg);
    }
  } else {
    ImGui::TextDisabled("Choose a treatment beside a restriction: Myofascial release or Assisted stretch");
  }
  ImGui::Separator();
  // Breathing: on, and how deep (a stretch leads it while it runs).
  session::Breathing b = cur.breathing;
  bool on = b.on;
  const bool stretch_leads = is_running && t->kind == TreatmentKind::AssistedStretch;
  ImGui::BeginDisabled(stretch_leads);
  bool toggled = ImGui::Checkbox("Breathing", &on);
  if (!stretch_leads && s.pressed.erase("breathing")) on = !on, toggled = true;
  if (toggled) {
    b.on = on;
    apply(s, session::SetBreathing{b});
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  float depth = float(b.depth);
  bool released = false;
  bool changed = ImGui::SliderFloat("depth", &depth, 0.0f, 1.0f, "%.2f");
  released = ImGui::IsItemDeactivatedAfterEdit();
  if (auto it = s.slider_values.find("depth"); !stretch_leads && it != s.slider_values.end()) {
    depth = std::clamp(float(it->second), 0.0f, 1.0f);
    s.slider_values.erase(it);
    changed = released = true;
  }
  if (changed) {
    b.depth = depth;
    apply(s, session::SetBreathing{b}, "breathing-depth");
  }
  if (released) s.history.end_merge();
  ImGui::EndDisabled();
  if (stretch_leads) {
    ImGui::SameLine();
    ImGui::TextDisabled("led by the stretch, in time");
  }
  // Traction by hand on the restricted tissue (steady), when no stretch pulls there.
  const std::string target = t ? t->target : cur.restrictions.empty() ? "" : cur.restrictions.front().target;
  const std::string place = target.empty() ? "" : traction_place(s.worker->model(), target);
  if (!place.empty() && !stretch_leads) {
    auto it =
        std::find_if(cur.loads.begin(), cur.loads.end(), [&](const auto& l) { return l.place == place; });
    float n = it == cur.loads.end() ? 0.0f : float(it->newtons);
    ImGui::SetNextItemWidth(140);
    bool c = ImGui::SliderFloat("traction N", &n, 0.0f, kMaxTractionN, "%.0f");
    bool r = ImGui::IsItemDeactivatedAfterEdit();
    if (auto sv = s.slider_values.find("traction"); sv != s.slider_values.end()) {
      n = std::clamp(float(sv->second), 0.0f, kMaxTractionN);
      s.slider_values.erase(sv);
      c = r = true;
    }
    if (c) {
      if (n < 0.5f) {
        apply(s, session::RemoveLoad{place}, "traction");
      } else {
        session::Load l;
        l.place = place;
        l.newtons = n;
        apply(s, session::SetLoad{l}, "traction");
      }
    }
    if (r) s.history.end_merge();
    ImGui::SameLine();
    ImGui::TextDisabled("on the restricted tissue");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full_name(*s.model, place).c_str());
  }
  // Holding the treated joint at an angle by hand.
  if (ui.before.ok && !stretch_leads) {
    const std::string& joint = ui.before.joint;
    const session::Hold* h = session::find_hold(cur, joint);
    float deg = h ? float(h->degrees) : 0.0f;
    ImGui::SetNextItemWidth(140);
    bool c = ImGui::SliderFloat("hold degrees", &deg, -45.0f, 45.0f, "%.1f");
    bool r = ImGui::IsItemDeactivatedAfterEdit();
    if (auto sv = s.slider_values.find("hold"); sv != s.slider_values.end()) {
      deg = std::clamp(float(sv->second), -45.0f, 45.0f);
      s.slider_values.erase(sv);
      c = r = true;
    }
    if (c) apply(s, session::SetHold{{joint, deg}}, "hold");
    if (r) s.history.end_merge();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", full_name(*s.model, joint).c_str());
    if (h) {
      ImGui::SameLine();
      if (ImGui::SmallButton("let go")) apply(s, session::RemoveHold{joint});
    }
  }
  ImGui::End();
  if (t) posture_and_range(s, ui, scale);
  return true;
}

}  // namespace fascia::app

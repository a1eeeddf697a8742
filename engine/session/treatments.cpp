#include "session/treatments.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "session/sim_sync.h"
#include "sim/commands.h"
#include "sim/solver.h"

namespace fascia::session {
namespace {

constexpr double kTwoPi = 2 * M_PI;
constexpr double kDeg = 180.0 / M_PI;

const Release* find_release(const Session& s, const std::string& target) {
  auto it = std::find_if(s.releases.begin(), s.releases.end(),
                         [&](const Release& r) { return r.target == target; });
  return it == s.releases.end() ? nullptr : &*it;
}

std::string clock(double s) {
  int t = int(std::max(0.0, s) + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", t / 60, t % 60);
  return buf;
}

// A session with only what shapes the passive range: restrictions, their releases and the other
// holds (the posture); no loads or breathing, and `joint` free.
Session range_session(const Session& s, const std::string& joint) {
  Session r = s;
  r.loads.clear();
  r.treatments.clear();
  r.breathing.on = false;
  std::erase_if(r.holds, [&](const Hold& h) { return h.joint == joint; });
  return r;
}

// The clinical name of a hinge where sim_sync knows one (talus.l → ankle.l), else the hinge's own.
std::string joint_name(const std::string& hinge) {
  static const std::pair<const char*, const char*> names[] = {
      {"talus", "ankle"}, {"tibia", "knee"}, {"femur", "hip"}};
  for (auto [bone, joint] : names) {
    std::string b = bone;
    if (hinge.rfind(b + ".", 0) == 0) return joint + hinge.substr(b.size());
  }
  return hinge;
}

Result<double> rom_deg(const sim::Model& m, const Session& s, int hinge, double at_s) {
  sim::Data d = sim::make_data(m);
  SimBinding b;
  FASCIA_TRY(sync_sim(m, s, d, b));
  sim::unlock_hinge(d, hinge);
  d.time = at_s;
  if (!sim::equilibrium(m, d)) return internal_error("range of motion: the equilibrium did not converge");
  sim::RomResult r = sim::rom(m, d, std::vector<int>{hinge});
  return r.angle * kDeg;
}

// The torque holding each joint at neutral with the session's restrictions as they act at t = 0.
std::vector<double> holding_torques(const sim::Model& m, const Session& s) {
  Session r = s;
  r.holds.clear();
  r.loads.clear();
  r.breathing.on = false;
  sim::Data d = sim::make_data(m);
  SimBinding b;
  if (!sync_sim(m, r, d, b)) return {};
  for (int h = 0; h < m.nhinge; ++h) sim::lock_hinge(d, h, 0);
  if (!sim::equilibrium(m, d)) return {};
  return d.hinge_torque;
}

// The track of the restriction's middle element, where the stretch's traction pulls.
std::string traction_place(const sim::Model& m, const std::string& target) {
  auto els = sim::restrict_elements(m, target);
  if (!els || els->empty()) return target;
  int t = m.element_track[(*els)[els->size() / 2]];
  return t >= 0 ? m.track_name[t] : target;
}

}  // namespace

std::string_view treatment_name(TreatmentKind k) {
  return k == TreatmentKind::AssistedStretch ? "assisted stretch" : "myofascial release";
}

std::string_view treatment_explanation(TreatmentKind k) {
  if (k == TreatmentKind::AssistedStretch)
    return "The therapist moves the limb slowly through its pain-free range with a gentle rhythmic pull, "
           "going a "
           "little further each time the client breathes out. Whole lines are lengthened, not single "
           "muscles, and "
           "the held stretch lets the tight tissue ease.";
  return "Slow, sustained pressure on the tight tissue, held without sliding. Over tens of seconds the "
         "tissue "
         "softens and lets go; watch its colour cool and the posture settle.";
}

Result<Treatment> release_preset(const Session& s, const std::string& target, double now_s) {
  if (!find_restriction(s, target))
    return bad_input("myofascial release of '" + target + "': no restriction on it");
  Treatment t;
  t.kind = TreatmentKind::MyofascialRelease;
  t.target = target;
  t.start_s = now_s;
  t.duration_s = kReleaseDurationS;
  return t;
}

Result<Treatment> stretch_preset(const sim::Model& m, const Session& s, const std::string& target,
                                 double now_s) {
  if (!find_restriction(s, target))
    return bad_input("assisted stretch of '" + target + "': no restriction on it");
  Session without = s;
  std::erase_if(without.restrictions, [&](const Restriction& r) { return r.target == target; });
  // The joint whose range the restriction takes the most from, in its named direction. Measuring
  // every joint's range is slow, so the candidates are the three whose holding torque at neutral
  // the restriction changes most (against the joint's range-end torque), then measured.
  std::vector<double> tau_with = holding_torques(m, s), tau_without = holding_torques(m, without);
  if (tau_with.empty() || tau_without.empty())
    return internal_error("assisted stretch: the equilibrium did not converge");
  std::vector<std::pair<double, int>> change;
  for (int h = 0; h < m.nhinge; ++h)
    change.push_back({std::abs(tau_with[h] - tau_without[h]) / std::max(1e-6, m.hinge_rom_torque[h]), h});
  std::sort(change.rbegin(), change.rend());
  int best = -1;
  double best_loss = 0.2, best_rom = 0;  // degrees: a smaller loss is no reason to stretch there
  for (size_t i = 0; i < std::min<size_t>(3, change.size()); ++i) {
    int h = change[i].second;
    if (change[i].first < 1e-4) break;
    std::string joint = joint_name(m.hinge_name[h]);
    auto with_r = rom_deg(m, range_session(s, joint), h, now_s);
    if (!with_r) return with_r.error();
    auto without_r = rom_deg(m, range_session(without, joint), h, now_s);
    if (!without_r) return without_r.error();
    double loss = *without_r - *with_r;
    if (loss > best_loss) best = h, best_loss = loss, best_rom = *with_r;
  }
  if (best < 0)
    return bad_input("assisted stretch of '" + target + "': the restriction limits no joint's range");
  Treatment t;
  t.kind = TreatmentKind::AssistedStretch;
  t.target = target;
  t.start_s = now_s;
  t.duration_s = kStretchDurationS;
  t.joint = joint_name(m.hinge_name[best]);
  t.range_deg = kStretchRangeFraction * best_rom;
  t.place = traction_place(m, target);
  return t;
}

double stretch_angle_deg(const Treatment& t, double period, double now_s) {
  double el = now_s - t.start_s;
  if (el <= 0 || el >= t.duration_s) return 0;
  double ramp = std::clamp(std::min(el, t.duration_s - el) / (kStretchRampBreaths * period), 0.0, 1.0);
  // The simulation breathes in as 0.5 (1 - cos 2πt/T): breath out is at whole periods of session time.
  double out = 0.5 * (1 + std::cos(kTwoPi * now_s / period));
  double share = kStretchEaseFraction + (1 - kStretchEaseFraction) * out;
  double smooth = ramp * ramp * (3 - 2 * ramp);
  return t.range_deg * smooth * share;
}

std::vector<Action> treatment_actions(const Session& s, const Treatment& t, double now_s) {
  std::vector<Action> out;
  if (t.finished) return out;
  bool started = now_s >= t.start_s;
  bool ended = now_s >= t.start_s + t.duration_s;
  if (!started) return out;
  const Release* rel = find_release(s, t.target);
  if (!rel || rel->start_s != t.start_s) out.push_back(StartRelease{t.target, t.start_s});
  if (t.kind == TreatmentKind::AssistedStretch) {
    if (ended) {
      if (find_hold(s, t.joint)) out.push_back(RemoveHold{t.joint});
      out.push_back(RemoveLoad{t.place});
      if (s.breathing.on) out.push_back(SetBreathing{{false, s.breathing.depth, s.breathing.period_s}});
    } else {
      Breathing b{true, kStretchBreathDepth, s.breathing.period_s};
      if (!(s.breathing == b)) out.push_back(SetBreathing{b});
      out.push_back(SetHold{{t.joint, stretch_angle_deg(t, b.period_s, now_s)}});
      Load l;
      l.place = t.place;
      l.newtons = kStretchLoadN;
      l.frequency_hz = kStretchLoadHz;
      out.push_back(SetLoad{l});
    }
  }
  if (ended) {
    Treatment done = t;
    done.finished = true;
    out.push_back(StartTreatment{done});
  }
  return out;
}

Result<Session> advance_treatments(const Session& s, double now_s) {
  Session cur = s;
  for (const Treatment& t : s.treatments) {
    for (const Action& a : treatment_actions(cur, t, now_s)) {
      auto next = reduce(cur, a);
      if (!next) return next.error();
      cur = std::move(*next);
    }
  }
  return cur;
}

std::optional<Session> finish_due_treatments(const Session& s, double now_s) {
  std::optional<Session> out;
  for (const Treatment& t : s.treatments) {
    const double end = t.start_s + t.duration_s;
    if (t.finished || now_s < end) continue;
    Session cur = out ? *out : s;
    for (const Action& a : treatment_actions(cur, t, end)) {
      auto next = reduce(cur, a);
      if (!next) return out;  // a state the reducer refuses stays as it was
      cur = std::move(*next);
    }
    out = std::move(cur);
  }
  return out;
}

TreatmentProgress treatment_progress(const Treatment& t, double now_s) {
  TreatmentProgress p;
  p.elapsed_s = std::clamp(now_s - t.start_s, 0.0, t.duration_s);
  p.remaining_s = t.duration_s - p.elapsed_s;
  p.fraction = p.elapsed_s / t.duration_s;
  p.done = p.remaining_s <= 0;
  p.caption = std::string(treatment_name(t.kind)) + " of " + t.target + ": " + clock(p.elapsed_s) + " of " +
              clock(t.duration_s);
  return p;
}

Restriction effective_restriction(const Session& s, const Restriction& r, double tau_s, double now_s) {
  double w = 1;
  if (const Release* rel = find_release(s, r.target); rel && now_s > rel->start_s)
    w = std::exp(-(now_s - rel->start_s) / tau_s);
  return {r.target, std::pow(r.stiffness_x, w), w * r.shorten_pct};
}

Result<double> range_of_motion(const sim::Model& m, const Session& s, const std::string& joint, double at_s) {
  int h = resolve_joint(m, joint);
  if (h < 0) return bad_input("range of motion of '" + joint + "': unknown joint");
  return rom_deg(m, range_session(s, joint), h, at_s);
}

}  // namespace fascia::session

#include "capture/handout_content.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "common/labels.h"
#include "session/sim_sync.h"
#include "session/treatments.h"
#include "sim/commands.h"
#include "sim/solver.h"

namespace fascia::app {
namespace {

using session::Session;

std::string side_word(const std::string& side) {
  if (side == "l") return "left";
  if (side == "r") return "right";
  return "";
}

// Splits "gastrocnemius.l" into ("gastrocnemius", "l"); no side for midline ids.
std::pair<std::string, std::string> split_side(const std::string& id) {
  auto dot = id.rfind('.');
  if (dot != std::string::npos && (id.substr(dot + 1) == "l" || id.substr(dot + 1) == "r"))
    return {id.substr(0, dot), id.substr(dot + 1)};
  return {id, ""};
}

const atlas::Line* find_line(const AppModel& model, const std::string& id) {
  for (const auto& l : model.atlas.lines)
    if (l.id == id) return &l;
  return nullptr;
}

std::string with_side(const std::string& name, const std::string& side) {
  std::string w = side_word(side);
  return w.empty() ? name : name + " (" + w + ")";
}

// The line sides that carry most of what a restriction adds, strongest first (each at least a
// fifth of the strongest), as plain names.
Result<std::vector<std::string>> loaded_lines(const AppModel& model, const session::Restriction& r,
                                              std::vector<std::string>* line_ids) {
  // The restriction alone on the standing body, against the body at rest, through the same typed
  // sync the window's worker uses.
  const sim::Model& m = sim::default_model();
  Session one;
  one.restrictions = {r};
  sim::Data rest = sim::make_data(m), tight = sim::make_data(m);
  session::SimBinding binding;
  FASCIA_TRY(session::sync_sim(m, one, tight, binding));
  if (!sim::equilibrium(m, rest) || !sim::equilibrium(m, tight))
    return internal_error("handout: the simulation did not settle for the restriction on " + r.target);
  std::map<std::string, double> per_line;
  for (int t = 0; t < m.ntrack; ++t) {
    double change = 0;
    for (int i = 0; i < m.track_element_num[t]; ++i) {
      const int e = m.track_element[m.track_element_adr[t] + i];
      change += tight.element_tension[e] - rest.element_tension[e];
    }
    change /= std::max(1, m.track_element_num[t]);
    if (change <= 0) continue;
    const uint32_t lines = sim::track_lines(m, t);
    for (int l = 0; l < m.nline; ++l)
      if (lines & (1u << l)) per_line[m.line_name[l]] += change;
  }
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [id, c] : per_line) ranked.push_back({c, id});
  std::sort(ranked.rbegin(), ranked.rend());
  std::vector<std::string> out;
  for (const auto& [c, id] : ranked) {
    if (c < 0.2 * ranked.front().first || out.size() >= 3) break;
    auto [line, side] = split_side(id);
    if (line_ids) line_ids->push_back(line);
    const atlas::Line* l = find_line(model, line);
    out.push_back(with_side(l ? l->name : line, side));
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
  return s;
}

std::string clock(double s) {
  int t = int(std::max(0.0, s) + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", t / 60, t % 60);
  return buf;
}

// "ankle.l" with its motion, in words a client uses.
std::string plain_joint(const std::string& joint) {
  static const std::map<std::string, std::string> words = {
      {"ankle", "ankle, bending the foot up"},
      {"talus", "ankle, bending the foot up"},
      {"knee", "knee, bending"},
      {"tibia", "knee, bending"},
      {"hip", "hip, lifting the leg forward"},
      {"femur", "hip, lifting the leg forward"},
      {"humerus", "shoulder, raising the arm"},
      {"forearm", "elbow, bending"},
      {"hand", "wrist, bending"},
      {"toes", "toes, lifting"},
  };
  auto [base, side] = split_side(joint);
  auto it = words.find(base);
  std::string name = it == words.end() ? pretty_name(base) + ", bending forward" : it->second;
  std::string w = side_word(side);
  return w.empty() ? name : w + " " + name;
}

}  // namespace

Result<std::vector<std::string>> loaded_line_names(const AppModel& model, const session::Restriction& r) {
  return loaded_lines(model, r, nullptr);
}

TreatmentSpan treatment_span(const Session& s) {
  TreatmentSpan span;
  bool any = false;
  auto add = [&](double a, double b) {
    span.start_s = any ? std::min(span.start_s, a) : a;
    span.end_s = any ? std::max(span.end_s, b) : b;
    any = true;
  };
  for (const auto& r : s.releases) add(r.start_s, r.start_s + session::kReleaseDurationS);
  for (const auto& t : s.treatments) add(t.start_s, t.start_s + t.duration_s);
  return span;
}

std::string plain_target(const AppModel& model, const std::string& target) {
  auto [base, side] = split_side(target);
  if (const atlas::Line* l = find_line(model, base)) return with_side(l->name, side);
  // A track "sbl.gastrocnemius": the tissue, on its line.
  if (auto dot = base.find('.'); dot != std::string::npos) {
    if (const atlas::Line* l = find_line(model, base.substr(0, dot)))
      return with_side(pretty_name(base.substr(dot + 1)), side) + " on the " + l->name;
  }
  return with_side(pretty_name(base), side);
}

Result<HandoutContent> handout_content(const AppModel& model, const Session& in) {
  const sim::Model& m = sim::default_model();
  TreatmentSpan span = treatment_span(in);
  // Every treatment played to its end: its release is then in the session.
  auto done = session::advance_treatments(in, span.end_s + 1e-3);
  if (!done) return done.error();
  const Session& s = *done;
  const double tau = m.opt.release_time_constant;

  HandoutContent c;
  c.client_label = in.client_label;
  c.notes = in.notes;
  c.lines = in.visibility.lines;
  std::vector<std::string> loaded_ids;
  for (const auto& r : s.restrictions) {
    auto lines = loaded_lines(model, r, &loaded_ids);
    if (!lines) return lines.error();
    char how[160];
    if (r.shorten_pct > 0)
      std::snprintf(how, sizeof how, "set %.3g times stiffer and %.3g %% shorter", r.stiffness_x,
                    r.shorten_pct);
    else
      std::snprintf(how, sizeof how, "set %.3g times stiffer", r.stiffness_x);
    std::string sentence = "Tight: " + plain_target(model, r.target) + ", " + how + ".";
    if (!lines->empty()) sentence += " It pulls on the " + join(*lines) + ".";
    c.restricted.push_back(sentence);
    c.before_restrict.push_back(
        session::restrict_option_text(session::effective_restriction(s, r, tau, span.start_s)));
    c.after_restrict.push_back(
        session::restrict_option_text(session::effective_restriction(s, r, tau, span.end_s)));
  }
  for (const auto& t : in.treatments) {
    std::string what = std::string(session::treatment_name(t.kind));
    what[0] = char(std::toupper(what[0]));
    std::string sentence = what + " of the " + plain_target(model, t.target) + " for " + clock(t.duration_s);
    if (t.kind == session::TreatmentKind::AssistedStretch)
      sentence += ", moving the " + plain_joint(t.joint) + " with the breath";
    c.treatments.push_back(sentence + ".");
  }
  for (const auto& r : in.releases) {
    bool by_treatment = std::any_of(in.treatments.begin(), in.treatments.end(),
                                    [&](const session::Treatment& t) { return t.target == r.target; });
    if (!by_treatment)
      c.treatments.push_back("Sustained pressure (myofascial release) on the " +
                             plain_target(model, r.target) + ".");
  }

  // The range of the joints the treatments moved, or else the joint each restriction limits most.
  std::vector<std::string> joints;
  for (const auto& t : in.treatments)
    if (t.kind == session::TreatmentKind::AssistedStretch && !t.joint.empty()) joints.push_back(t.joint);
  if (joints.empty()) {
    for (const auto& r : s.restrictions) {
      auto pick = session::stretch_preset(m, s, r.target, span.start_s);
      if (pick && std::find(joints.begin(), joints.end(), pick->joint) == joints.end())
        joints.push_back(pick->joint);
      if (joints.size() >= 2) break;
    }
  }
  for (const auto& j : joints) {
    auto before = session::range_of_motion(m, s, j, span.start_s);
    if (!before) return before.error();
    auto after = session::range_of_motion(m, s, j, span.end_s);
    if (!after) return after.error();
    c.ranges.push_back({plain_joint(j), *before, *after});
  }
  // The stills show the lines the restrictions load (all the session shows when none), from the side
  // of the body where the most loaded one runs.
  if (!loaded_ids.empty()) {
    c.lines.clear();
    for (const auto& id : loaded_ids)
      if (std::find(c.lines.begin(), c.lines.end(), id) == c.lines.end()) c.lines.push_back(id);
    static const char* back_lines[] = {"sbl", "sbal", "dbal", "spl"};
    if (std::find(std::begin(back_lines), std::end(back_lines), loaded_ids.front()) != std::end(back_lines))
      c.view = "back";
  }
  return c;
}

}  // namespace fascia::app

#include "sim/commands.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

#include "core/log.h"
#include "sim/atlas_input.h"
#include "sim/atlas_network.h"
#include "sim/joint_ranges.h"
#include "sim/pose_library.h"
#include "sim/solver.h"

namespace fascia::sim {
namespace {

constexpr double kDeg = 57.29577951308232;

Result<double> parse_number(std::string_view s, const std::string& what) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) {
    return bad_input("--restrict: " + what + " '" + std::string(s) + "' is not a number");
  }
  return v;
}

// The motion a hinge's negative rotation is called.
std::string opposite_motion(const std::string& motion) {
  if (motion == "flexion") return "extension";
  if (motion == "extension") return "flexion";
  if (motion == "dorsiflexion") return "plantarflexion";
  return "opposite of " + motion;
}

Result<double> parse_value(std::string_view s, const std::string& flag, const std::string& what) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) {
    return bad_input(flag + ": " + what + " '" + std::string(s) + "' is not a number");
  }
  return v;
}

const std::map<std::string, std::string>& joint_aliases() {
  static const std::map<std::string, std::string> alias = {
      {"ankle.l", "talus.l"},      {"ankle.r", "talus.r"},      {"knee.l", "tibia.l"},
      {"knee.r", "tibia.r"},       {"hip.l", "femur.l"},        {"hip.r", "femur.r"},
      {"shoulder.l", "humerus.l"}, {"shoulder.r", "humerus.r"}, {"elbow.l", "forearm.l"},
      {"elbow.r", "forearm.r"},    {"wrist.l", "hand.l"},       {"wrist.r", "hand.r"},
      {"lumbar", "lumbar_3"}};
  return alias;
}

std::vector<int> joint_hinges(const Model& m, const std::string& joint) {
  auto a = joint_aliases().find(joint);
  return rom_joint(m, a != joint_aliases().end() ? a->second : joint);
}

std::string known_joints(const Model& m) {
  std::string known = "neck";
  for (const auto& [alias, hinge] : joint_aliases()) known += ", " + alias;
  for (const auto& h : m.hinge_name) known += ", " + h;
  return known;
}

// Data with the pose, holds, restrictions, loads and releases applied, at equilibrium.
Result<Data> prepared(const Model& m, const ExperimentOptions& o, std::vector<RestrictOption>* parsed) {
  Data d = make_data(m);
  FASCIA_TRY(apply_pose(m, d, o.pose));
  for (const auto& h : o.hold) {
    auto p = parse_hold(m, h);
    if (!p) return p.error();
    const std::vector<double> share = range_shares(m, p->hinges, p->deg < 0 ? -1 : +1);
    for (size_t i = 0; i < p->hinges.size(); ++i) lock_hinge(d, p->hinges[i], p->deg / kDeg * share[i]);
  }
  std::vector<RestrictOption> rs;
  for (const auto& r : o.restrict) {
    auto p = parse_restrict(r);
    if (!p) return p.error();
    rs.push_back(*p);
  }
  FASCIA_TRY(apply_restrictions(m, d, rs));
  if (parsed) *parsed = rs;
  if (int(o.load.size()) > kMaxLoads)
    return bad_input("--load: at most " + std::to_string(kMaxLoads) + " loads");
  for (const auto& l : o.load) {
    auto p = parse_load(m, l);
    if (!p) return p.error();
    add_load(d, p->node, p->force);
  }
  // Releases: the restriction on that tissue, under pressure from time 0 until the time asked.
  double release_time = 0;
  std::vector<int> released;
  for (const auto& r : o.release) {
    auto p = parse_release(r);
    if (!p) return p.error();
    auto els = restrict_elements(m, p->target);
    if (!els)
      return bad_input("--release: " + els.error().message.substr(std::string("--restrict: ").size()));
    int id = 0;
    for (const Restriction& rec : d.restrictions) {
      for (int e : *els) {
        if (std::find(rec.elements.begin(), rec.elements.end(), e) != rec.elements.end()) id = rec.id;
      }
    }
    if (id == 0)
      return bad_input("--release: '" + p->target + "' is not restricted (give it a --restrict first)");
    if (std::find(released.begin(), released.end(), id) != released.end()) {
      return bad_input("--release: '" + p->target + "' is released twice");
    }
    if (!released.empty() && p->seconds != release_time) {
      return bad_input("--release: every release is evaluated at one time; got " +
                       std::to_string(release_time) + " s and " + std::to_string(p->seconds) + " s");
    }
    released.push_back(id);
    release_time = p->seconds;
    start_release(d, id);
  }
  d.time = release_time;
  if (!equilibrium(m, d)) {
    return internal_error("sim: equilibrium did not converge (residual " + std::to_string(d.residual) + ")");
  }
  return d;
}

}  // namespace

uint32_t track_lines(const Model& m, int t) {
  uint32_t mask = 0;
  for (int i = 0; i < m.track_element_num[t]; ++i)
    mask |= m.element_lines[m.track_element[m.track_element_adr[t] + i]];
  return mask;
}

// "gastrocnemius, left (sbl)": the tissues by name, the side spelled out, the lines it belongs to.
std::string full_track_name(const Model& m, int t) {
  const std::string& id = m.track_name[t];
  std::string side = id.ends_with(".l") ? "left" : id.ends_with(".r") ? "right" : "";
  std::string tissues;
  for (std::string ts : m.track_tissues[t]) {
    if (ts.ends_with(".l") || ts.ends_with(".r")) ts.resize(ts.size() - 2);
    std::replace(ts.begin(), ts.end(), '_', ' ');
    tissues += (tissues.empty() ? "" : " + ") + ts;
  }
  if (tissues.empty()) tissues = id;
  std::string lines;
  uint32_t mask = track_lines(m, t);
  for (int l = 0; l < m.nline; ++l) {
    if (!(mask & (1u << l))) continue;
    std::string name = m.line_name[l];
    if (name.ends_with(".l") || name.ends_with(".r")) name.resize(name.size() - 2);
    if (lines.find(name) == std::string::npos) lines += (lines.empty() ? "" : ", ") + name;
  }
  return tissues + (side.empty() ? "" : ", " + side) + (lines.empty() ? "" : " (" + lines + ")");
}

Result<RestrictOption> parse_restrict(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    return bad_input("--restrict: expected TRACK=STIFFNESS_X[,SHORTEN_PCT], got '" + text + "'");
  }
  RestrictOption r;
  r.target = text.substr(0, eq);
  std::string rest = text.substr(eq + 1);
  auto comma = rest.find(',');
  auto k = parse_number(std::string_view(rest).substr(0, comma), r.target + ": stiffness multiplier");
  if (!k) return k.error();
  if (!(*k >= 0.1 && *k <= 10)) {
    return bad_input("--restrict: " + r.target + ": stiffness multiplier must be in [0.1, 10], got " +
                     rest.substr(0, comma));
  }
  r.stiffness_x = *k;
  if (comma != std::string::npos) {
    auto s = parse_number(std::string_view(rest).substr(comma + 1), r.target + ": shortening");
    if (!s) return s.error();
    if (!(*s >= 0 && *s <= 10)) {
      return bad_input("--restrict: " + r.target + ": shortening must be in [0, 10] percent, got " +
                       rest.substr(comma + 1));
    }
    r.shorten_pct = *s;
  }
  return r;
}

Result<std::vector<int>> restrict_elements(const Model& m, const std::string& target) {
  std::vector<int> els;
  int t = find_track(m, target);
  if (t >= 0) {
    els.assign(m.track_element.begin() + m.track_element_adr[t],
               m.track_element.begin() + m.track_element_adr[t] + m.track_element_num[t]);
    return els;
  }
  int l = find_line(m, target);
  if (l >= 0) {
    for (int e = 0; e < m.nelement; ++e)
      if (m.element_lines[e] & (1u << l)) els.push_back(e);
    return els;
  }
  for (int t2 : find_tracks_by_tissue(m, target)) {
    els.insert(els.end(), m.track_element.begin() + m.track_element_adr[t2],
               m.track_element.begin() + m.track_element_adr[t2] + m.track_element_num[t2]);
  }
  if (!els.empty()) return els;
  return bad_input("--restrict: unknown track '" + target +
                   "' (a track id, a tissue with its side such as gastrocnemius.l, or a line such as sbl.l)");
}

Status apply_restrictions(const Model& m, Data& d, const std::vector<RestrictOption>& rs) {
  // One restriction per piece of tissue: two that reach the same element (the same target twice, a
  // tissue and its track id, a track and a line through it) would compound past the documented range.
  std::vector<int> owner(m.nelement, -1);
  for (size_t i = 0; i < rs.size(); ++i) {
    const auto& r = rs[i];
    auto els = restrict_elements(m, r.target);
    if (!els) return els.error();
    for (int e : *els) {
      if (owner[e] >= 0) {
        const std::string& first = rs[owner[e]].target;
        return bad_input(
            "--restrict: '" + r.target + "' repeats " +
            (first == r.target ? std::string("itself") : "'" + first + "'") + " (both restrict " +
            (m.element_track[e] >= 0 ? m.track_name[m.element_track[e]] : "element " + std::to_string(e)) +
            "); restrict each tissue once, with one combined value");
      }
    }
    for (int e : *els) owner[e] = int(i);
  }
  for (const auto& r : rs) {
    auto els = restrict_elements(m, r.target);
    if (!els) return els.error();
    if (add_restriction(d, std::move(*els), r.stiffness_x, r.shorten_pct) == 0) {
      return bad_input("--restrict: " + r.target + ": values out of range");
    }
  }
  return ok_status();
}

Result<HoldOption> parse_hold(const Model& m, const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return bad_input("--hold: expected JOINT=DEG, got '" + text + "'");
  HoldOption h;
  h.joint = text.substr(0, eq);
  h.hinges = joint_hinges(m, h.joint);
  if (h.hinges.empty())
    return bad_input("--hold: unknown joint '" + h.joint + "' (known: " + known_joints(m) + ")");
  auto v = parse_value(std::string_view(text).substr(eq + 1), "--hold", h.joint + " angle");
  if (!v) return v.error();
  double lo = 0, hi = 0;
  for (int hinge : h.hinges) {
    HoldRange r = hold_range(m, hinge);
    lo += r.min * kDeg;
    hi += r.max * kDeg;
  }
  lo = std::round(lo), hi = std::round(hi);
  if (!(*v >= lo && *v <= hi)) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "--hold: %s: angle must be in [%g, %g] deg (%s positive), got %s",
                  h.joint.c_str(), lo, hi, m.hinge_motion[h.hinges[0]].c_str(), text.substr(eq + 1).c_str());
    return bad_input(buf);
  }
  h.deg = *v;
  return h;
}

Result<LoadOption> parse_load(const Model& m, const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    return bad_input("--load: expected TRACK_OR_STATION=NEWTONS[,DIRECTION], got '" + text + "'");
  }
  LoadOption l;
  l.target = text.substr(0, eq);
  std::string rest = text.substr(eq + 1);
  auto comma = rest.find(',');
  auto n = parse_value(std::string_view(rest).substr(0, comma), "--load", l.target + " force");
  if (!n) return n.error();
  if (!(*n >= 0 && *n <= 200)) {
    return bad_input("--load: " + l.target + ": force must be in [0, 200] N, got " + rest.substr(0, comma));
  }
  l.newtons = *n;
  l.direction = comma == std::string::npos ? "" : rest.substr(comma + 1);
  int track = find_track(m, l.target);
  if (track < 0) {
    auto by_tissue = find_tracks_by_tissue(m, l.target);
    if (by_tissue.size() == 1) track = by_tissue.front();
  }
  double dir[3] = {0, 0, 0};
  if (track >= 0 && m.track_element_num[track] > 0) {
    // The node in the middle of the track; "along" points down the track, towards its lower end (a
    // traction on the tendon, as in the cadaver loading of the biceps femoris).
    int e = m.track_element[m.track_element_adr[track] + m.track_element_num[track] / 2];
    l.node = m.element_node[2 * e];
    if (l.direction.empty()) l.direction = "along";
    if (l.direction == "along") {
      int a = m.element_node[2 * e], b = m.element_node[2 * e + 1];
      double len = 0, v[3];
      for (int c = 0; c < 3; ++c) v[c] = m.node_pos0[3 * b + c] - m.node_pos0[3 * a + c], len += v[c] * v[c];
      len = std::sqrt(len);
      double up = v[1] >= 0 ? -1 : 1;  // down the track
      for (int c = 0; c < 3; ++c) dir[c] = len > 0 ? up * v[c] / len : 0;
    }
  } else if (int s = find_station(m, l.target); s >= 0) {
    l.node = m.station_node[s];
    if (l.direction.empty()) l.direction = "down";
    if (l.direction == "along")
      return bad_input("--load: " + l.target + ": 'along' needs a track, not a station");
  } else {
    return bad_input("--load: unknown track or station '" + l.target + "'");
  }
  // Body axes: x left, y up, z forward (docs/architecture.md).
  static const std::map<std::string, std::array<double, 3>> named = {
      {"up", {0, 1, 0}},    {"down", {0, -1, 0}}, {"forward", {0, 0, 1}},
      {"back", {0, 0, -1}}, {"left", {1, 0, 0}},  {"right", {-1, 0, 0}}};
  if (l.direction != "along") {
    auto d = named.find(l.direction);
    if (d == named.end()) {
      return bad_input("--load: " + l.target +
                       ": direction must be up, down, forward, back, left, right or along, got '" +
                       l.direction + "'");
    }
    for (int c = 0; c < 3; ++c) dir[c] = d->second[c];
  }
  if (m.node_dof[l.node] < 0)
    return bad_input("--load: " + l.target + " is fixed to the pelvis and cannot be pulled");
  for (int c = 0; c < 3; ++c) l.force[c] = l.newtons * dir[c];
  return l;
}

Result<ReleaseOption> parse_release(const std::string& text) {
  ReleaseOption r;
  auto eq = text.find('=');
  r.target = text.substr(0, eq);
  if (r.target.empty()) return bad_input("--release: expected TRACK[=SECONDS], got '" + text + "'");
  if (eq != std::string::npos) {
    auto v = parse_value(std::string_view(text).substr(eq + 1), "--release", r.target + " time");
    if (!v) return v.error();
    if (!(*v >= 0 && *v <= 600)) {
      return bad_input("--release: " + r.target + ": time must be in [0, 600] s, got " + text.substr(eq + 1));
    }
    r.seconds = *v;
  }
  return r;
}

Result<Data> prepare_experiment(const Model& m, const ExperimentOptions& o) {
  return prepared(m, o, nullptr);
}

std::vector<std::string> pose_names() {
  return library_pose_names();
}

Status apply_pose(const Model& m, Data& d, const std::string& name) {
  auto holds = pose_holds(m, name);
  if (!holds) return holds.error();
  for (const PoseHold& h : *holds) lock_hinge(d, h.hinge, h.angle);
  return ok_status();
}

std::vector<int> find_tracks_by_tissue(const Model& m, const std::string& tissue_with_side) {
  std::string tissue = tissue_with_side, side;
  if (tissue.size() > 2 && (tissue.ends_with(".l") || tissue.ends_with(".r"))) {
    side = tissue.substr(tissue.size() - 2);
    tissue.resize(tissue.size() - 2);
  }
  std::vector<int> out;
  for (int t = 0; t < m.ntrack; ++t) {
    const std::string& id = m.track_name[t];
    bool midline = !(id.ends_with(".l") || id.ends_with(".r"));
    if (!(side.empty() ? midline : id.ends_with(side))) continue;
    // Tissue ids may carry the side themselves (the resolved atlas writes "gastrocnemius.l").
    for (const std::string& ts : m.track_tissues[t]) {
      if (ts == tissue || ts == tissue + side) {
        out.push_back(t);
        break;
      }
    }
  }
  return out;
}

namespace {
bool env_is(const char* name) {
  const char* v = std::getenv(name);
  return v && std::string(v) == "1";
}

struct DefaultModel {
  Model model;
  std::optional<Error> error;  // why the shipped atlas is not the model
};

const DefaultModel& default_model_and_error() {
  // The shipped atlas on the built-in body. FASCIA_SIM_REFERENCE=1 runs on the built-in reference
  // network instead; when the atlas cannot be loaded the model is the reference network too, and
  // the error says why (the commands refuse to run on it unless FASCIA_REFERENCE_NETWORK=1).
  static const DefaultModel dm = [] {
    DefaultModel out;
    if (env_is("FASCIA_SIM_REFERENCE")) {
      out.model = std::move(*compile(*build_network(reference_body())));
      return out;
    }
    auto in = default_atlas_input();
    if (in) {
      auto spec = build_network(*in);
      if (spec) {
        auto model = compile(*spec);
        if (model) {
          out.model = std::move(*model);
          return out;
        }
        out.error = model.error();
      } else {
        out.error = spec.error();
      }
    } else {
      out.error = in.error();
    }
    log_warning("sim: atlas unavailable, using the reference network: " + out.error->message);
    out.model = std::move(*compile(*build_network(reference_body())));
    return out;
  }();
  return dm;
}
}  // namespace

const Model& default_model() {
  return default_model_and_error().model;
}

Status default_model_status() {
  const auto& dm = default_model_and_error();
  if (!dm.error || env_is("FASCIA_REFERENCE_NETWORK")) return ok_status();
  return bad_input(
      "sim: the atlas could not be loaded, so there is no network to simulate: " + dm.error->message +
      " (set FASCIA_REFERENCE_NETWORK=1 to run on the built-in reference network instead)");
}

const Model& reference_model() {
  static const Model m = std::move(*compile(*build_network(reference_body())));
  return m;
}

Result<SimReport> run_sim(const Model& m, const SimOptions& o) {
  SimReport r;
  auto dr = prepared(m, o, &r.restrictions);
  if (!dr) return dr.error();
  ExperimentOptions unrestricted = o;
  unrestricted.restrict.clear();
  unrestricted.release.clear();
  unrestricted.load.clear();
  auto br = prepared(m, unrestricted, nullptr);
  if (!br) return br.error();
  r.result = std::move(*dr);
  r.baseline = std::move(*br);
  return r;
}

TrackTension track_tension(const Model& m, const SimReport& r, int t) {
  TrackTension tt;
  double lo = 1e300, hi = 0, sum = 0, bsum = 0;
  for (int i = 0; i < m.track_element_num[t]; ++i) {
    int e = m.track_element[m.track_element_adr[t] + i];
    lo = std::min(lo, r.result.element_tension[e]);
    hi = std::max(hi, r.result.element_tension[e]);
    sum += r.result.element_tension[e];
    bsum += r.baseline.element_tension[e];
  }
  const int n = std::max(1, m.track_element_num[t]);
  tt.min = lo;
  tt.max = hi;
  tt.mean = sum / n;
  tt.change = (sum - bsum) / n;
  return tt;
}

NodeOffset node_offset(const Model& m, const SimReport& r, int n) {
  NodeOffset o;
  const Data& d = r.result;
  const double* t0 = &m.node_tangent[3 * n];
  const int fr = m.node_frame[n];
  double t[3];
  for (int c = 0; c < 3; ++c) {
    o.displacement_mm[c] = 1000 * (d.node_x[3 * n + c] - m.node_pos0[3 * n + c]);
    o.change_mm[c] = 1000 * (d.node_x[3 * n + c] - r.baseline.node_x[3 * n + c]);
    o.from_bone_mm[c] = 1000 * (d.node_x[3 * n + c] - d.node_target[3 * n + c]);
    // The tissue's direction on the bone, carried by the bone's rotation.
    t[c] = fr >= 0 ? d.hinge_rot[9 * fr + 3 * c] * t0[0] + d.hinge_rot[9 * fr + 3 * c + 1] * t0[1] +
                         d.hinge_rot[9 * fr + 3 * c + 2] * t0[2]
                   : t0[c];
  }
  o.along_track_mm = o.from_bone_mm[0] * t[0] + o.from_bone_mm[1] * t[1] + o.from_bone_mm[2] * t[2];
  return o;
}

Result<TraceReport> run_trace(const Model& m, const TraceOptions& o) {
  TraceReport report;
  TraceTarget target;
  int t = find_track(m, o.at);
  if (t < 0) {
    auto by_tissue = find_tracks_by_tissue(m, o.at);
    if (!by_tissue.empty()) t = by_tissue.front();
  }
  if (t >= 0) {
    // The middle element of the track stands for it.
    target.element = m.track_element[m.track_element_adr[t] + m.track_element_num[t] / 2];
    report.track = t;
  } else if (int s = find_station(m, o.at); s >= 0) {
    target.station = s;
    report.at_station = true;
  } else {
    return bad_input("--at: unknown track or station '" + o.at + "'");
  }
  auto dr = prepared(m, o, &report.restrictions);
  if (!dr) return dr.error();
  report.trace = trace(m, *dr, target);
  return report;
}

Result<RomReport> run_rom(const Model& m, const RomOptions& o) {
  RomReport report;
  report.hinges = joint_hinges(m, o.joint);
  if (report.hinges.empty())
    return bad_input("--joint: unknown joint '" + o.joint + "' (known: " + known_joints(m) + ")");
  const std::string& named = m.hinge_motion[report.hinges[0]];
  const std::string opposite = opposite_motion(named);
  int direction = +1;
  if (o.motion == opposite) {
    direction = -1;
  } else if (!o.motion.empty() && o.motion != named) {
    return bad_input("--motion: " + o.joint + " moves in " + named + " and " + opposite + ", not '" +
                     o.motion + "'");
  }
  report.motion = direction > 0 ? named : opposite;
  auto dr = prepared(m, o, &report.restrictions);
  if (!dr) return dr.error();
  for (int h : report.hinges) unlock_hinge(*dr, h);
  report.result = rom(m, *dr, report.hinges, direction);
  if (!report.restrictions.empty()) {
    ExperimentOptions unrestricted = o;
    unrestricted.restrict.clear();
    unrestricted.release.clear();
    auto br = prepared(m, unrestricted, nullptr);
    if (!br) return br.error();
    for (int h : report.hinges) unlock_hinge(*br, h);
    report.unrestricted = rom(m, *br, report.hinges, direction);
  }
  return report;
}

}  // namespace fascia::sim

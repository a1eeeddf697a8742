#include "sim/commands.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/log.h"
#include "sim/atlas_input.h"
#include "sim/atlas_network.h"
#include "sim/solver.h"

namespace fascia::sim {
namespace {

constexpr double kDeg = 57.29577951308232;
constexpr const char* kNote = "illustrative, evidence-graded model, not a clinical measurement";

Result<double> parse_number(std::string_view s, const std::string& what) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) {
    return bad_input("--restrict: " + what + " '" + std::string(s) + "' is not a number");
  }
  return v;
}

Json lines_of(const Model& m, uint32_t mask) {
  Json a = Json::array();
  for (int l = 0; l < m.nline; ++l)
    if (mask & (1u << l)) a.push_back(m.line_name[l]);
  return a;
}

uint32_t track_lines(const Model& m, int t) {
  uint32_t mask = 0;
  for (int i = 0; i < m.track_element_num[t]; ++i)
    mask |= m.element_lines[m.track_element[m.track_element_adr[t] + i]];
  return mask;
}

double round_to(double v, double q) {
  return std::round(v / q) * q;
}

Json units() {
  return {{"tension", "N"}, {"strain", "1"},   {"displacement", "mm"},
          {"angle", "deg"}, {"torque", "N·m"}, {"sensitivity", "N per 1 % change"}};
}

// Data with restrictions and pose applied, at equilibrium.
Result<Data> prepared(const Model& m, const std::vector<std::string>& restrict, const std::string& pose,
                      std::vector<RestrictOption>* parsed) {
  Data d = make_data(m);
  FASCIA_TRY(apply_pose(m, d, pose));
  std::vector<RestrictOption> rs;
  for (const auto& r : restrict) {
    auto p = parse_restrict(r);
    if (!p) return p.error();
    rs.push_back(*p);
  }
  FASCIA_TRY(apply_restrictions(m, d, rs));
  if (parsed) *parsed = rs;
  if (!equilibrium(m, d)) {
    return internal_error("sim: equilibrium did not converge (residual " + std::to_string(d.residual) + ")");
  }
  return d;
}

Json restrictions_json(const std::vector<RestrictOption>& rs) {
  Json a = Json::array();
  for (const auto& r : rs)
    a.push_back({{"target", r.target}, {"stiffness_x", r.stiffness_x}, {"shorten_pct", r.shorten_pct}});
  return a;
}

}  // namespace

Result<RestrictOption> parse_restrict(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    return bad_input("--restrict: expected TRACK=STIFFNESS_X[,SHORTEN_PCT], got '" + text + "'");
  }
  RestrictOption r;
  r.target = text.substr(0, eq);
  std::string rest = text.substr(eq + 1);
  auto comma = rest.find(',');
  auto k = parse_number(std::string_view(rest).substr(0, comma), "stiffness multiplier");
  if (!k) return k.error();
  if (!(*k >= 0.1 && *k <= 10)) {
    return bad_input("--restrict: " + r.target + ": stiffness multiplier must be in [0.1, 10], got " +
                     rest.substr(0, comma));
  }
  r.stiffness_x = *k;
  if (comma != std::string::npos) {
    auto s = parse_number(std::string_view(rest).substr(comma + 1), "shortening");
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
  for (const auto& r : rs) {
    auto els = restrict_elements(m, r.target);
    if (!els) return els.error();
    if (add_restriction(d, std::move(*els), r.stiffness_x, r.shorten_pct) == 0) {
      return bad_input("--restrict: " + r.target + ": values out of range");
    }
  }
  return ok_status();
}

namespace {
struct Pose {
  const char* name;
  std::vector<std::pair<std::string, double>> angles;  // hinge, deg
};
const std::vector<Pose>& poses() {
  static const std::vector<Pose> p = {
      {"neutral", {}},
      {"head_flexed", {{"cervical_lower", 15}, {"cervical_upper", 15}, {"skull", 10}}},
      {"knees_bent", {{"tibia.l", 60}, {"tibia.r", 60}}},
      {"hips_flexed", {{"femur.l", 60}, {"femur.r", 60}}},
      {"forward_bend",
       {{"lumbar_3", 30}, {"thoracic_lower", 15}, {"thoracic_upper", 10}, {"femur.l", 60}, {"femur.r", 60}}},
      {"back_bend",
       {{"lumbar_3", -20},
        {"thoracic_lower", -10},
        {"cervical_lower", -10},
        {"femur.l", -10},
        {"femur.r", -10}}},
      {"squat",
       {{"femur.l", 100},
        {"femur.r", 100},
        {"tibia.l", 110},
        {"tibia.r", 110},
        {"talus.l", 25},
        {"talus.r", 25}}},
      {"arm_raise", {{"humerus.l", 150}, {"humerus.r", 150}}},
  };
  return p;
}
}  // namespace

std::vector<std::string> pose_names() {
  std::vector<std::string> n;
  for (const auto& p : poses()) n.push_back(p.name);
  return n;
}

Status apply_pose(const Model& m, Data& d, const std::string& name) {
  for (const auto& p : poses()) {
    if (name != p.name) continue;
    for (const auto& [hinge, deg] : p.angles) {
      int h = find_hinge(m, hinge);
      if (h >= 0) lock_hinge(d, h, deg / kDeg);
    }
    return ok_status();
  }
  std::string known;
  for (const auto& n : pose_names()) known += (known.empty() ? "" : ", ") + n;
  return bad_input("--pose: unknown pose '" + name + "' (known: " + known + ")");
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

const Model& default_model() {
  // The shipped atlas on the built-in body; the built-in reference network when the atlas cannot be
  // loaded (a checkout without assets).
  static const Model m = [] {
    // FASCIA_SIM_REFERENCE=1 runs on the built-in reference network (tests of the fallback).
    if (const char* ref = std::getenv("FASCIA_SIM_REFERENCE"); ref && std::string(ref) == "1") {
      return std::move(*compile(*build_network(reference_body())));
    }
    auto in = default_atlas_input();
    if (in) {
      auto spec = build_network(*in);
      if (spec) {
        auto model = compile(*spec);
        if (model) return std::move(*model);
        log_warning("sim: atlas network does not compile: " + model.error().message);
      } else {
        log_warning("sim: atlas network: " + spec.error().message);
      }
    } else {
      log_warning("sim: atlas unavailable, using the reference network: " + in.error().message);
    }
    return std::move(*compile(*build_network(reference_body())));
  }();
  return m;
}

const Model& reference_model() {
  static const Model m = std::move(*compile(*build_network(reference_body())));
  return m;
}

Result<Json> sim_command(const Model& m, const SimOptions& o) {
  std::vector<RestrictOption> rs;
  auto dr = prepared(m, o.restrict, o.pose, &rs);
  if (!dr) return dr.error();
  Data& d = *dr;
  // The same pose without restrictions, for the change each track sees.
  auto br = prepared(m, {}, o.pose, nullptr);
  if (!br) return br.error();
  const Data& base = *br;

  Json j;
  j["note"] = kNote;
  j["units"] = units();
  j["pose"] = o.pose;
  j["restrictions"] = restrictions_json(rs);
  j["solver"] = {{"converged", d.converged}, {"iterations", d.iterations}, {"residual", d.residual}};
  j["model"] = {{"nodes", m.nnode}, {"elements", m.nelement}, {"hinges", m.nhinge}, {"tracks", m.ntrack}};
  Json tracks = Json::array();
  for (int t = 0; t < m.ntrack; ++t) {
    double lo = 1e300, hi = 0, sum = 0, bsum = 0;
    for (int i = 0; i < m.track_element_num[t]; ++i) {
      int e = m.track_element[m.track_element_adr[t] + i];
      lo = std::min(lo, d.element_tension[e]);
      hi = std::max(hi, d.element_tension[e]);
      sum += d.element_tension[e];
      bsum += base.element_tension[e];
    }
    int n = std::max(1, m.track_element_num[t]);
    tracks.push_back(
        {{"id", m.track_name[t]},
         {"lines", lines_of(m, track_lines(m, t))},
         {"tension_N",
          {{"min", round_to(lo, 1e-3)}, {"mean", round_to(sum / n, 1e-3)}, {"max", round_to(hi, 1e-3)}}},
         {"change_N", round_to((sum - bsum) / n, 1e-3)}});
  }
  j["tracks"] = tracks;
  Json els = Json::array();
  for (int e = 0; e < m.nelement; ++e) {
    els.push_back({{"index", e},
                   {"track", m.element_track[e] >= 0 ? m.track_name[m.element_track[e]] : ""},
                   {"lines", lines_of(m, m.element_lines[e])},
                   {"link", m.element_link[e] != 0},
                   {"tension_N", round_to(d.element_tension[e], 1e-4)},
                   {"strain", round_to(d.element_strain[e], 1e-6)},
                   {"change_N", round_to(d.element_tension[e] - base.element_tension[e], 1e-4)}});
  }
  j["elements"] = els;
  Json nodes = Json::array();
  for (int n = 0; n < m.nnode; ++n) {
    double dx[3], db[3];
    for (int c = 0; c < 3; ++c) {
      dx[c] = 1000 * (d.node_x[3 * n + c] - m.node_pos0[3 * n + c]);
      db[c] = 1000 * (d.node_x[3 * n + c] - base.node_x[3 * n + c]);
    }
    nodes.push_back(
        {{"id", m.node_name[n]},
         {"station", m.node_station[n] >= 0},
         {"displacement_mm", {round_to(dx[0], 1e-4), round_to(dx[1], 1e-4), round_to(dx[2], 1e-4)}},
         {"change_mm", {round_to(db[0], 1e-4), round_to(db[1], 1e-4), round_to(db[2], 1e-4)}}});
  }
  j["nodes"] = nodes;
  Json joints = Json::array();
  for (int h = 0; h < m.nhinge; ++h) {
    joints.push_back({{"id", m.hinge_name[h]},
                      {"motion", m.hinge_motion[h]},
                      {"angle_deg", round_to(d.hinge_q[h] * kDeg, 1e-4)},
                      {"change_deg", round_to((d.hinge_q[h] - base.hinge_q[h]) * kDeg, 1e-4)},
                      {"held", d.hinge_locked[h] != 0}});
  }
  j["joints"] = joints;
  return j;
}

Result<Json> trace_command(const Model& m, const TraceOptions& o) {
  TraceTarget target;
  std::string kind;
  int t = find_track(m, o.at);
  if (t < 0) {
    auto by_tissue = find_tracks_by_tissue(m, o.at);
    if (!by_tissue.empty()) t = by_tissue.front();
  }
  if (t >= 0) {
    // The middle element of the track stands for it.
    target.element = m.track_element[m.track_element_adr[t] + m.track_element_num[t] / 2];
    kind = "track";
  } else if (int s = find_station(m, o.at); s >= 0) {
    target.station = s;
    kind = "station";
  } else {
    return bad_input("--at: unknown track or station '" + o.at + "'");
  }
  std::vector<RestrictOption> rs;
  auto dr = prepared(m, o.restrict, o.pose, &rs);
  if (!dr) return dr.error();
  TraceResult tr = trace(m, *dr, target);
  Json j;
  j["note"] = kNote;
  j["units"] = units();
  j["at"] = o.at;
  j["kind"] = kind;
  j["pose"] = o.pose;
  j["restrictions"] = restrictions_json(rs);
  j["load_N"] = round_to(tr.load, 1e-4);
  Json src = Json::array();
  for (int i = 0; i < std::min<int>(o.top, int(tr.track_rank.size())); ++i) {
    int k = tr.track_rank[i];
    src.push_back({{"rank", i + 1},
                   {"track", m.track_name[k]},
                   {"lines", lines_of(m, track_lines(m, k))},
                   {"local", kind == "track" && k == t},
                   {"dN_per_pct_shortening", round_to(tr.track_dshorten[k], 1e-5)},
                   {"dN_per_pct_stiffening", round_to(tr.track_dstiffness[k], 1e-5)}});
  }
  j["sources"] = src;
  return j;
}

Result<Json> rom_command(const Model& m, const RomOptions& o) {
  static const std::map<std::string, std::string> alias = {
      {"ankle.l", "talus.l"},      {"ankle.r", "talus.r"},      {"knee.l", "tibia.l"},
      {"knee.r", "tibia.r"},       {"hip.l", "femur.l"},        {"hip.r", "femur.r"},
      {"shoulder.l", "humerus.l"}, {"shoulder.r", "humerus.r"}, {"elbow.l", "forearm.l"},
      {"elbow.r", "forearm.r"},    {"wrist.l", "hand.l"},       {"wrist.r", "hand.r"}};
  std::string name = alias.count(o.joint) ? alias.at(o.joint) : o.joint;
  std::vector<int> hinges = rom_joint(m, name);
  if (hinges.empty()) {
    std::string known = "neck";
    for (const auto& h : m.hinge_name) known += ", " + h;
    return bad_input("--joint: unknown joint '" + o.joint + "' (known: " + known + ")");
  }
  std::vector<RestrictOption> rs;
  auto dr = prepared(m, o.restrict, o.pose, &rs);
  if (!dr) return dr.error();
  for (int h : hinges) unlock_hinge(*dr, h);
  RomResult r = rom(m, *dr, hinges);
  Json j;
  j["note"] = kNote;
  j["units"] = units();
  j["joint"] = o.joint;
  j["hinges"] = Json::array();
  for (int h : hinges) j["hinges"].push_back(m.hinge_name[h]);
  j["motion"] = m.hinge_motion[hinges[0]];
  j["pose"] = o.pose;
  j["restrictions"] = restrictions_json(rs);
  j["rom_deg"] = round_to(r.angle * kDeg, 1e-3);
  j["rest_deg"] = round_to(r.rest_angle * kDeg, 1e-3);
  j["torque_Nm"] = round_to(r.torque, 1e-4);
  j["reached"] = r.reached;
  if (!rs.empty()) {
    auto br = prepared(m, {}, o.pose, nullptr);
    if (!br) return br.error();
    for (int h : hinges) unlock_hinge(*br, h);
    RomResult b = rom(m, *br, hinges);
    j["unrestricted_rom_deg"] = round_to(b.angle * kDeg, 1e-3);
    j["change_deg"] = round_to((r.angle - b.angle) * kDeg, 1e-3);
  }
  return j;
}

std::string sim_text(const Json& j) {
  std::string s =
      "fascia sim (" + j["note"].get<std::string>() + ")\npose " + j["pose"].get<std::string>() + "\n";
  std::vector<std::pair<double, std::string>> changes;
  for (const auto& t : j["tracks"])
    changes.push_back({t["change_N"].get<double>(), t["id"].get<std::string>()});
  std::stable_sort(changes.begin(), changes.end(),
                   [](auto& a, auto& b) { return std::abs(a.first) > std::abs(b.first); });
  s += "largest changes of mean track tension:\n";
  char buf[160];
  for (size_t i = 0; i < std::min<size_t>(12, changes.size()); ++i) {
    std::snprintf(buf, sizeof buf, "  %-34s %+9.3f N\n", changes[i].second.c_str(), changes[i].first);
    s += buf;
  }
  s += "joints:\n";
  for (const auto& h : j["joints"]) {
    std::snprintf(buf, sizeof buf, "  %-16s %8.3f deg (%+.3f)\n", h["id"].get<std::string>().c_str(),
                  h["angle_deg"].get<double>(), h["change_deg"].get<double>());
    s += buf;
  }
  return s;
}

std::string trace_text(const Json& j) {
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "fascia trace at %s (%s): load %.3f N\nrank  source                              N per 1%% "
                "shortening\n",
                j["at"].get<std::string>().c_str(), j["kind"].get<std::string>().c_str(),
                j["load_N"].get<double>());
  std::string s = buf;
  for (const auto& r : j["sources"]) {
    std::snprintf(buf, sizeof buf, "%4d  %-34s %+10.4f%s\n", r["rank"].get<int>(),
                  r["track"].get<std::string>().c_str(), r["dN_per_pct_shortening"].get<double>(),
                  r["local"].get<bool>() ? "  (local)" : "");
    s += buf;
  }
  return s;
}

std::string rom_text(const Json& j) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "fascia rom %s (%s): %.2f deg, rest %.2f deg, at %.2f N·m\n",
                j["joint"].get<std::string>().c_str(), j["motion"].get<std::string>().c_str(),
                j["rom_deg"].get<double>(), j["rest_deg"].get<double>(), j["torque_Nm"].get<double>());
  std::string s = buf;
  if (j.contains("change_deg")) {
    std::snprintf(buf, sizeof buf, "unrestricted %.2f deg, change %+.2f deg\n",
                  j["unrestricted_rom_deg"].get<double>(), j["change_deg"].get<double>());
    s += buf;
  }
  return s;
}

}  // namespace fascia::sim

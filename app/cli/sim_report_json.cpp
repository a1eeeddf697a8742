#include <algorithm>
#include <cmath>

#include "cli/sim_report.h"
#include "sim/joint_ranges.h"

namespace fascia::app {
namespace {

constexpr double kDeg = 57.29577951308232;

// Figures are rounded to what the model can say, so the JSON stays readable and diffs stay small.
double round_to(double v, double q) {
  return std::round(v / q) * q;
}

Json units() {
  return {{"tension", "N"}, {"strain", "1"},   {"displacement", "mm"},
          {"angle", "deg"}, {"torque", "N·m"}, {"sensitivity", "N per 1 % change"}};
}

// What every report opens with: what the numbers are, and their units.
Json report_head() {
  return {{"note", kSimReportNote}, {"units", units()}};
}

Json lines_of(const sim::Model& m, uint32_t mask) {
  Json a = Json::array();
  for (int l = 0; l < m.nline; ++l)
    if (mask & (1u << l)) a.push_back(m.line_name[l]);
  return a;
}

Json restrictions_json(const std::vector<sim::RestrictOption>& rs) {
  Json a = Json::array();
  for (const auto& r : rs)
    a.push_back({{"target", r.target}, {"stiffness_x", r.stiffness_x}, {"shorten_pct", r.shorten_pct}});
  return a;
}

Json mm3(const double (&v)[3]) {
  return {round_to(v[0], 1e-4), round_to(v[1], 1e-4), round_to(v[2], 1e-4)};
}

}  // namespace

Json sim_json(const sim::Model& m, const sim::SimOptions& o, const sim::SimReport& r) {
  const sim::Data& d = r.result;
  const sim::Data& base = r.baseline;
  Json j = report_head();
  j["pose"] = o.pose;
  j["restrictions"] = restrictions_json(r.restrictions);
  j["holds"] = o.hold;
  j["loads"] = Json::array();
  for (size_t i = 0; i < d.loads.size(); ++i) {
    const sim::Load& l = d.loads[i];
    j["loads"].push_back(
        {{"option", i < o.load.size() ? o.load[i] : std::string()},
         {"node", m.node_name[l.node]},
         {"force_N", {round_to(l.force[0], 1e-6), round_to(l.force[1], 1e-6), round_to(l.force[2], 1e-6)}}});
  }
  j["releases"] = o.release;
  j["time_s"] = d.time;
  j["solver"] = {{"converged", d.converged},
                 {"iterations", d.iterations},
                 {"residual", d.residual},
                 {"continuation_stages", d.continuation_steps}};
  j["model"] = {{"nodes", m.nnode}, {"elements", m.nelement}, {"hinges", m.nhinge}, {"tracks", m.ntrack}};
  Json tracks = Json::array();
  for (int t = 0; t < m.ntrack; ++t) {
    const sim::TrackTension tt = sim::track_tension(m, r, t);
    tracks.push_back({{"id", m.track_name[t]},
                      {"name", sim::full_track_name(m, t)},
                      {"lines", lines_of(m, sim::track_lines(m, t))},
                      {"tension_N",
                       {{"min", round_to(tt.min, 1e-3)},
                        {"mean", round_to(tt.mean, 1e-3)},
                        {"max", round_to(tt.max, 1e-3)}}},
                      {"change_N", round_to(tt.change, 1e-3)}});
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
    const sim::NodeOffset off = sim::node_offset(m, r, n);
    nodes.push_back({{"id", m.node_name[n]},
                     {"station", m.node_station[n] >= 0},
                     {"displacement_mm", mm3(off.displacement_mm)},
                     {"from_bone_mm", mm3(off.from_bone_mm)},
                     {"along_track_mm", round_to(off.along_track_mm, 1e-4)},
                     {"change_mm", mm3(off.change_mm)}});
  }
  j["nodes"] = nodes;
  Json joints = Json::array();
  for (int h = 0; h < m.nhinge; ++h) {
    const sim::HoldRange range = sim::hold_range(m, h);
    joints.push_back({{"id", m.hinge_name[h]},
                      {"motion", m.hinge_motion[h]},
                      {"angle_deg", round_to(d.hinge_q[h] * kDeg, 1e-4)},
                      {"change_deg", round_to((d.hinge_q[h] - base.hinge_q[h]) * kDeg, 1e-4)},
                      {"held", d.hinge_locked[h] != 0},
                      {"holding_torque_Nm", round_to(d.hinge_locked[h] ? d.hinge_torque[h] : 0.0, 1e-5)},
                      {"range_deg", {round_to(range.min * kDeg, 1e-3), round_to(range.max * kDeg, 1e-3)}}});
  }
  j["joints"] = joints;
  return j;
}

Json trace_json(const sim::Model& m, const sim::TraceOptions& o, const sim::TraceReport& r) {
  Json j = report_head();
  j["at"] = o.at;
  j["kind"] = r.at_station ? "station" : "track";
  j["pose"] = o.pose;
  j["restrictions"] = restrictions_json(r.restrictions);
  j["load_N"] = round_to(r.trace.load, 1e-4);
  Json src = Json::array();
  for (int i = 0; i < std::min<int>(o.top, int(r.trace.track_rank.size())); ++i) {
    const int k = r.trace.track_rank[i];
    src.push_back({{"rank", i + 1},
                   {"track", m.track_name[k]},
                   {"name", sim::full_track_name(m, k)},
                   {"lines", lines_of(m, sim::track_lines(m, k))},
                   {"local", !r.at_station && k == r.track},
                   {"dN_per_pct_shortening", round_to(r.trace.track_dshorten[k], 1e-5)},
                   {"dN_per_pct_stiffening", round_to(r.trace.track_dstiffness[k], 1e-5)}});
  }
  j["sources"] = src;
  return j;
}

Json rom_json(const sim::Model& m, const sim::RomOptions& o, const sim::RomReport& r) {
  Json j = report_head();
  j["joint"] = o.joint;
  j["hinges"] = Json::array();
  for (int h : r.hinges) j["hinges"].push_back(m.hinge_name[h]);
  j["motion"] = r.motion;
  j["pose"] = o.pose;
  j["restrictions"] = restrictions_json(r.restrictions);
  j["rom_deg"] = round_to(r.result.angle * kDeg, 1e-3);
  j["rest_deg"] = round_to(r.result.rest_angle * kDeg, 1e-3);
  j["torque_Nm"] = round_to(r.result.torque, 1e-4);
  j["reached"] = r.result.reached;
  if (r.unrestricted) {
    j["unrestricted_rom_deg"] = round_to(r.unrestricted->angle * kDeg, 1e-3);
    j["change_deg"] = round_to((r.result.angle - r.unrestricted->angle) * kDeg, 1e-3);
  }
  return j;
}

}  // namespace fascia::app

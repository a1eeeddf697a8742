#include "session/sim_sync.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/commands.h"

namespace fascia::session {
namespace {
constexpr double kRadPerDeg = M_PI / 180.0;
}

int resolve_joint(const sim::Model& m, const std::string& joint) {
  // The clinical names of the hinges the simulation calls by their distal bone.
  static const std::map<std::string, std::string> alias = {
      {"ankle.l", "talus.l"}, {"ankle.r", "talus.r"}, {"knee.l", "tibia.l"},
      {"knee.r", "tibia.r"},  {"hip.l", "femur.l"},   {"hip.r", "femur.r"},
  };
  auto it = alias.find(joint);
  return sim::find_hinge(m, it == alias.end() ? joint : it->second);
}

int resolve_load_node(const sim::Model& m, const std::string& place) {
  if (int st = sim::find_station(m, place); st >= 0) return m.station_node[st];
  if (int t = sim::find_track(m, place); t >= 0 && m.track_element_num[t] > 0) {
    int mid = m.track_element[m.track_element_adr[t] + m.track_element_num[t] / 2];
    return m.element_node[2 * mid];
  }
  return -1;
}

Status sync_sim(const sim::Model& m, const Session& s, sim::Data& d, SimBinding& b) {
  // Resolve everything first, so a bad id changes nothing.
  std::vector<std::vector<int>> elements;
  for (const Restriction& r : s.restrictions) {
    auto els = sim::restrict_elements(m, r.target);
    if (!els) return bad_input("restriction '" + r.target + "': unknown track, tissue or line");
    elements.push_back(std::move(*els));
  }
  std::vector<int> load_nodes;
  for (const Load& l : s.loads) {
    int node = resolve_load_node(m, l.place);
    if (node < 0 || m.node_dof[node] < 0)
      return bad_input("load on '" + l.place + "': unknown track or station");
    load_nodes.push_back(node);
  }
  if (int(s.loads.size()) > sim::kMaxLoads) return bad_input("more loads than the simulation takes");
  std::vector<int> hinges;
  for (const Hold& h : s.holds) {
    int hinge = resolve_joint(m, h.joint);
    if (hinge < 0) return bad_input("hold of '" + h.joint + "': unknown joint");
    hinges.push_back(hinge);
  }

  for (int id : b.restriction_ids) sim::remove_restriction(d, id);
  for (int id : b.load_ids) sim::remove_load(d, id);
  for (int h : b.held_hinges) sim::unlock_hinge(d, h);
  b = {};

  for (size_t i = 0; i < s.restrictions.size(); ++i) {
    const Restriction& r = s.restrictions[i];
    int id = sim::add_restriction(d, std::move(elements[i]), r.stiffness_x, r.shorten_pct);
    if (id == 0) return bad_input("restriction '" + r.target + "': values out of range");
    b.restriction_ids.push_back(id);
    auto rel = std::find_if(s.releases.begin(), s.releases.end(),
                            [&](const Release& x) { return x.target == r.target; });
    if (rel != s.releases.end()) d.restrictions.back().release_start = rel->start_s;
  }
  for (size_t i = 0; i < s.loads.size(); ++i) {
    const Load& l = s.loads[i];
    double dir[3] = {l.direction[0], l.direction[1], l.direction[2]};
    double n = std::sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
    if (n < 1e-9) {
      // No direction given: pull the node away from its bone point's neighbourhood, outwards from
      // the body's long axis (what a hand pulling the skin does).
      const double* p = &m.node_pos0[3 * load_nodes[i]];
      dir[0] = p[0];
      dir[1] = 0;
      dir[2] = p[2];
      n = std::sqrt(dir[0] * dir[0] + dir[2] * dir[2]);
      if (n < 1e-9) dir[0] = n = 1;
    }
    double f[3] = {l.newtons * dir[0] / n, l.newtons * dir[1] / n, l.newtons * dir[2] / n};
    int id = sim::add_load(d, load_nodes[i], f, l.frequency_hz);
    if (id == 0) return bad_input("load on '" + l.place + "': not accepted");
    b.load_ids.push_back(id);
  }
  for (size_t i = 0; i < s.holds.size(); ++i) {
    sim::lock_hinge(d, hinges[i], s.holds[i].degrees * kRadPerDeg);
    b.held_hinges.push_back(hinges[i]);
  }
  d.breath_amplitude = s.breathing.on ? s.breathing.depth : 0.0;
  return ok_status();
}

}  // namespace fascia::session

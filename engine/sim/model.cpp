#include "sim/model.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/data.h"
#include "sim/forward.h"

namespace fascia::sim {
namespace {

double norm(Vec3d v) {
  return std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
}
double distance(Vec3d a, Vec3d b) {
  return norm({a.x - b.x, a.y - b.y, a.z - b.z});
}
void push3(std::vector<double>& v, Vec3d p) {
  v.insert(v.end(), {p.x, p.y, p.z});
}

Error spec_error(const std::string& where, const std::string& what) {
  return bad_input("network: at " + where + ": " + what);
}

}  // namespace

const char* grade_name(Grade g) {
  switch (g) {
    case Grade::Strong:
      return "strong";
    case Grade::Moderate:
      return "moderate";
    case Grade::Limited:
      return "limited";
    case Grade::None:
      return "none";
    case Grade::Unassessed:
      return "unassessed";
  }
  return "unassessed";
}

Result<Grade> parse_grade(const std::string& s) {
  for (Grade g : {Grade::Strong, Grade::Moderate, Grade::Limited, Grade::None, Grade::Unassessed}) {
    if (s == grade_name(g)) return g;
  }
  return bad_input("unknown evidence grade '" + s +
                   "' (expected strong, moderate, limited, none or unassessed)");
}

Result<Model> compile(const NetworkSpec& spec) {
  Model m;
  m.opt = spec.options;
  m.nhinge = int(spec.hinges.size());
  m.nnode = int(spec.nodes.size());
  m.nelement = int(spec.elements.size());
  m.ntrack = int(spec.tracks.size());
  m.nstation = int(spec.stations.size());
  m.nline = int(spec.lines.size());
  if (m.nline > 32) return spec_error("lines", "at most 32 lines, found " + std::to_string(m.nline));
  if (m.nnode == 0) return spec_error("nodes", "a network needs nodes");
  m.line_name = spec.lines;

  for (int h = 0; h < m.nhinge; ++h) {
    const HingeSpec& hs = spec.hinges[h];
    std::string where = "hinges[" + std::to_string(h) + "] '" + hs.name + "'";
    if (hs.parent >= h || hs.parent < -1) return spec_error(where, "parent must come before the hinge");
    int depth = 1;
    for (int a = hs.parent; a >= 0; a = spec.hinges[a].parent) depth++;
    if (depth > 32) return spec_error(where, "more than 32 hinges in a chain");
    double an = norm(hs.axis);
    if (!(an > 0)) return spec_error(where, "axis is zero");
    if (!(hs.stiffness > 0)) return spec_error(where, "stiffness must be positive");
    m.hinge_name.push_back(hs.name);
    m.hinge_motion.push_back(hs.motion);
    m.hinge_parent.push_back(hs.parent);
    push3(m.hinge_centre, hs.centre);
    push3(m.hinge_axis, {hs.axis.x / an, hs.axis.y / an, hs.axis.z / an});
    m.hinge_stiffness.push_back(hs.stiffness);
    m.hinge_stiffening.push_back(std::max(0.0, hs.stiffening));
    m.hinge_rom_torque.push_back(hs.rom_torque);
    m.hinge_posture.push_back(std::max(0.0, hs.posture_stiffness));
    if (hs.range_min != 0 || hs.range_max != 0) {
      if (!(hs.range_min < 0 && hs.range_max > 0)) return spec_error(where, "range must contain neutral");
    }
    m.hinge_range.push_back(hs.range_min);
    m.hinge_range.push_back(hs.range_max);
    m.hinge_damping.push_back(m.opt.hinge_time_constant * hs.stiffness);
    m.hinge_inertia.push_back(0.2 * m.opt.hinge_time_constant * m.hinge_damping.back());
    // Ancestors, root first, the hinge itself last.
    std::vector<int> chain;
    for (int a = h; a >= 0; a = m.hinge_parent[a]) chain.push_back(a);
    std::reverse(chain.begin(), chain.end());
    m.hinge_ancestor_adr.push_back(int(m.hinge_ancestor.size()));
    m.hinge_ancestor_num.push_back(int(chain.size()));
    m.hinge_ancestor.insert(m.hinge_ancestor.end(), chain.begin(), chain.end());
  }
  m.nanc = int(m.hinge_ancestor.size());

  for (int n = 0; n < m.nnode; ++n) {
    const NodeSpec& ns = spec.nodes[n];
    std::string where = "nodes[" + std::to_string(n) + "]" + (ns.name.empty() ? "" : " '" + ns.name + "'");
    if (ns.frame < -1 || ns.frame >= m.nhinge) return spec_error(where, "frame out of range");
    if (ns.fixed && ns.frame != -1) return spec_error(where, "a fixed node must sit on the root");
    if (!(ns.anchor >= 0)) return spec_error(where, "anchor stiffness must be >= 0");
    if (!(ns.anchor_reach >= 0)) return spec_error(where, "anchor reach must be >= 0");
    if (ns.posture_hinge < -1 || ns.posture_hinge >= m.nhinge)
      return spec_error(where, "posture hinge out of range");
    m.node_name.push_back(ns.name);
    m.node_frame.push_back(ns.frame);
    push3(m.node_pos0, ns.position);
    m.node_anchor.push_back(ns.anchor);
    m.node_anchor_reach.push_back(ns.anchor_reach);
    m.node_posture_hinge.push_back(ns.posture_hinge);
    if (ns.posture_hinge >= 0 && !(ns.posture_none > ns.posture_full)) {
      return spec_error(where, "posture continuity needs none-above > full-below");
    }
    m.node_posture_range.insert(m.node_posture_range.end(), {ns.posture_full, ns.posture_none});
    m.node_posture_anchor.push_back(ns.posture_anchor);
    push3(m.node_breath, ns.breath);
    m.node_dof.push_back(ns.fixed ? -1 : 3 * m.nfree);
    if (!ns.fixed) m.nfree++;
    m.node_station.push_back(-1);
  }
  m.ndof = 3 * m.nfree + m.nhinge;

  std::vector<double> node_stiffness(m.nnode, 0.0);  // Σ adjacent k/L scaled per 4 cm
  std::vector<double> tangent(3 * m.nnode, 0.0);
  std::vector<int> degree(m.nnode, 0);
  for (int e = 0; e < m.nelement; ++e) {
    const ElementSpec& es = spec.elements[e];
    std::string where = "elements[" + std::to_string(e) + "]";
    if (es.a < 0 || es.a >= m.nnode || es.b < 0 || es.b >= m.nnode || es.a == es.b) {
      return spec_error(where, "nodes out of range or equal");
    }
    if (!(es.stiffness > 0) || !std::isfinite(es.stiffness))
      return spec_error(where, "stiffness must be positive");
    if (es.track < -1 || es.track >= m.ntrack) return spec_error(where, "track out of range");
    if (m.nline < 32 && (es.lines >> m.nline) != 0) return spec_error(where, "line bit beyond the line list");
    double len = distance(spec.nodes[es.a].position, spec.nodes[es.b].position);
    if (!(len > 1e-6)) return spec_error(where, "nodes coincide");
    double rest = es.rest_length > 0 ? es.rest_length : es.link ? len : len / (1 + m.opt.prestrain);
    m.element_node.insert(m.element_node.end(), {es.a, es.b});
    m.element_stiffness.push_back(es.stiffness);
    m.element_rest.push_back(rest);
    if (!(es.toe_strain >= 0)) return spec_error(where, "toe strain must be >= 0");
    m.element_toe.push_back(es.toe_strain > 0 ? es.toe_strain : m.opt.toe_strain);
    m.element_damping.push_back(m.opt.element_damping * es.stiffness);
    m.element_track.push_back(es.track);
    m.element_lines.push_back(es.lines);
    m.element_link.push_back(es.link ? 1 : 0);
    constexpr double kRef = 0.04;
    double k = es.stiffness / len * (len / kRef) * (len / kRef);
    node_stiffness[es.a] += k;
    node_stiffness[es.b] += k;
    Vec3d pa = spec.nodes[es.a].position, pb = spec.nodes[es.b].position;
    double dir[3] = {(pb.x - pa.x) / len, (pb.y - pa.y) / len, (pb.z - pa.z) / len};
    for (int c = 0; c < 3; ++c) tangent[3 * es.a + c] += dir[c], tangent[3 * es.b + c] += dir[c];
    degree[es.a]++, degree[es.b]++;
  }
  // Damping per node in proportion to the tissue around it (per unit length), so a disturbance
  // diffuses along a track in about the same time however finely it is divided.
  // Across the tissue the restoring stiffness is only tension over length, far below the axial one,
  // so nodes of a track (two elements) are damped much less sideways: otherwise slow sideways drift
  // would keep the dynamic mode from settling. Stations and branch points are damped alike in all
  // directions.
  for (int n = 0; n < m.nnode; ++n) {
    double c = m.opt.node_time_constant * (node_stiffness[n] + m.node_anchor[n]);
    if (!(c > 0)) c = 1e-3;
    m.node_damping.push_back(c);
    m.node_mass.push_back(m.opt.mass_time_constant * c);
    double* t = &tangent[3 * n];
    double tl = std::sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
    bool along = degree[n] == 2 && tl > 1e-9;
    for (int k = 0; k < 3; ++k) m.node_tangent.push_back(along ? t[k] / tl : 0.0);
    m.node_damping_perp.push_back(along ? 0.01 * c : c);
  }

  for (int t = 0; t < m.ntrack; ++t) {
    m.track_name.push_back(spec.tracks[t].name);
    m.track_tissues.push_back(spec.tracks[t].tissues);
  }
  m.track_element_num.assign(m.ntrack, 0);
  for (int e = 0; e < m.nelement; ++e)
    if (m.element_track[e] >= 0) m.track_element_num[m.element_track[e]]++;
  m.track_element_adr.assign(m.ntrack, 0);
  for (int t = 1; t < m.ntrack; ++t)
    m.track_element_adr[t] = m.track_element_adr[t - 1] + m.track_element_num[t - 1];
  {
    std::vector<int> fill(m.ntrack, 0);
    m.track_element.assign(m.nelement, -1);
    for (int e = 0; e < m.nelement; ++e) {
      int t = m.element_track[e];
      if (t >= 0) m.track_element[m.track_element_adr[t] + fill[t]++] = e;
    }
  }
  for (int s = 0; s < m.nstation; ++s) {
    const StationSpec& ss = spec.stations[s];
    if (ss.node < 0 || ss.node >= m.nnode)
      return spec_error("stations[" + std::to_string(s) + "]", "node out of range");
    m.station_name.push_back(ss.name);
    m.station_node.push_back(ss.node);
    m.station_grade.push_back(ss.grade);
    m.node_station[ss.node] = s;
  }

  // Record the matrix pattern by running the assembly once, then analyse it.
  {
    Data d = make_data(m);
    forward(m, d);
    std::vector<std::pair<int, int>> entries;
    Assembler as;
    as.record = &entries;
    assemble(m, d, as, 1, 1, 1);
    m.nslot = int(entries.size());
    m.slot_index = ldlt_analyse(m.pattern, m.ndof, entries);
    const SparseLdlt& s = m.pattern;
    m.value_row.resize(s.a_row.size());
    m.value_col.resize(s.a_row.size());
    for (int c = 0; c < s.n; ++c) {
      for (int p = s.a_colptr[c]; p < s.a_colptr[c + 1]; ++p) {
        m.value_row[p] = s.perm[s.a_row[p]];
        m.value_col[p] = s.perm[c];
      }
    }
  }
  return m;
}

int find_hinge(const Model& m, const std::string& name) {
  auto it = std::find(m.hinge_name.begin(), m.hinge_name.end(), name);
  return it == m.hinge_name.end() ? -1 : int(it - m.hinge_name.begin());
}
int find_track(const Model& m, const std::string& name) {
  auto it = std::find(m.track_name.begin(), m.track_name.end(), name);
  return it == m.track_name.end() ? -1 : int(it - m.track_name.begin());
}
int find_station(const Model& m, const std::string& name) {
  auto it = std::find(m.station_name.begin(), m.station_name.end(), name);
  return it == m.station_name.end() ? -1 : int(it - m.station_name.begin());
}
int find_line(const Model& m, const std::string& name) {
  auto it = std::find(m.line_name.begin(), m.line_name.end(), name);
  return it == m.line_name.end() ? -1 : int(it - m.line_name.begin());
}

}  // namespace fascia::sim

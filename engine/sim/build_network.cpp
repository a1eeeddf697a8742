// AtlasInput -> NetworkSpec: one node per station, a chain of elements along each track (shared
// tracks once, with every line that uses them), anchors from the evidence of each transition.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "sim/atlas_input.h"

namespace fascia::sim {
namespace {

Vec3d lerp(Vec3d a, Vec3d b, double t) {
  return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t};
}
double dist(Vec3d a, Vec3d b) {
  return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}
Error input_error(const std::string& where, const std::string& what) {
  return bad_input("sim network: at " + where + ": " + what);
}

}  // namespace

Result<NetworkSpec> build_network(const AtlasInput& in, const NetworkOptions& opt) {
  NetworkSpec s;
  s.options = opt.model;

  // Joints: those with a hinge become hinges; every joint maps to the nearest hinge at or above it.
  std::map<std::string, int> frame_of;  // joint id -> hinge index or -1
  for (size_t j = 0; j < in.joints.size(); ++j) {
    const auto& jt = in.joints[j];
    int parent_frame = -1;
    if (!jt.parent.empty()) {
      auto it = frame_of.find(jt.parent);
      if (it == frame_of.end())
        return input_error("joints." + jt.id, "parent '" + jt.parent + "' not defined before it");
      parent_frame = it->second;
    }
    if (jt.hinge) {
      HingeSpec h;
      h.name = jt.id;
      h.parent = parent_frame;
      h.centre = jt.centre;
      h.axis = jt.axis;
      h.stiffness = jt.stiffness;
      h.stiffening = jt.stiffening;
      h.rom_torque = jt.rom_torque;
      h.motion = jt.motion;
      h.range_min = jt.range_min;
      h.range_max = jt.range_max;
      h.posture_stiffness = jt.posture_stiffness;
      frame_of[jt.id] = int(s.hinges.size());
      s.hinges.push_back(h);
    } else {
      frame_of[jt.id] = parent_frame;
    }
  }
  auto frame = [&](const std::string& joint, const std::string& where) -> Result<int> {
    auto it = frame_of.find(joint);
    if (it == frame_of.end()) return input_error(where, "unknown joint '" + joint + "'");
    return it->second;
  };

  std::map<std::string, int> station_index;
  for (size_t i = 0; i < in.stations.size(); ++i) {
    const auto& st = in.stations[i];
    auto f = frame(st.joint, "stations." + st.id);
    if (!f) return f.error();
    NodeSpec n;
    n.name = st.id;
    n.frame = *f;
    n.position = st.position;
    n.breath = st.breath;
    n.station = int(i);
    station_index[st.id] = int(i);
    s.nodes.push_back(n);
    s.stations.push_back({st.id, int(i), Grade::Unassessed});
  }

  // Lines and which tracks they label.
  std::map<std::string, uint32_t> track_lines;
  for (size_t l = 0; l < in.lines.size(); ++l) {
    s.lines.push_back(in.lines[l].id);
    for (const auto& t : in.lines[l].tracks) track_lines[t] |= 1u << l;
  }
  if (s.lines.size() > 32) return input_error("lines", "at most 32 lines");

  // Tracks: a chain of nodes along the polyline, resampled by arc length.
  std::vector<double> node_kmax(s.nodes.size(), 0.0);  // stiffest track at each station (N/m)
  std::set<std::string> seen;
  for (const auto& tr : in.tracks) {
    std::string where = "tracks." + tr.id;
    if (!seen.insert(tr.id).second) return input_error(where, "defined twice");
    auto fa = station_index.find(tr.from), fb = station_index.find(tr.to);
    if (fa == station_index.end()) return input_error(where, "unknown station '" + tr.from + "'");
    if (fb == station_index.end()) return input_error(where, "unknown station '" + tr.to + "'");
    std::vector<AtlasInput::Point> poly;
    poly.push_back({in.stations[fa->second].joint, in.stations[fa->second].position});
    poly.insert(poly.end(), tr.via.begin(), tr.via.end());
    poly.push_back({in.stations[fb->second].joint, in.stations[fb->second].position});
    std::vector<double> arc(poly.size(), 0.0);
    for (size_t i = 1; i < poly.size(); ++i)
      arc[i] = arc[i - 1] + dist(poly[i - 1].position, poly[i].position);
    const double length = arc.back();
    if (!(length > 1e-3)) return input_error(where, "track shorter than 1 mm");
    int nseg = tr.link ? 1 : std::max(2, int(std::lround(opt.refine * length / opt.segment_length)));
    double k_nmm = tr.stiffness > 0 ? tr.stiffness : opt.default_stiffness;
    double k_lin = k_nmm * 1000.0;  // N/m of the whole track
    // A uniform section gives every segment the same k per unit strain; a tapering one (thick
    // lumbar erector, thin neck portion) varies it geometrically from `from` to `to`.
    double taper = tr.stiffness_to > 0 ? tr.stiffness_to / k_nmm : 1.0;
    int track = int(s.tracks.size());
    s.tracks.push_back({tr.id, tr.tissues});
    uint32_t lines = track_lines.count(tr.id) ? track_lines[tr.id] : 0u;

    int prev = fa->second;
    for (int i = 1; i <= nseg; ++i) {
      int node;
      if (i == nseg) {
        node = fb->second;
      } else {
        double target = length * i / nseg;
        size_t seg = 1;
        while (seg + 1 < arc.size() && arc[seg] < target) ++seg;
        double t = (target - arc[seg - 1]) / std::max(arc[seg] - arc[seg - 1], 1e-12);
        const auto& pa = poly[seg - 1];
        const auto& pb = poly[seg];
        NodeSpec n;
        n.name = tr.id + "#" + std::to_string(i);
        auto f = frame(t < 0.5 ? pa.joint : pb.joint, where);
        if (!f) return f.error();
        n.frame = *f;
        n.position = lerp(pa.position, pb.position, t);
        // Interior points of ribcage tracks breathe with their ends.
        n.breath = lerp(in.stations[fa->second].breath, in.stations[fb->second].breath, double(i) / nseg);
        n.anchor = opt.track_leak * k_lin / std::max(1, nseg - 1);
        node = int(s.nodes.size());
        s.nodes.push_back(n);
      }
      double k_strain = k_lin * length * std::pow(taper, (i - 0.5) / nseg);
      s.elements.push_back({prev, node, k_strain, 0, track, lines, tr.link, tr.toe_strain});
      prev = node;
    }
    node_kmax[fa->second] = std::max(node_kmax[fa->second], k_lin);
    node_kmax[fb->second] = std::max(node_kmax[fb->second], k_lin);
  }

  // Station anchors: the best evidence among the transitions there; line ends are held firmly.
  std::vector<double> ratio(in.stations.size(), opt.end_anchor);
  for (const auto& tn : in.transitions) {
    auto it = station_index.find(tn.station);
    if (it == station_index.end())
      return input_error("transitions." + tn.line, "unknown station '" + tn.station + "'");
    int st = it->second;
    double a = opt.grade_anchor[int(tn.grade)];
    if (a < ratio[st] || s.stations[st].grade == Grade::Unassessed) s.stations[st].grade = tn.grade;
    ratio[st] = std::min(ratio[st], a);
    if (!tn.posture_joint.empty()) {
      auto it2 = frame_of.find(tn.posture_joint);
      if (it2 == frame_of.end())
        return input_error("transitions." + tn.line, "unknown joint '" + tn.posture_joint + "'");
      if (it2->second >= 0 && s.hinges[it2->second].name == tn.posture_joint) {
        s.nodes[st].posture_hinge = it2->second;
        s.nodes[st].posture_full = tn.full_below_deg / 57.29577951308232;
        s.nodes[st].posture_none = std::max(tn.none_above_deg, tn.full_below_deg + 1) / 57.29577951308232;
      }
    }
  }
  // Bony attachments of the two-joint tissues hold against a large pull: the tendon is fixed to the
  // bone and only part of its force passes on into the next tissue (Vleeming 1989 at the ischial
  // tuberosity). A floating station let the hamstrings slide and never stop a straight-leg raise.
  // With a reach the station's anchor stiffens smoothly as it is pulled off the bone, so a small
  // pull passes along the line while a large one is held.
  for (size_t st = 0; st < in.stations.size(); ++st) {
    const std::string& id = in.stations[st].id;
    if (id.starts_with("ischial_tuberosity")) {
      ratio[st] = std::max(ratio[st], opt.bony_origin_anchor);
      s.nodes[st].anchor_reach = opt.hamstring_origin_reach;
    }
    if (id.starts_with("femoral_condyles") || id.starts_with("calcaneus"))
      ratio[st] = std::max(ratio[st], opt.calf_attachment_anchor);
  }
  for (size_t st = 0; st < in.stations.size(); ++st) {
    double k = node_kmax[st] > 0 ? node_kmax[st] : opt.default_stiffness * 1000;
    s.nodes[st].anchor = ratio[st] * k;
    s.nodes[st].posture_anchor = std::max(ratio[st], opt.grade_anchor[int(Grade::None)]) * k;
  }
  return s;
}

}  // namespace fascia::sim

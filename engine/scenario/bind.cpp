#include "scenario/bind.h"

#include <algorithm>
#include <cmath>

#include "core/json.h"
#include "session/sim_sync.h"
#include "sim/commands.h"

namespace fascia::scenario {
namespace {

Error track_error(const Scenario& s, const std::string& path, const std::string& what) {
  return json_error(s.file, path, what);
}

bool known_line(const std::string& id) {
  std::string base = id;
  if (id.ends_with(".l") || id.ends_with(".r")) base = id.substr(0, id.size() - 2);
  const auto& all = session::all_line_ids();
  return std::find(all.begin(), all.end(), base) != all.end();
}

constexpr double kHalfDegToRad = 3.14159265358979323846 / 360.0;

std::string line_list() {
  std::string out;
  for (const auto& l : session::all_line_ids()) out += (out.empty() ? "" : " ") + l;
  return out;
}

}  // namespace

Status bind(Scenario& s, const Catalog& c) {
  auto bad_line = [&](const std::string& path, const std::string& id) {
    return track_error(
        s, path,
        "'" + id + "': no such line; expected one of " + line_list() + ", with .l or .r for one side");
  };
  for (const auto& l : s.start.visibility.lines)
    if (!known_line(l))
      return json_error(s.file, "$.lines", "'" + l + "': no such line; expected one of " + line_list());
  for (size_t i = 0; i < s.lines.size(); ++i)
    for (const auto& l : s.lines[i].show)
      if (!known_line(l)) return bad_line(s.lines[i].path + ".show", l);
  for (size_t i = 0; i < s.reveals.size(); ++i)
    if (!known_line(s.reveals[i].line)) return bad_line(s.reveals[i].path + ".line", s.reveals[i].line);
  for (size_t i = 0; i < s.highlights.size(); ++i)
    if (!known_line(s.highlights[i].line))
      return bad_line(s.highlights[i].path + ".line", s.highlights[i].line);

  // Camera keys, in order: a framed structure gives the target (and a distance unless one is
  // given); channels a key leaves out carry the previous key's resolved value; distance 0 is the
  // whole body, made explicit so that moving from it to a framed structure is a smooth dolly.
  for (const auto& [key, name] : s.frame_requests)
    if (c.places.find(name) == c.places.end())
      return json_error(s.file, s.frame_paths.at(key),
                        "'" + name +
                            "': no such structure to frame (a landmark such as calcaneus.l or a track such "
                            "as gastrocnemius.l)");
  for (size_t ti = 0; ti < s.camera.size(); ++ti) {
    Channels& ch = s.camera[ti].keys;
    for (size_t k = 0; k < ch.value.size(); ++k) {
      auto& v = ch.value[k];
      const std::pair<int, int> id{int(ti), int(k)};
      const bool target_given = s.camera_targets_given.count(id) > 0;
      if (k > 0)
        for (size_t c2 = 0; c2 < v.size(); ++c2) {
          bool given = ch.given[k][c2] || (c2 >= 3 && c2 < 6 && target_given);
          if (!given) v[c2] = ch.value[k - 1][c2];
        }
      if (auto f = s.frame_requests.find(id); f != s.frame_requests.end()) {
        const auto& p = c.places.at(f->second);
        for (int a = 0; a < 3; ++a) v[3 + a] = p[a];
        if (!ch.given[k][2]) v[2] = kFrameDistanceM;
      }
      if (v[2] == 0) {
        for (int a = 0; a < 3; ++a) v[3 + a] = c.body_target[a];
        v[2] = c.body_distance_m * std::tan(c.body_fov_deg * kHalfDegToRad) / std::tan(v[6] * kHalfDegToRad);
      }
    }
  }
  for (size_t i = 0; i < s.labels.size(); ++i) {
    auto it = c.places.find(s.labels[i].at);
    if (it == c.places.end())
      return track_error(s, s.labels[i].path + ".at", "'" + s.labels[i].at + "': no such structure to label");
    s.labels[i].position = it->second;
  }
  for (size_t i = 0; i < s.movements.size(); ++i) {
    auto it = c.movements.find(s.movements[i].name);
    if (it != c.movements.end()) {
      s.movements[i].movement_s = it->second;
    } else {
      std::string names;
      for (const auto& [m, d] : c.movements) names += (names.empty() ? "" : ", ") + m;
      return track_error(s, s.movements[i].path + ".name",
                         "'" + s.movements[i].name + "': no such movement; expected one of " + names);
    }
  }

  if (c.model) {
    const sim::Model& m = *c.model;
    for (size_t i = 0; i < s.restrictions.size(); ++i)
      if (!sim::restrict_elements(m, s.restrictions[i].target))
        return track_error(s, s.restrictions[i].path + ".target",
                           "'" + s.restrictions[i].target + "': unknown track, tissue or line");
    for (size_t i = 0; i < s.releases.size(); ++i) {
      const auto& r = s.releases[i];
      bool restricted = std::any_of(s.restrictions.begin(), s.restrictions.end(),
                                    [&](const RestrictionTrack& x) { return x.target == r.target; });
      if (!restricted)
        return track_error(s, r.path + ".target",
                           "'" + r.target + "': a release needs a restriction track on the same target");
    }
    if (s.loads.size() > size_t(sim::kMaxLoads))
      return json_error(s.file, "$.tracks",
                        "more traction and oscillation tracks than the simulation takes (16)");
    for (size_t i = 0; i < s.loads.size(); ++i) {
      int node = session::resolve_load_node(m, s.loads[i].place);
      if (node < 0 || m.node_dof[node] < 0)
        return track_error(s, s.loads[i].path + ".place",
                           "'" + s.loads[i].place + "': unknown track or station");
    }
    for (size_t i = 0; i < s.holds.size(); ++i)
      if (session::resolve_joint(m, s.holds[i].joint) < 0)
        return track_error(s, s.holds[i].path + ".joint",
                           "'" + s.holds[i].joint + "': unknown joint (e.g. knee.l, ankle.r, hip.l, neck)");
  }
  return ok_status();
}

}  // namespace fascia::scenario

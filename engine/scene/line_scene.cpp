#include "scene/line_scene.h"

#include <algorithm>

#include "scene/colormap.h"
#include "scene/skinned_lines.h"
#include "scene/tube.h"

namespace fascia::scene {

namespace {

vec3 place(const atlas::AttachedPoint& p, const JointWorld& pose) {
  if (pose)
    if (auto m = pose(p.joint)) return vec3(*m * vec4(p.local, 1.0f));
  return p.world;
}

// `path` cut into `n` runs of equal arc length (each sharing its end point with the next), as tubes;
// skinned when `influence` gives each point's joints (the cuts blend their neighbours').
std::vector<std::shared_ptr<Mesh>> tube_pieces(const std::vector<vec3>& path,
                                               const std::vector<SkinInfluence>& influence, float radius,
                                               int n) {
  std::vector<std::shared_ptr<Mesh>> out;
  if (path.size() < 2) return out;
  const bool skinned = influence.size() == path.size();
  std::vector<float> along(path.size(), 0.0f);
  for (size_t i = 1; i < path.size(); ++i) along[i] = along[i - 1] + glm::distance(path[i - 1], path[i]);
  const float total = along.back();
  if (total <= 0) return out;
  size_t i = 0;
  for (int k = 0; k < n; ++k) {
    const float s0 = total * k / n, s1 = total * (k + 1) / n;
    std::vector<vec3> run;
    std::vector<SkinInfluence> run_influence;
    auto at = [&](float s) {
      while (i + 2 < path.size() && along[i + 1] < s) ++i;
      float span = along[i + 1] - along[i];
      float f = span > 0 ? std::clamp((s - along[i]) / span, 0.0f, 1.0f) : 0.0f;
      run.push_back(glm::mix(path[i], path[i + 1], f));
      if (skinned) run_influence.push_back(mix_influence(influence[i], influence[i + 1], f));
    };
    at(s0);
    for (size_t j = i + 1; j < path.size() && along[j] < s1; ++j) {
      run.push_back(path[j]);
      if (skinned) run_influence.push_back(influence[j]);
    }
    at(s1);
    out.push_back(std::make_shared<Mesh>(skinned ? make_skinned_tube(run, run_influence, radius, kTubeSides)
                                                 : make_tube(run, radius, 8)));
  }
  return out;
}

// Tension colouring: 0 is "no change", dark grey; above it the colour map.
vec3 tension_color(float v) {
  return v <= 0.0f ? srgb_to_linear(vec3(0.16f)) : viridis(v);
}

// The profile's value at fraction f in [0, 1] of the track (linear between element centres).
float sample_profile(const std::vector<float>& v, float f) {
  if (v.size() == 1) return v[0];
  float x = std::clamp(f * float(v.size()) - 0.5f, 0.0f, float(v.size() - 1));
  size_t a = size_t(x);
  size_t b = std::min(a + 1, v.size() - 1);
  return glm::mix(v[a], v[b], x - float(a));
}

}  // namespace

// The motion of `joint` from rest to pose, or nullopt when either is unknown.
static std::optional<mat4> joint_motion(const std::string& joint, const JointWorld& pose,
                                        const JointWorld& rest) {
  if (!pose || !rest) return std::nullopt;
  auto p = pose(joint), r = rest(joint);
  if (!p || !r) return std::nullopt;
  return *p * glm::inverse(*r);
}

LineGeometry::Track line_track(const atlas::ResolvedTrack& t, const atlas::ResolvedAtlas& resolved,
                               std::vector<vec3> path, std::vector<SkinInfluence> influence, float radius) {
  LineGeometry::Track track{t.id, t.lines, std::move(path), nullptr, {}, {}};
  for (const auto& line : t.lines) {
    int place_on_line = -1, index = 0;
    for (const auto& s : resolved.stations) {
      if (s.line != line) continue;
      if (s.landmark == t.from || s.landmark == t.to) {
        place_on_line = index;
        break;  // the nearer end along the line
      }
      ++index;
    }
    track.order.push_back(place_on_line);
  }
  // The tube needs far fewer rings than the centre line has points (3 per resolved segment).
  const bool skinned = influence.size() == track.path.size();
  std::vector<vec3> rings;
  std::vector<SkinInfluence> ring_influence;
  for (size_t i : simplify_path(track.path, kTubeTolerance * radius, kTubeRingSpacing)) {
    rings.push_back(track.path[i]);
    if (skinned) ring_influence.push_back(influence[i]);
  }
  track.tube = std::make_shared<Mesh>(skinned ? make_skinned_tube(rings, ring_influence, radius, kTubeSides)
                                              : make_tube(rings, radius, kTubeSides));
  track.pieces = tube_pieces(rings, ring_influence, radius, kTrackPieces);
  return track;
}

LineGeometry build_line_geometry(const atlas::ResolvedAtlas& resolved, float radius, const JointWorld& pose,
                                 const JointWorld& rest) {
  LineGeometry g;
  g.radius = radius;
  g.marker = std::make_shared<Mesh>(make_sphere(1.0f, 6, 10));  // small on screen: few triangles
  for (const auto& t : resolved.tracks) {
    std::vector<vec3> points;
    auto from = joint_motion(t.path.front().joint, pose, rest),
         to = joint_motion(t.path.back().joint, pose, rest);
    if (from && to && t.path.size() > 2) {
      float total = 0;
      for (size_t i = 1; i < t.path.size(); ++i) total += glm::distance(t.path[i - 1].world, t.path[i].world);
      float along = 0;
      for (size_t i = 0; i < t.path.size(); ++i) {
        if (i > 0) along += glm::distance(t.path[i - 1].world, t.path[i].world);
        float f = total > 0 ? along / total : 0.0f;
        vec4 w(t.path[i].world, 1.0f);
        points.push_back(glm::mix(vec3(*from * w), vec3(*to * w), f));
      }
    } else {
      for (const auto& p : t.path) points.push_back(place(p, pose));
    }
    g.tracks.push_back(line_track(t, resolved, smooth_path(points, kLineSmoothing), {}, radius));
  }
  for (const auto& s : resolved.stations) {
    if (s.kind != atlas::PointKind::Station) continue;
    g.stations.push_back({s.id, s.line, place(s.at, pose)});
  }
  return g;
}

bool line_selected(const std::vector<std::string>& filter, const std::string& line) {
  if (filter.empty()) return true;
  std::string base = line.substr(0, line.find('.'));
  for (const auto& f : filter)
    if (f == line || f == base) return true;
  return false;
}

namespace {

// How much of a part shows under a reveal: its place `index` of `count` along the line against the
// drawn fraction; 1 when the line is not being revealed.
float revealed(const LineView& view, const std::string& line, int index, int count) {
  auto it = view.reveal.find(line);
  if (it == view.reveal.end()) it = view.reveal.find(line.substr(0, line.find('.')));
  if (it == view.reveal.end() || count <= 0) return 1.0f;
  return glm::clamp(it->second * float(count) - float(index), 0.0f, 1.0f);
}

}  // namespace

void add_lines(RenderScene& scene, const LineGeometry& g, const LineView& view, uint32_t first_pick_id) {
  uint32_t id = first_pick_id;
  // Each part's place along its line, for reveals.
  std::map<std::string, int> track_count, station_count;
  std::vector<int> track_place(g.tracks.size(), 0), station_place(g.stations.size(), 0);
  if (!view.reveal.empty()) {
    // Tracks ranked along their line by the station they start from (atlas order as a tie-break).
    std::map<std::string, std::vector<std::pair<int, size_t>>> along;
    for (size_t i = 0; i < g.tracks.size(); ++i) {
      const auto& t = g.tracks[i];
      for (size_t k = 0; k < t.lines.size(); ++k)
        if (line_selected(view.lines, t.lines[k])) {
          int o = k < t.order.size() && t.order[k] >= 0 ? t.order[k] : 1 << 20;
          along[t.lines[k]].push_back({o, i});
          break;
        }
    }
    for (auto& [line, list] : along) {
      std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.first < b.first; });
      for (size_t r = 0; r < list.size(); ++r) track_place[list[r].second] = int(r);
      track_count[line] = int(list.size());
    }
    for (size_t i = 0; i < g.stations.size(); ++i) station_place[i] = station_count[g.stations[i].line]++;
  }
  for (size_t ti = 0; ti < g.tracks.size(); ++ti) {
    const auto& t = g.tracks[ti];
    uint32_t pick = id++;
    const std::string* shown = nullptr;
    for (const auto& l : t.lines)
      if (line_selected(view.lines, l)) {
        shown = &l;
        break;
      }
    if (!shown) continue;
    float shown_part = revealed(view, *shown, track_place[ti], track_count[*shown]);
    if (shown_part <= 0) continue;
    vec3 color = line_color(*shown);
    const bool glow =
        (!view.hover.empty() && std::find(t.lines.begin(), t.lines.end(), view.hover) != t.lines.end()) ||
        std::find(view.lit.begin(), view.lit.end(), t.id) != view.lit.end();
    // The selected line is brightened, keeping its hue, so its tension colours still read.
    // (A highlight may name a line side, "sbl.l", or both sides, "sbl".)
    const bool selected =
        !view.highlight.empty() && std::any_of(t.lines.begin(), t.lines.end(), [&](const std::string& l) {
          return line_selected({view.highlight}, l);
        });
    auto shade = [selected](vec3 c) { return selected ? glm::min(c * 1.7f + vec3(0.04f), vec3(1.0f)) : c; };
    if (!view.track_profile.empty()) {
      // Tension gradient: each piece takes the value of the elements it covers.
      auto it = view.track_profile.find(t.id);
      const bool uniform = it != view.track_profile.end() && !it->second.empty() &&
                           *std::max_element(it->second.begin(), it->second.end()) -
                                   *std::min_element(it->second.begin(), it->second.end()) <
                               1e-3f;
      if (uniform) {
        color = tension_color(it->second.front());  // one colour along it: the whole tube, one draw
      } else if (it != view.track_profile.end() && !it->second.empty() && !t.pieces.empty()) {
        for (size_t k = 0; k < t.pieces.size(); ++k) {
          MeshInstance inst;
          inst.mesh = t.pieces[k];
          if (inst.mesh->skinned()) inst.palette = g.palette;
          inst.color =
              vec4(shade(tension_color(sample_profile(it->second, (k + 0.5f) / float(t.pieces.size())))),
                   shown_part);
          inst.pick_id = pick;
          inst.layer = 3;
          inst.flow = view.flow;
          inst.glow = glow;
          inst.outline_radius = g.radius;
          scene.instances.push_back(std::move(inst));
        }
        continue;
      } else {
        color = srgb_to_linear(vec3(0.55f));  // not simulated: neutral grey
      }
    } else if (!view.track_value.empty()) {
      // Tension mode: tracks the simulation does not cover are neutral grey, not a line colour.
      auto it = view.track_value.find(t.id);
      color = it != view.track_value.end() ? viridis(it->second) : srgb_to_linear(vec3(0.55f));
    }
    MeshInstance inst;
    inst.mesh = t.tube;
    if (inst.mesh->skinned()) inst.palette = g.palette;
    inst.color = vec4(shade(color), shown_part);
    inst.pick_id = pick;
    inst.layer = 3;
    inst.flow = view.flow;
    inst.glow = glow;
    inst.outline_radius = g.radius;
    scene.instances.push_back(std::move(inst));
  }
  if (!view.stations) return;
  // A station shared by several lines is drawn once.
  std::vector<vec3> drawn;
  for (size_t si = 0; si < g.stations.size(); ++si) {
    const auto& s = g.stations[si];
    uint32_t pick = id++;
    if (!line_selected(view.lines, s.line)) continue;
    // A station shows once the line has grown past it (stations sit between tracks).
    if (revealed(view, s.line, station_place[si], station_count[s.line]) < 1.0f) continue;
    bool seen = false;
    for (vec3 d : drawn) seen |= glm::distance(d, s.position) < 1e-3f;
    if (seen) continue;
    drawn.push_back(s.position);
    MeshInstance inst;
    inst.mesh = g.marker;
    inst.transform = glm::scale(glm::translate(mat4(1.0f), s.position), vec3(view.radius * 1.9f));
    inst.color = vec4(srgb_to_linear(vec3(0.96f, 0.95f, 0.90f)), 1.0f);
    inst.pick_id = pick;
    inst.layer = 3;
    inst.glow = !view.hover.empty() && s.line == view.hover;
    scene.instances.push_back(std::move(inst));
  }
}

}  // namespace fascia::scene

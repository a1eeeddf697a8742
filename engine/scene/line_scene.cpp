#include "scene/line_scene.h"

#include <algorithm>

#include "scene/colormap.h"
#include "scene/tube.h"

namespace fascia::scene {

namespace {

vec3 place(const atlas::AttachedPoint& p, const JointWorld& pose) {
  if (pose)
    if (auto m = pose(p.joint)) return vec3(*m * vec4(p.local, 1.0f));
  return p.world;
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

LineGeometry build_line_geometry(const atlas::ResolvedAtlas& resolved, float radius, const JointWorld& pose,
                                 const JointWorld& rest) {
  LineGeometry g;
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
    LineGeometry::Track track{t.id, t.lines, smooth_path(points, 3), nullptr};
    track.tube = std::make_shared<Mesh>(make_tube(track.path, radius, 8));
    g.tracks.push_back(std::move(track));
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

void add_lines(RenderScene& scene, const LineGeometry& g, const LineView& view, uint32_t first_pick_id) {
  uint32_t id = first_pick_id;
  for (const auto& t : g.tracks) {
    uint32_t pick = id++;
    const std::string* shown = nullptr;
    for (const auto& l : t.lines)
      if (line_selected(view.lines, l)) {
        shown = &l;
        break;
      }
    if (!shown) continue;
    vec3 color = line_color(*shown);
    if (!view.track_value.empty()) {
      // Tension mode: tracks the simulation does not cover are neutral grey, not a line colour.
      auto it = view.track_value.find(t.id);
      color = it != view.track_value.end() ? viridis(it->second) : srgb_to_linear(vec3(0.55f));
    }
    if (!view.highlight.empty() && std::find(t.lines.begin(), t.lines.end(), view.highlight) == t.lines.end())
      color = glm::mix(color, srgb_to_linear(vec3(0.45f)), 0.8f);
    MeshInstance inst;
    inst.mesh = t.tube;
    inst.color = vec4(color, 1.0f);
    inst.pick_id = pick;
    inst.layer = 3;
    inst.flow = view.flow;
    inst.glow = !view.hover.empty() && std::find(t.lines.begin(), t.lines.end(), view.hover) != t.lines.end();
    scene.instances.push_back(std::move(inst));
  }
  if (!view.stations) return;
  // A station shared by several lines is drawn once.
  std::vector<vec3> drawn;
  for (const auto& s : g.stations) {
    uint32_t pick = id++;
    if (!line_selected(view.lines, s.line)) continue;
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

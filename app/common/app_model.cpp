#include "common/app_model.h"

#include "atlas/body_frame.h"
#include "body/import/imported_body.h"
#include "body/skinning.h"
#include "core/paths.h"

namespace fascia::app {

namespace {
float path_length(const std::vector<vec3>& p) {
  float len = 0;
  for (size_t i = 1; i < p.size(); ++i) len += glm::distance(p[i - 1], p[i]);
  return len;
}
}  // namespace

Result<float> view_yaw(const std::string& view) {
  if (view == "front") return 0.0f;
  if (view == "back") return 180.0f;
  if (view == "left") return 90.0f;  // the body's left side faces the camera
  if (view == "right") return -90.0f;
  return bad_input("--view '" + view + "': expected front, back, left or right");
}

Result<std::unique_ptr<AppModel>> load_app_model(bool reduced_detail,
                                                 const std::filesystem::path& model_file) {
  auto m = std::make_unique<AppModel>();
  if (model_file.empty()) {
    m->body = body::load_or_build_body({});
  } else {
    auto imported = body::import_model(model_file);
    if (!imported) return imported.error();
    m->body = body::imported_as_body(*imported);
    m->imported = true;
  }
  body::Pose rest = body::rest_pose(m->body.skeleton);
  m->posed = scene::pose_body(m->body, rest, reduced_detail);
  auto atlas = atlas::load_atlas(assets_dir() / "atlas");
  if (!atlas) return atlas.error();
  m->atlas = std::move(*atlas);
  auto frame = atlas::body_frame(m->body.skeleton, m->body.landmarks, rest);
  // Dense enough that the tube, seated point by point on its tissue, follows the muscle's curve.
  atlas::ResolveOptions options;
  options.points_per_segment = 12;
  auto resolved = atlas::resolve(m->atlas, frame, options);
  if (!resolved) return resolved.error();
  m->resolved = std::move(*resolved);
  const float radius = scene::LineView{}.radius;
  // Tubes ride on the tissue each track names; an imported model has only its skin, so its lines
  // follow the joints of the track's ends instead.
  if (!m->imported) {
    m->anchors = scene::anchor_tracks(m->body, m->resolved, radius + 0.001f);
    m->line_skin = scene::skin_lines(m->body, m->anchors, m->resolved);
    m->lines = scene::build_skinned_lines(m->resolved, m->line_skin, radius);
  }
  m->apply_pose(rest);
  for (const auto& t : m->lines.tracks) m->rest_track_length[t.id] = path_length(t.path);
  // The pose library is written for the canonical skeleton; an imported one gets it retargeted.
  const body::Skeleton canonical = m->imported ? body::make_skeleton({}) : m->body.skeleton;
  auto movements = body::load_movements(body::poses_dir(), canonical);
  if (!movements) return movements.error();
  m->movements = std::move(*movements);
  if (m->imported)
    for (body::Movement& mv : m->movements) mv = body::retarget_movement(mv, canonical, m->body.skeleton);
  return m;
}

void AppModel::apply_pose(const body::Pose& pose) {
  scene::set_pose(posed, body, pose);
  if (!imported) {
    scene::pose_lines(lines, line_skin, resolved, posed.palette);
    return;
  }
  std::vector<mat4> world = body::world_transforms(body.skeleton, pose);
  std::vector<mat4> rest = body::world_transforms(body.skeleton, body::rest_pose(body.skeleton));
  const body::Skeleton& sk = body.skeleton;
  // Resolved offsets are in the joints' frames (world_transforms).
  auto lookup = [&sk](const std::vector<mat4>& m) {
    return [&sk, &m](const std::string& joint) -> std::optional<mat4> {
      int j = sk.find(joint);
      if (j < 0) return std::nullopt;
      return m[size_t(j)];
    };
  };
  lines = scene::build_line_geometry(resolved, scene::LineView{}.radius, lookup(world), lookup(rest));
}

std::map<std::string, float> AppModel::track_stretch() const {
  std::map<std::string, float> out;
  for (const auto& t : lines.tracks)
    if (auto it = rest_track_length.find(t.id); it != rest_track_length.end() && it->second > 0)
      out[t.id] = path_length(t.path) / it->second - 1.0f;
  return out;
}

std::vector<vec3> AppModel::frame_points() const {
  std::vector<vec3> points;
  bool has_skin = false;
  for (const auto& m : body.meshes) has_skin |= m.layer == body::Layer::Skin;
  const std::vector<mat4>& palette = *posed.palette;
  for (const auto& m : body.meshes) {
    if (has_skin && m.layer != body::Layer::Skin) continue;
    for (size_t i = 0; i < m.positions.size(); ++i) {
      vec4 p(0.0f);
      for (int k = 0; k < 4; ++k)
        if (m.weights[i][k] > 0 && m.joints[i][k] < palette.size())
          p += m.weights[i][k] * (palette[m.joints[i][k]] * vec4(m.positions[i], 1.0f));
      points.push_back(vec3(p));
    }
  }
  for (const auto& t : lines.tracks) points.insert(points.end(), t.path.begin(), t.path.end());
  return points;
}

Result<ViewState> AppModel::default_view(const std::string& view, float aspect) const {
  auto yaw = view_yaw(view);
  if (!yaw) return yaw.error();
  ViewState v;
  v.camera = scene::frame_points(scene::body_camera(body.params.height, *yaw), frame_points(), aspect);
  // An imported model has no bone or muscle layers: its skin is the subject, the lines show through.
  if (imported) v.body.skin.opacity = 0.5f;
  return v;
}

// The skin once more, on `palette`, pale and faint, and not pickable: a posture to compare with.
void AppModel::add_ghost(scene::RenderScene& s,
                         const std::shared_ptr<const std::vector<mat4>>& palette) const {
  for (const auto& part : posed.parts) {
    if (part.layer != body::Layer::Skin) continue;
    scene::MeshInstance inst;
    inst.mesh = part.reduced ? part.reduced : part.mesh;
    inst.palette = palette;
    inst.color = vec4(0.80f, 0.88f, 1.0f, kGhostOpacity);
    inst.pick_id = 0;
    inst.layer = static_cast<uint32_t>(body::Layer::Skin);
    s.instances.push_back(std::move(inst));
  }
}

scene::RenderScene AppModel::build_scene(const ViewState& v) const {
  scene::RenderScene s;
  s.camera = v.camera;
  s.background.transparent = v.transparent_background;
  s.time_seconds = v.time_seconds;
  scene::add_body(s, posed, v.body, 1);
  if (v.ghost_palette) add_ghost(s, v.ghost_palette);
  scene::add_lines(s, lines, v.lines, kLinePickBase);
  for (uint32_t glowing : {v.hover_pick, v.selected_pick})
    if (glowing != 0 && glowing < kLinePickBase)
      for (auto& inst : s.instances) inst.glow |= inst.pick_id == glowing;
  return s;
}

Selection AppModel::describe_pick(uint32_t id) const {
  if (id == 0) return {};
  if (id < kLinePickBase) {
    size_t part = id - 1;
    if (part >= posed.parts.size()) return {};
    const auto& p = posed.parts[part];
    return {p.name + " (" + body::layer_name(p.layer) + ")", ""};
  }
  size_t i = id - kLinePickBase;
  if (i < lines.tracks.size()) {
    const auto& t = lines.tracks[i];
    std::string text = "track " + t.id + "\nlines:";
    for (const auto& l : t.lines) text += " " + l;
    return {text, t.lines.empty() ? "" : t.lines.front()};
  }
  i -= lines.tracks.size();
  if (i < lines.stations.size()) {
    const auto& s = lines.stations[i];
    return {"station " + s.id, s.line};
  }
  return {};
}

uint32_t AppModel::pick_of(const std::string& id) const {
  // A track and a muscle can share an id (erector_spinae.l): the track, the app's subject, wins.
  for (size_t i = 0; i < lines.tracks.size(); ++i)
    if (lines.tracks[i].id == id) return kLinePickBase + uint32_t(i);
  for (size_t i = 0; i < lines.stations.size(); ++i)
    if (lines.stations[i].id == id) return kLinePickBase + uint32_t(lines.tracks.size() + i);
  for (size_t i = 0; i < posed.parts.size(); ++i)
    if (posed.parts[i].name == id) return uint32_t(i + 1);
  return 0;
}

std::string AppModel::id_of(uint32_t id) const {
  if (id == 0) return "";
  if (id < kLinePickBase) return id - 1 < posed.parts.size() ? posed.parts[id - 1].name : "";
  size_t i = id - kLinePickBase;
  if (i < lines.tracks.size()) return lines.tracks[i].id;
  i -= lines.tracks.size();
  return i < lines.stations.size() ? lines.stations[i].id : "";
}

std::optional<vec3> AppModel::anchor_of(const std::string& id) const {
  for (const auto& t : lines.tracks)
    if (t.id == id && !t.path.empty()) return t.path[t.path.size() / 2];
  for (const auto& st : lines.stations)
    if (st.id == id) return st.position;
  for (const auto& p : posed.parts) {
    if (p.name != id || !p.mesh || p.mesh->vertices.empty()) continue;
    // The middle of its bounding box in the rest pose (what a scripted click aims at).
    vec3 lo(1e9f), hi(-1e9f);
    for (const auto& v : p.mesh->vertices) {
      lo = glm::min(lo, v.position);
      hi = glm::max(hi, v.position);
    }
    return (lo + hi) * 0.5f;
  }
  return std::nullopt;
}

}  // namespace fascia::app

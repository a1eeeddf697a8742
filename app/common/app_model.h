#pragma once
// What the app shows, loaded once: the built-in body, the atlas resolved onto it, and the view
// settings a user changes (layers, lines, tension colouring). Builds the render scene from them.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "atlas/atlas.h"
#include "atlas/resolve.h"
#include "body/body.h"
#include "body/movement.h"
#include "core/result.h"
#include "scene/body_scene.h"
#include "scene/line_scene.h"
#include "scene/skinned_lines.h"
#include "scene/track_anchors.h"

namespace fascia::app {

// Pick ids: body parts from 1, tracks and stations from kLinePickBase.
inline constexpr uint32_t kLinePickBase = 100000;

struct ViewState {
  scene::BodyView body;
  scene::LineView lines;
  scene::Camera camera;
  bool transparent_background = false;
  float time_seconds = 0.0f;  // drives the flow along the lines
  uint32_t hover_pick = 0;  // what the cursor rests on (a body part glows; a line glows through lines.hover)
  uint32_t selected_pick = 0;  // a selected body part glows too
  // A faint skin in another posture (the therapist's "posture before" a treatment), or none.
  std::shared_ptr<const std::vector<mat4>> ghost_palette;
};

// What a pick id names, in words for the panel, and the line to highlight (empty for body parts).
struct Selection {
  std::string text;
  std::string line;
};

struct AppModel {
  body::Body body;
  bool imported = false;  // the body is an imported model (--model): skin only, its own proportions
  scene::PosedBody posed;
  atlas::Atlas atlas;
  atlas::ResolvedAtlas resolved;
  scene::TrackAnchors anchors;  // each track point on its tissue, moving with its skinning
  scene::LineSkin line_skin;    // the same as skin influences: tubes built once, posed on the GPU
  scene::LineGeometry lines;
  std::vector<body::Movement> movements;           // assets/poses, by file name
  std::map<std::string, float> rest_track_length;  // metres, standing

  // Puts the body and the lines into `pose`: a new skinning palette (the meshes stay on the GPU)
  // and the skinned line tubes with it; only the lines' centre paths and stations move on the CPU.
  void apply_pose(const body::Pose& pose);
  // Each track's length now against standing, as a stretch ratio minus one (0.1 = 10 % longer).
  std::map<std::string, float> track_stretch() const;

  // The default view: the whole body as posed now from `view` (front, back, left, right), framed
  // with a margin in a picture of `aspect` (width / height).
  Result<ViewState> default_view(const std::string& view, float aspect = 16.0f / 9.0f) const;
  // Points of the body as posed now that framing must keep in the picture: every skin vertex (every
  // vertex when the body has no skin) and every point of the lines.
  std::vector<vec3> frame_points() const;
  scene::RenderScene build_scene(const ViewState& state) const;
  // The opacity of the ghost skin (ViewState::ghost_palette): seen, and seen through (chosen by eye).
  static constexpr float kGhostOpacity = 0.16f;
  void add_ghost(scene::RenderScene& s, const std::shared_ptr<const std::vector<mat4>>& palette) const;
  Selection describe_pick(uint32_t pick_id) const;
  // A structure's id (track, station "sbl.l/calcaneus", body part; a track first where a muscle has
  // the same id) and its pick id; 0/empty if none.
  uint32_t pick_of(const std::string& id) const;
  std::string id_of(uint32_t pick_id) const;
  // A point on it (the middle of a track, a station, a part's centre), world; nullopt if unknown.
  std::optional<vec3> anchor_of(const std::string& id) const;
};

// Loads the built-in body, or the rigged model at `model_file` when one is given (glTF, FBX,
// COLLADA, .mhskel: its own skin, the lines retargeted onto it, the pose library played on its
// skeleton), and the atlas from the assets folder. `reduced_detail` also prepares the simplified
// meshes that interactive views draw on software Vulkan. A bad model file is bad input naming it.
Result<std::unique_ptr<AppModel>> load_app_model(bool reduced_detail = false,
                                                 const std::filesystem::path& model_file = {});

// Yaw of a named view, or an error naming the flag's value.
Result<float> view_yaw(const std::string& view);

}  // namespace fascia::app

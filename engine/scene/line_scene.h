#pragma once
// The myofascial lines in the render scene: a smooth tube per track riding over its tissue, in the
// line's colour or coloured by tension, and a marker at every station.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "atlas/resolve.h"
#include "scene/render_scene.h"

namespace fascia::scene {

// World transform of a joint in the current pose; nullopt keeps the resolved (rest) positions.
using JointWorld = std::function<std::optional<mat4>(const std::string& joint)>;

struct LineGeometry {
  struct Track {
    std::string id;
    std::vector<std::string> lines;  // "sbl.l", ...
    std::vector<vec3> path;          // smoothed centre line, world
    std::shared_ptr<Mesh> tube;
    // For each of `lines`, the place along that line of the station the track starts from (its
    // index among the line's points), -1 when unknown: the order a reveal draws tracks in.
    std::vector<int> order;
    // The same tube cut into kTrackPieces lengths, for a colour gradient along the track.
    std::vector<std::shared_ptr<Mesh>> pieces;
  };
  struct Station {
    std::string id;    // "sbl.l/calcaneus"
    std::string line;  // "sbl.l"
    vec3 position;
  };
  std::vector<Track> tracks;
  std::vector<Station> stations;
  std::shared_ptr<Mesh> marker;  // unit sphere, scaled per station
  // The skinning palette of skinned tubes (skinned_lines.h); null when the tubes are built posed.
  std::shared_ptr<const std::vector<mat4>> palette;
  float radius = 0;  // the tubes' radius, metres (their outline's width on screen follows from it)
};

struct LineView {
  std::vector<std::string> lines;  // ids to show: "sbl" (both sides) or "sbl.l"; empty = all
  float radius = 0.0055f;          // tube radius, metres
  bool stations = true;
  // Tension colouring: track id -> value in [0, 1] on the colour map (viridis); empty = line colours.
  std::map<std::string, float> track_value;
  // Tension colouring along each track: track id -> values in [0, 1] from its first point to its last
  // (one per simulated element), drawn as a gradient over the track's pieces. Wins over track_value.
  std::map<std::string, std::vector<float>> track_profile;
  // A selected line ("sbl.l", or "sbl" for both sides): its tracks brighten; the others keep their colours.
  std::string highlight;
  std::vector<std::string> lit;  // tracks that glow on their own (a trace's sources)
  std::string hover;             // the line under the cursor ("sbl.l"): its tracks and stations glow
  bool flow = false;             // pulses travel along the lines
  // Lines drawn growing (scenario reveal): line id ("sbl" or "sbl.l") -> fraction 0..1 of its tracks
  // and stations shown, in the atlas's order along the line; the track at the front fades in.
  std::map<std::string, float> reveal;
};

// Lengths a track's tube is cut into for gradients.
inline constexpr int kTrackPieces = 8;
// Points of the drawn centre line per resolved segment (smooth_path).
inline constexpr int kLineSmoothing = 3;
// The tube's mesh: sides around, and rings kept within this share of the radius of the centre line
// (simplify_path) and at most this far apart (metres), so a bent joint still bends the tube.
inline constexpr int kTubeSides = 8;
inline constexpr float kTubeTolerance = 0.2f;
inline constexpr float kTubeRingSpacing = 0.04f;

// With `rest` (the joints' transforms when the atlas was resolved), a track's inner points follow a
// blend of its two end joints' motions by their place along the track, as skin follows two bones, so
// a track spanning a bent joint bends with it instead of leaving the body.
LineGeometry build_line_geometry(const atlas::ResolvedAtlas& resolved, float radius,
                                 const JointWorld& pose = {}, const JointWorld& rest = {});

// A track's drawing from its smoothed centre line `path`: the line order, the tube and its pieces,
// skinned when `influence` has one entry per point of `path`.
LineGeometry::Track line_track(const atlas::ResolvedTrack& track, const atlas::ResolvedAtlas& resolved,
                               std::vector<vec3> path, std::vector<SkinInfluence> influence, float radius);

// Whether a line id ("sbl.l") is selected by a view filter ("sbl", "sbl.l"; empty = all).
bool line_selected(const std::vector<std::string>& filter, const std::string& line);

void add_lines(RenderScene& scene, const LineGeometry& geometry, const LineView& view,
               uint32_t first_pick_id);

}  // namespace fascia::scene

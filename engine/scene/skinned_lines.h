#pragma once
// Lines skinned like the body they ride on. Each track point seated on its tissue (track_anchors)
// moves as the corners of its triangle do, a linear blend of at most twelve joints; folded to the
// four strongest it is an ordinary skin influence. So a track's tube is built once, in the rest
// pose, and the GPU deforms it with the body's palette: a new pose costs no tube rebuild and no
// buffer upload, only the palette and the few points the CPU side reads (paths and stations).
#include <vector>

#include "atlas/resolve.h"
#include "body/body.h"
#include "scene/line_scene.h"
#include "scene/track_anchors.h"

namespace fascia::scene {

struct LineSkin {
  // (ntrack x npoint), as ResolvedAtlas::tracks: each point in the rest pose, lifted off its tissue,
  // and the joints it moves with.
  std::vector<std::vector<vec3>> rest_points;
  std::vector<std::vector<SkinInfluence>> influence;
  std::vector<int> station_joint;  // (nstation) palette index of each station's bone, -1 unknown
};

// The skin of every resolved track: anchored points blend their triangle's corners; points without
// a tissue mesh move rigidly with the joint they were resolved on.
LineSkin skin_lines(const body::Body& body, const TrackAnchors& anchors,
                    const atlas::ResolvedAtlas& resolved);

// `a` and `b` blended, (1 - t) a + t b, folded to the four strongest joints.
SkinInfluence mix_influence(const SkinInfluence& a, const SkinInfluence& b, float t);

// The lines in the rest pose with skinned tubes (drawn with `palette`), then posed by pose_lines.
LineGeometry build_skinned_lines(const atlas::ResolvedAtlas& resolved, const LineSkin& skin, float radius);

// Moves the CPU side of skinned lines (track paths, stations) to the pose of `palette`
// (body::skinning_matrices) and hands the palette to the tubes; the tube meshes stay as built.
void pose_lines(LineGeometry& lines, const LineSkin& skin, const atlas::ResolvedAtlas& resolved,
                std::shared_ptr<const std::vector<mat4>> palette);

}  // namespace fascia::scene

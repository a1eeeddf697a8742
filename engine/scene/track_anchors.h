#pragma once
// Lines that ride on their tissue: each point of a resolved track is seated on the outer surface of
// the tissue the track names (the nearest point there, lifted along the normal) and from then on
// moves with the skinning of that triangle's corners, so the tube follows the muscle in every pose instead of
// the straight course between two bones.
#include <array>
#include <vector>

#include "atlas/resolve.h"
#include "body/body.h"

namespace fascia::scene {

struct TrackAnchors {
  struct Anchor {
    int mesh = -1;  // index into Body::meshes; -1: the point keeps its resolved placement
    std::array<uint32_t, 3> vertex{0, 0, 0};  // the triangle it sits on
    vec3 bary{1.0f, 0.0f, 0.0f};              // where on it
    float lift = 0.0f;                        // metres along the interpolated normal
  };
  std::vector<std::vector<Anchor>> tracks;  // (ntrack x npoint), as in ResolvedAtlas::tracks
};

// The mesh of tissue `tissue` on the side of track `track_id` ("gastrocnemius" on "x.l" is
// "gastrocnemius.l"), or the midline mesh; nullptr when the body has neither.
const body::BodyMesh* tissue_mesh(const body::Body& body, const std::string& tissue,
                                  const std::string& track_id);

// Anchors every track point on the nearest outer point of the track's tissues, `lift` above it (the
// tube's radius and a little air). Tracks whose tissues have no mesh keep their placement.
TrackAnchors anchor_tracks(const body::Body& body, const atlas::ResolvedAtlas& resolved, float lift);

// `resolved` (resolved in the rest pose) in the pose given by `skinning` (body::skinning_matrices):
// each anchored point where its triangle is, each station where its bone is.
// build_line_geometry(result, radius) draws it.
atlas::ResolvedAtlas pose_tracks(const body::Body& body, const TrackAnchors& anchors,
                                 const atlas::ResolvedAtlas& resolved, const std::vector<mat4>& skinning);

}  // namespace fascia::scene

#pragma once
// Putting the atlas on a body: every station to a 3D point and every track to a polyline that rides
// over the tissue's course, each point attached to a joint with an offset in that joint's frame, so
// the simulation and the renderer can follow the body as it moves.
//
// The body is abstract (BodyFrame): the built-in body and an imported rig with retargeted landmarks
// both provide "landmark id -> world position and joint" and "joint id -> world transform".
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "atlas/atlas.h"
#include "atlas/expand.h"
#include "core/math.h"

namespace fascia::atlas {

struct Placement {
  vec3 position{0.0f};  // world, metres
  std::string joint;    // the joint (bone) it moves with: "heel.l"
};

struct BodyFrame {
  // Side-suffixed landmark id ("calcaneus.l", "sacrum") -> where it is; nullopt when the body lacks it.
  std::function<std::optional<Placement>(std::string_view landmark)> landmark;
  // Joint id -> its world transform (world from joint frame); nullopt when unknown.
  std::function<std::optional<mat4>(std::string_view joint)> joint_world;
};

struct ResolveOptions {
  float clearance = 0.004f;    // metres between a landmark on the bone and the track over it
  float bulge = 0.08f;         // outward sag of a track between its ends, as a fraction of its length
  float max_bulge = 0.02f;     // metres
  int points_per_segment = 4;  // path points per span between course points (ends included once)
};

struct AttachedPoint {
  std::string joint;  // the joint it moves with
  vec3 local{0.0f};   // offset in that joint's frame
  vec3 world{0.0f};   // where it is in the pose it was resolved in
};

struct ResolvedStation {
  std::string id;     // "sbl.l/calcaneus"
  std::string line;   // "sbl.l"
  std::string point;  // "calcaneus"
  PointKind kind = PointKind::Station;
  std::string landmark;  // the landmark that places it: "calcaneus.l"
  AttachedPoint at;
};

struct ResolvedTrack {
  std::string id;                  // "biceps_femoris.l"
  std::vector<std::string> lines;  // "sbl.l", "spl.l"
  std::vector<std::string> tissues;
  std::string from, to;             // landmark ids of its ends
  std::vector<AttachedPoint> path;  // from `from` to `to`, at least 2 points
};

struct ResolvedTransition {
  std::string line;     // "sbl.l"
  std::string station;  // "sbl.l/femoral_condyles"
  std::vector<std::string> tracks_in, tracks_out;
  Evidence evidence;
  std::optional<Continuity> continuity;
  std::string continuity_joint;  // "tibia.l"
};

struct ResolvedAtlas {
  std::vector<ResolvedStation> stations;
  std::vector<ResolvedTrack> tracks;
  std::vector<ResolvedTransition> transitions;

  const ResolvedStation* station(std::string_view id) const;
  const ResolvedTrack* track(std::string_view id) const;
};

// Fails, naming the landmark and what needs it, when the body lacks a landmark or joint.
Result<ResolvedAtlas> resolve(const Atlas& atlas, const BodyFrame& body, const ResolveOptions& options = {});

}  // namespace fascia::atlas

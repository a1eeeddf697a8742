#pragma once
// The left and right instances of the lines: sbl.l and sbl.r, with every landmark, tissue and track
// id given its side. A crossing line's points beyond the crossing take the other side; a track used
// by several line instances on the same side is one TrackInstance with all their labels.
//
// Instances point into the Atlas they were made from, which must outlive them.
#include <string>
#include <vector>

#include "atlas/atlas.h"

namespace fascia::atlas {

// 'l' or 'r' for a paired structure on that side; 'm' for a midline one.
using SideChar = char;

struct PointInstance {
  std::string id;  // "sbl.l/calcaneus"
  const Point* point = nullptr;
  SideChar side = 'm';                 // 'm' for a point of midline landmarks only
  std::vector<std::string> landmarks;  // "calcaneus.l"; the first places it
};

struct StepInstance {
  const Step* step = nullptr;
  std::string from, to;             // point instance ids
  std::vector<std::string> tracks;  // track instance ids
  SideChar side = 'l';
};

struct TransitionInstance {
  std::string point;  // point instance id
  const Transition* transition = nullptr;
  std::vector<std::string> tracks_in, tracks_out;  // track instances arriving and leaving, in line order
  std::string continuity_joint;                    // side-suffixed joint id, when posture-dependent
};

struct LineInstance {
  std::string id;  // "sbl.l"
  const Line* line = nullptr;
  SideChar side = 'l';
  std::vector<PointInstance> points;  // parallel to line->points
  std::vector<StepInstance> steps;    // parallel to line->steps
  std::vector<TransitionInstance> transitions;
};

struct TrackInstance {
  std::string id;  // "biceps_femoris.l", or "sbl.galea" for a midline track
  const Track* track = nullptr;
  SideChar side = 'm';
  std::string from, to;              // side-suffixed landmark ids
  std::vector<std::string> via;      // side-suffixed landmark ids the course passes
  std::vector<std::string> tissues;  // side-suffixed tissue ids
  std::vector<std::string> lines;    // line instance ids: "sbl.l", "spl.l"
};

struct ExpandedAtlas {
  std::vector<LineInstance> lines;    // sbl.l, sbl.r, sfl.l, ...
  std::vector<TrackInstance> tracks;  // in the order of Atlas::tracks, left before right

  const LineInstance* line(std::string_view id) const;
  const TrackInstance* track(std::string_view id) const;
};

ExpandedAtlas expand(const Atlas& atlas);

// "calcaneus" on side 'l' -> "calcaneus.l"; midline ids and side 'm' unchanged.
std::string landmark_on_side(std::string_view landmark, SideChar side);
std::string tissue_on_side(std::string_view tissue, SideChar side);
// Joints of the limbs and girdles are paired (docs/ids.md); the axial ones are not.
bool joint_is_paired(std::string_view joint);

}  // namespace fascia::atlas

#pragma once
// What the simulation needs from the atlas and the body, as one plain struct: joints (with which of
// them move), stations on bones, tracks as polylines between stations, lines as lists of tracks, and
// each transition's evidence grade. `build_network` turns it into a NetworkSpec; the atlas/body
// adapter (or `reference_body()`, the built-in bilateral network) fills it.
#include <string>
#include <vector>

#include "core/result.h"
#include "sim/model.h"

namespace fascia::sim {

struct AtlasInput {
  struct Joint {
    std::string id, parent;  // canonical joint ids (docs/ids.md); parent "" for the root
    bool hinge = false;      // has a degree of freedom in the simulation
    Vec3d centre, axis{1, 0, 0};
    double stiffness = 50, stiffening = 3, rom_torque = 5;  // N·m/rad, 1/rad², N·m
    std::string motion = "flexion";
    double range_min = 0, range_max = 0;  // rad: end stops at the clinical range (both 0: none)
    double posture_stiffness = 0;         // N·m/rad while standing (HingeSpec)
  };
  struct Station {
    std::string id, joint;  // the bone it sits on
    Vec3d position;         // m, world, neutral pose
    Vec3d breath;           // m at full inspiration (ribcage stations)
  };
  struct Point {
    std::string joint;
    Vec3d position;
  };
  struct Track {
    std::string id;
    std::vector<std::string> tissues;
    std::string from, to;     // stations
    std::vector<Point> via;   // interior polyline points
    double stiffness = 0;     // N/mm of the whole track (0: the default)
    double stiffness_to = 0;  // N/mm at the `to` end when the section tapers (0: uniform); the
                              // stiffness then varies geometrically along the track
    bool link = false;        // a shear link within a station: one two-way element
    double toe_strain = 0;    // Blankevoort ε_t of its elements (0: the model's)
  };
  struct Transition {
    std::string line, station;
    Grade grade = Grade::Unassessed;
    std::string posture_joint;  // the link weakens as this joint bends (atlas Continuity)
    double full_below_deg = 0, none_above_deg = 0;
  };
  struct Line {
    std::string id;
    std::vector<std::string> tracks;
  };
  std::vector<Joint> joints;  // parents first
  std::vector<Station> stations;
  std::vector<Track> tracks;
  std::vector<Line> lines;
  std::vector<Transition> transitions;
};

struct NetworkOptions {
  double segment_length = 0.04;       // m between nodes along a track
  double refine = 1;                  // multiplies the number of segments (benchmarks: 10, 100)
  double default_stiffness = 40;      // N/mm of a track without data
  double track_leak = 0.01;           // interior anchors over the track's stiffness (fascial surroundings)
  double end_anchor = 1.0;            // anchor ratio at a line's end stations
  double bony_origin_anchor = 0.045;  // at least this at the hamstrings' tuberosity (tuned)
  // Not yet on (0: off; engine/sim/README.md, "Work in progress"): the hamstrings' ischial origin
  // stiffening as it is pulled off the bone (NodeSpec::anchor_reach, m), and an anchor-ratio floor at
  // the calf's bony ends (femoral condyles, calcaneus).
  double hamstring_origin_reach = 0;
  double calf_attachment_anchor = 0;
  // Anchor/track stiffness ratio a station gets from its best-evidenced transition, by Grade (strong,
  // moderate, limited, none, unassessed): strong links pass more tension on, unverified ones less.
  double grade_anchor[5] = {0.02, 0.1, 0.5, 2.0, 0.5};
  ModelOptions model;
};

Result<NetworkSpec> build_network(const AtlasInput& in, const NetworkOptions& opt = {});

// The built-in bilateral network on a 1.75 m standing body: twelve lines, shared tracks, crossings.
AtlasInput reference_body();

}  // namespace fascia::sim

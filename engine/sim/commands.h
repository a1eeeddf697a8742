#pragma once
// Back ends of `fascia sim`, `fascia trace` and `fascia rom`: they take parsed options and return JSON
// (with units in the keys and a "units" table) or text. The app parses the command line (CLI11) and
// prints what these return; errors come back as Result with exit status 2 for bad input.
#include <string>
#include <vector>

#include "core/json.h"
#include "core/result.h"
#include "sim/data.h"
#include "sim/model.h"

namespace fascia::sim {

// One --restrict: TARGET=STIFFNESS_X[,SHORTEN_PCT], the target a track id, a tissue with its side
// (every track listing it), or a line (all its elements).
struct RestrictOption {
  std::string target;
  double stiffness_x = 1.0;  // [0.1, 10]
  double shorten_pct = 0.0;  // [0, 10]
};
// Syntax only; the target is checked against a model by `apply_restrictions`.
Result<RestrictOption> parse_restrict(const std::string& text);
// Elements of a track or line; errors "--restrict: unknown track 'foo'".
Result<std::vector<int>> restrict_elements(const Model& m, const std::string& target);
Status apply_restrictions(const Model& m, Data& d, const std::vector<RestrictOption>& r);

// Named poses: hinge angles held while the rest of the body settles.
std::vector<std::string> pose_names();
Status apply_pose(const Model& m, Data& d, const std::string& name);

// One --hold JOINT=DEG: the joint (a hinge, an alias such as knee.l, or the neck group) moved
// passively to that angle and held; the angle within the joint's clinical range.
struct HoldOption {
  std::vector<int> hinges;
  std::string joint;
  double deg = 0;
};
Result<HoldOption> parse_hold(const Model& m, const std::string& text);
// One --load TRACK_OR_STATION=NEWTONS[,DIRECTION]: an external pull of [0, 200] N at a station, or at
// the middle of a track; DIRECTION up, down, forward, back, left, right, or along (a track only:
// down the track, towards its lower end). Default: along for a track, down for a station (a hanging weight).
struct LoadOption {
  std::string target, direction;
  int node = -1;
  double newtons = 0;
  double force[3] = {0, 0, 0};
};
Result<LoadOption> parse_load(const Model& m, const std::string& text);
// One --release TRACK[=SECONDS]: sustained pressure on a restricted tissue for [0, 600] s (default
// 60), after which the record has relaxed as e^(-t/τ).
struct ReleaseOption {
  std::string target;
  double seconds = 60;
};
Result<ReleaseOption> parse_release(const std::string& text);

// The inputs every command shares: the experiment.
struct ExperimentOptions {
  std::vector<std::string> restrict;  // raw --restrict values
  std::vector<std::string> hold;      // raw --hold values
  std::vector<std::string> load;      // raw --load values
  std::vector<std::string> release;   // raw --release values
  std::string pose = "neutral";
};
// A Data with the experiment applied (pose, then holds, restrictions, loads, releases), at equilibrium.
Result<Data> prepare_experiment(const Model& m, const ExperimentOptions& o);

struct SimOptions : ExperimentOptions {};
struct TraceOptions : ExperimentOptions {
  std::string at;  // a track or a station
  int top = 12;    // sources listed
};
struct RomOptions : ExperimentOptions {
  std::string joint;   // a hinge (talus.l) or a group (neck); aliases ankle.l, knee.l, hip.l
  std::string motion;  // the hinge's named motion (default) or its opposite (extension)
};

// The shipped atlas on the built-in body, compiled once (the reference network when the atlas is
// unavailable); and the built-in reference network itself.
const Model& default_model();
const Model& reference_model();
// Whether default_model() is the shipped atlas: an error naming the file and the problem when the
// atlas could not be loaded and default_model() fell back to the reference network, unless
// FASCIA_REFERENCE_NETWORK=1 asks for that fallback (or FASCIA_SIM_REFERENCE=1 for the reference).
Status default_model_status();

// Tracks listing a tissue, by "tissue.side" (gastrocnemius.l) or a midline tissue (galea_aponeurotica).
std::vector<int> find_tracks_by_tissue(const Model& m, const std::string& tissue_with_side);

Result<Json> sim_command(const Model& m, const SimOptions& o);
Result<Json> trace_command(const Model& m, const TraceOptions& o);
Result<Json> rom_command(const Model& m, const RomOptions& o);

// Short human-readable summaries of the JSON above.
std::string sim_text(const Json& j);
std::string trace_text(const Json& j);
std::string rom_text(const Json& j);

}  // namespace fascia::sim

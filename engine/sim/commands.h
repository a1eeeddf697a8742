#pragma once
// Back ends of `fascia sim`, `fascia trace` and `fascia rom`: they take the options as the command
// line gives them, run the experiment and return typed reports (Data, TraceResult, RomResult). How a
// report is written, as JSON (docs/sim-json.md) or text, is the CLI's business (app/cli/sim_report.h);
// errors come back as Result with exit status 2 for bad input.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "sim/data.h"
#include "sim/model.h"
#include "sim/solver.h"

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

// `fascia sim`: the experiment at equilibrium and its baseline, the same pose and holds without the
// restrictions, releases and loads, so each change is the experiment's own.
struct SimReport {
  Data result;
  Data baseline;
  std::vector<RestrictOption> restrictions;  // as parsed, in the order given
};
Result<SimReport> run_sim(const Model& m, const SimOptions& o);

// A track's tension over its elements in the experiment, and the change of its mean from the baseline.
struct TrackTension {
  double min = 0, mean = 0, max = 0, change = 0;  // N
};
TrackTension track_tension(const Model& m, const SimReport& r, int track);
// Where a node is: moved from the model's rest (displacement), from its point on the bone, along its
// track (positive towards the track's direction on the bone) and from the baseline (change), in mm.
struct NodeOffset {
  double displacement_mm[3] = {0, 0, 0};
  double from_bone_mm[3] = {0, 0, 0};
  double along_track_mm = 0;
  double change_mm[3] = {0, 0, 0};
};
NodeOffset node_offset(const Model& m, const SimReport& r, int node);

// `fascia trace --at`: where the load at a track (its middle element) or a station comes from.
struct TraceReport {
  bool at_station = false;
  int track = -1;  // the traced track; -1 at a station
  TraceResult trace;
  std::vector<RestrictOption> restrictions;
};
Result<TraceReport> run_trace(const Model& m, const TraceOptions& o);

// `fascia rom --joint`: the passive range in the motion asked, and without the restrictions when
// there are any.
struct RomReport {
  std::vector<int> hinges;
  std::string motion;  // the motion measured (the hinge's named one or its opposite)
  RomResult result;
  std::optional<RomResult> unrestricted;
  std::vector<RestrictOption> restrictions;
};
Result<RomReport> run_rom(const Model& m, const RomOptions& o);

// Names a report needs: the lines a track's elements belong to (bit l: m.line_name[l]), and the
// track in full, "gastrocnemius + achilles tendon, left (sbl)".
uint32_t track_lines(const Model& m, int t);
std::string full_track_name(const Model& m, int t);

}  // namespace fascia::sim

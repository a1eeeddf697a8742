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

struct SimOptions {
  std::vector<std::string> restrict;  // raw --restrict values
  std::string pose = "neutral";
};
struct TraceOptions {
  std::string at;  // a track or a station
  std::vector<std::string> restrict;
  std::string pose = "neutral";
  int top = 12;  // sources listed
};
struct RomOptions {
  std::string joint;  // a hinge (talus.l) or a group (neck); aliases ankle.l, knee.l, hip.l
  std::vector<std::string> restrict;
  std::string pose = "neutral";
};

// The shipped atlas on the built-in body, compiled once (the reference network when the atlas is
// unavailable); and the built-in reference network itself.
const Model& default_model();
const Model& reference_model();

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

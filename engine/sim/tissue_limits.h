#pragma once
// Failure loads of the tissues the lines run through, from cadaver tensile tests: the bound no
// tissue may carry in any pose or experiment (a tension above it would tear the tissue, so a model
// that reaches it is wrong). Figures and sources in engine/sim/README.md.
#include <string>
#include <string_view>

#include "sim/model.h"

namespace fascia::sim {

struct TissueLimit {
  std::string_view tissue;  // base tissue id ("achilles_tendon"); "" for the default
  double failure_N = 0;     // mean load to failure
  double sd_N = 0;          // its spread (one standard deviation), 0 when not reported
  std::string_view source;  // author, year, what was measured
  // The bound the model is held to: the mean less one standard deviation (a weak specimen's
  // failure), or the mean when no spread is reported.
  double bound_N() const { return failure_N - sd_N; }
};

// The limit of a tissue by its id, with or without side ("achilles_tendon.l"); tissues without a
// measured failure load get the weakest cited bound (the plantar aponeurosis's).
const TissueLimit& tissue_limit(std::string_view tissue);
// The bound of a track: the lowest among its tissues that have a failure load of their own, else
// the default.
double track_force_bound(const Model& m, int track);
// Whether the tissue has a failure load of its own (not the default).
bool has_own_limit(std::string_view tissue);

}  // namespace fascia::sim

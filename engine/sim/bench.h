#pragma once
// Performance figures of the simulation core for `fascia bench --json` (design.md's targets:
// equilibrium warm start <= 1 ms, dynamic step <= 0.2 ms, trace <= 1 ms, linear growth with
// refinement). Medians of repeated runs, measured with a steady clock; never asserted in tests.
#include "core/json.h"

namespace fascia::sim {

struct BenchOptions {
  std::vector<double> refinements = {1, 10, 100};
  int repeats = 31;  // per figure at refinement 1; fewer on refined networks
};

Json bench_sim(const BenchOptions& o = {});

}  // namespace fascia::sim

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "core/process_memory.h"
#include "sim/atlas_input.h"
#include "sim/data.h"
#include "sim/solver.h"

// The simulation run for a long (simulated) time while restrictions, releases, tractions,
// oscillations, breathing and held joints come and go at random: never a NaN or a negative tension,
// every equilibrium converges, the neutral equilibrium comes back exactly once everything is removed
// (no drift), and memory stays flat. make check (FASCIA_SOAK=long) runs it ten times longer.
using namespace fascia::sim;

namespace {

bool long_soak() {
  const char* v = std::getenv("FASCIA_SOAK");
  return v && std::string(v) == "long";
}

// Counts the values that are not finite, or tensions below zero.
int bad_values(const Model& m, const Data& d) {
  int bad = 0;
  for (int e = 0; e < m.nelement; ++e)
    bad += !std::isfinite(d.element_tension[e]) || d.element_tension[e] < 0 ||
           !std::isfinite(d.element_strain[e]);
  for (double x : d.node_x) bad += !std::isfinite(x);
  for (double v : d.node_v) bad += !std::isfinite(v);
  for (double q : d.hinge_q) bad += !std::isfinite(q);
  bad += !std::isfinite(d.energy);
  return bad;
}

}  // namespace

TEST_CASE("sim soak: random restrictions and treatments over time, no NaN, no drift, memory flat") {
  NetworkOptions o;
  o.segment_length = 0.12;  // the coarse network keeps the soak to seconds; the physics is the same
  auto spec = build_network(reference_body(), o);
  REQUIRE(spec.ok());
  auto model = compile(*spec);
  REQUIRE(model.ok());
  const Model& m = *model;
  Data d = make_data(m);
  REQUIRE(equilibrium(m, d));
  const std::vector<double> neutral_x = d.node_x, neutral_q = d.hinge_q;

  std::mt19937 rng(7);
  std::uniform_real_distribution<double> unit(0, 1), log_k(std::log(0.1), std::log(10.0));
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  auto track_elements = [&](int t) {
    return std::vector<int>(m.track_element.begin() + m.track_element_adr[t],
                            m.track_element.begin() + m.track_element_adr[t] + m.track_element_num[t]);
  };

  const int rounds = long_soak() ? 600 : 60;
  const int steps_per_round = 24;  // 0.1 s of simulated time at 240 Hz
  const int warmup = 10;
  long rss_warm = 0;
  int bad = 0, unconverged = 0, actions = 0;
  for (int r = 0; r < rounds && bad == 0; ++r) {
    if (r == warmup) rss_warm = long(fascia::resident_mib() * 1024);
    // One or two random changes a round, bounded so the set stays within the UI's limits.
    for (int a = 1 + pick(2); a > 0; --a, ++actions) {
      double u = unit(rng);
      if (u < 0.3 && d.restrictions.size() < 8) {
        add_restriction(d, track_elements(pick(m.ntrack)), std::exp(log_k(rng)), 10 * unit(rng));
      } else if (u < 0.4 && !d.restrictions.empty()) {
        remove_restriction(d, d.restrictions[pick(int(d.restrictions.size()))].id);
      } else if (u < 0.5 && !d.restrictions.empty()) {
        start_release(d, d.restrictions[pick(int(d.restrictions.size()))].id);
      } else if (u < 0.6 && int(d.loads.size()) < kMaxLoads) {
        const double f[3] = {40 * (unit(rng) - 0.5), 40 * (unit(rng) - 0.5), 40 * (unit(rng) - 0.5)};
        add_load(d, pick(m.nnode), f, unit(rng) < 0.5 ? 0.0 : 0.5 + 4 * unit(rng), 6.283 * unit(rng));
      } else if (u < 0.7 && !d.loads.empty()) {
        remove_load(d, d.loads[pick(int(d.loads.size()))].id);
      } else if (u < 0.8) {
        d.breath_amplitude = unit(rng);
      } else if (u < 0.9) {
        lock_hinge(d, pick(m.nhinge), 1.2 * (unit(rng) - 0.5));
      } else {
        unlock_hinge(d, pick(m.nhinge));
      }
    }
    for (int s = 0; s < steps_per_round; ++s) step(m, d);
    bad += bad_values(m, d);
    if (r % 10 == 9) {
      unconverged += !equilibrium(m, d);
      bad += bad_values(m, d);
    }
    if (bad) MESSAGE("round " << r << ": " << bad << " bad values at t = " << d.time << " s");
  }
  const long rss_end = long(fascia::resident_mib() * 1024);
  CHECK(bad == 0);
  CHECK(unconverged == 0);
  CHECK(actions >= rounds);

  // Everything removed: the neutral equilibrium again, to the solver's tolerance. (This found that a
  // released joint's last hold angle still shaped the posture-dependent anchors; sim now reads the
  // hold angle only while the joint is held.)
  const double simulated = d.time;
  d.restrictions.clear();
  d.loads.clear();
  d.breath_amplitude = 0;
  for (int h = 0; h < m.nhinge; ++h) unlock_hinge(d, h);
  reset(m, d);
  REQUIRE(equilibrium(m, d));
  double drift_x = 0, drift_q = 0;
  for (size_t i = 0; i < neutral_x.size(); ++i)
    drift_x = std::max(drift_x, std::abs(d.node_x[i] - neutral_x[i]));
  for (size_t i = 0; i < neutral_q.size(); ++i)
    drift_q = std::max(drift_q, std::abs(d.hinge_q[i] - neutral_q[i]));
  MESSAGE(rounds << " rounds, " << simulated << " s simulated before the reset, " << actions
                 << " changes; drift " << drift_x * 1e6 << " um, " << drift_q << " rad; resident "
                 << rss_warm / 1024 << " -> " << rss_end / 1024 << " MiB");
  CHECK(drift_x < 1e-6);
  CHECK(drift_q < 1e-6);
  // The step allocates nothing and the records are bounded, so memory after warm-up stays put.
  CHECK(rss_warm > 0);
  CHECK(rss_end - rss_warm < 2048);
}

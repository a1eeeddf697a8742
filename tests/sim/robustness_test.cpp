// Thousands of random restriction sets within the UI's ranges: never NaN, never negative tension,
// always converged. A coarser division of the same network keeps the run to a few seconds.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "sim/atlas_input.h"
#include "sim/commands.h"
#include "sim/solver.h"

using namespace fascia::sim;

TEST_CASE("sim robustness: random restriction sets converge without NaN or negative tension") {
  NetworkOptions o;
  o.segment_length = 0.12;
  auto spec = build_network(reference_body(), o);
  REQUIRE(spec.ok());
  auto m = compile(*spec);
  REQUIRE(m.ok());
  Data d = make_data(*m);
  REQUIRE(equilibrium(*m, d));

  std::mt19937 rng(20261121);
  std::uniform_int_distribution<int> pick_track(0, m->ntrack - 1), count(1, 4), pick_hinge(0, m->nhinge - 1);
  std::uniform_real_distribution<double> log_k(std::log(0.1), std::log(10.0)), shorten(0.0, 10.0), unit(0, 1);
  const int sets = 2000;
  int failures = 0, bad_values = 0, max_iterations = 0;
  for (int s = 0; s < sets; ++s) {
    d.restrictions.clear();
    int n = count(rng);
    for (int i = 0; i < n; ++i) {
      int t = pick_track(rng);
      std::vector<int> els(m->track_element.begin() + m->track_element_adr[t],
                           m->track_element.begin() + m->track_element_adr[t] + m->track_element_num[t]);
      add_restriction(d, std::move(els), std::exp(log_k(rng)), unit(rng) < 0.7 ? shorten(rng) : 0.0);
    }
    // Now and then a held pose as well (a joint flexed up to 60 degrees either way).
    for (int h = 0; h < m->nhinge; ++h) unlock_hinge(d, h);
    if (unit(rng) < 0.2) lock_hinge(d, pick_hinge(rng), (unit(rng) - 0.5) * 2.1);
    bool ok = equilibrium(*m, d);
    failures += !ok;
    max_iterations = std::max(max_iterations, d.iterations);
    for (int e = 0; e < m->nelement; ++e) {
      double t = d.element_tension[e];
      if (!std::isfinite(t) || (t < 0 && !m->element_link[e]) || !std::isfinite(d.element_strain[e]))
        bad_values++;
    }
    for (double x : d.node_x) bad_values += !std::isfinite(x);
    for (double q : d.hinge_q) bad_values += !std::isfinite(q);
    if (!ok || bad_values) {
      MESSAGE("set " << s << ": converged " << ok << ", residual " << d.residual << ", iterations "
                     << d.iterations);
      break;
    }
  }
  MESSAGE(sets << " sets on " << m->ndof << " unknowns, at most " << max_iterations << " Newton iterations");
  CHECK(failures == 0);
  CHECK(bad_values == 0);
}

#include "sim/bench.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "core/json.h"
#include "sim/atlas_input.h"
#include "sim/atlas_network.h"
#include "sim/commands.h"
#include "sim/solver.h"

namespace fascia::sim {
namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread: the development machine is shared (load averages near 10 on 2 cores), and
// wall time there measures the neighbours as much as the solver.
double thread_ms() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

template <typename F>
double median_ms(int repeats, F&& f) {
  std::vector<double> t;
  t.reserve(repeats);
  for (int i = 0; i < repeats; ++i) {
    double a = thread_ms();
    f(i);
    t.push_back(thread_ms() - a);
  }
  std::nth_element(t.begin(), t.begin() + t.size() / 2, t.end());
  return t[t.size() / 2];
}

double round3(double v) {
  return std::round(v * 1000) / 1000;
}

}  // namespace

Json bench_sim(const BenchOptions& o) {
  Json rows = Json::array();
  // The shipped atlas on the built-in body (the reference network when the atlas is unavailable).
  auto atlas = default_atlas_input();
  const AtlasInput input = atlas ? std::move(*atlas) : reference_body();
  for (double r : o.refinements) {
    NetworkOptions no;
    no.refine = r;
    auto t0 = Clock::now();
    auto spec = build_network(input, no);
    if (!spec) return Json{{"error", spec.error().message}};
    auto model = compile(*spec);
    if (!model) return Json{{"error", model.error().message}};
    double compile_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    const Model& m = *model;
    Data d = make_data(m);
    equilibrium(m, d);
    auto calf = *restrict_elements(m, "gastrocnemius.l");
    int id = add_restriction(d, calf, 2.0, 2.0);
    equilibrium(m, d);
    const int reps = std::max(3, int(o.repeats / std::max(1.0, std::sqrt(r))));

    // Warm start: the user nudges a restriction (as a slider does) and the solve starts from the
    // previous equilibrium.
    int iterations = 0;
    double eq_ms = median_ms(reps, [&](int i) {
      for (auto& rr : d.restrictions)
        if (rr.id == id) rr.stiffness_x = (i % 2) ? 2.0 : 2.1;
      equilibrium(m, d);
      iterations += d.iterations;
    });
    // Steps right after a change (the factor is refreshed often while the tissue moves fast), and
    // steps once the motion has slowed (the factor is reused for a few steps).
    Data dyn = d;
    dyn.restrictions.back().stiffness_x = 3.0;
    dyn.factorizations = 0;
    double step_change_ms = median_ms(reps * 2, [&](int) { step(m, dyn); });
    double change_factorizations = double(dyn.factorizations) / (reps * 2);
    for (int i = 0; i < 240; ++i) step(m, dyn);
    dyn.factorizations = 0;
    double step_ms = median_ms(reps * 2, [&](int) { step(m, dyn); });
    std::vector<double> s1(m.nelement), s2(m.nelement);
    TraceTarget target{(*restrict_elements(m, "erector_spinae.l"))[0], -1};
    double trace_ms = median_ms(reps, [&](int) { trace_into(m, d, target, s1.data(), s2.data()); });
    rows.push_back({{"refinement", r},
                    {"nodes", m.nnode},
                    {"elements", m.nelement},
                    {"unknowns", m.ndof},
                    {"factor_nonzeros", m.pattern.l_colptr.back() + m.ndof},
                    {"compile_ms", round3(compile_ms)},
                    {"equilibrium_warm_ms", round3(eq_ms)},
                    {"equilibrium_iterations", double(iterations) / reps},
                    {"step_ms", round3(step_ms)},
                    {"step_factorizations", double(dyn.factorizations) / (reps * 2)},
                    {"step_after_change_ms", round3(step_change_ms)},
                    {"step_after_change_factorizations", change_factorizations},
                    {"trace_ms", round3(trace_ms)},
                    {"repeats", reps}});
  }
  Json j;
  j["what"] = std::string("simulation core on the ") + (atlas ? "atlas" : "reference") +
              " bilateral network; medians of thread CPU time";
  j["targets_ms"] = {{"equilibrium_warm_ms", 1.0}, {"step_ms", 0.2}, {"trace_ms", 1.0}};
  j["rows"] = rows;
  // Growth per unknown from the first to the last refinement (1.0 = linear).
  if (rows.size() >= 2) {
    const Json& a = rows.front();
    const Json& b = rows.back();
    double n = b["unknowns"].get<double>() / a["unknowns"].get<double>();
    Json g;
    for (const char* k : {"equilibrium_warm_ms", "step_ms", "step_after_change_ms", "trace_ms"}) {
      g[k] = round3(b[k].get<double>() / std::max(a[k].get<double>(), 1e-6) / n);
    }
    j["cost_growth_over_size_growth"] = g;
  }
  return j;
}

}  // namespace fascia::sim

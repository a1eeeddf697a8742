#include <doctest/doctest.h>

#include <cmath>

#include "session/actions.h"
#include "session/sim_sync.h"
#include "sim/commands.h"
#include "sim/solver.h"

using namespace fascia;
using namespace fascia::session;

namespace {
double track_tension(const sim::Model& m, const sim::Data& d, const std::string& track) {
  int t = sim::find_track(m, track);
  REQUIRE(t >= 0);
  double sum = 0;
  int n = m.track_element_num[t];
  for (int i = 0; i < n; ++i) sum += d.element_tension[m.track_element[m.track_element_adr[t] + i]];
  return sum / n;
}
}  // namespace

TEST_CASE(
    "sim sync: the session's restriction loads the calf, syncing the default session undoes it exactly") {
  const sim::Model& m = sim::default_model();
  sim::Data d = sim::make_data(m);
  SimBinding b;
  REQUIRE(sync_sim(m, default_session(), d, b));
  REQUIRE(sim::equilibrium(m, d));
  std::vector<double> neutral = d.element_tension;
  double calf0 = track_tension(m, d, "sbl.gastrocnemius.l");

  Session s = reduce(default_session(), SetRestriction{{"gastrocnemius.l", 4, 5}}).value();
  REQUIRE(sync_sim(m, s, d, b));
  REQUIRE(d.restrictions.size() == 1);
  REQUIRE(sim::equilibrium(m, d));
  CHECK(track_tension(m, d, "sbl.gastrocnemius.l") > calf0 + 5.0);

  // Editing the restriction replaces it, never stacks.
  s = reduce(s, SetRestriction{{"gastrocnemius.l", 2, 0}}).value();
  REQUIRE(sync_sim(m, s, d, b));
  CHECK(d.restrictions.size() == 1);
  CHECK(d.restrictions[0].stiffness_x == 2);

  REQUIRE(sync_sim(m, default_session(), d, b));
  CHECK(d.restrictions.empty());
  REQUIRE(sim::equilibrium(m, d));
  for (size_t e = 0; e < neutral.size(); ++e)
    CHECK(d.element_tension[e] == doctest::Approx(neutral[e]).epsilon(1e-6));
}

TEST_CASE("sim sync: holds lock the named joint, releases carry their start, bad ids change nothing") {
  const sim::Model& m = sim::default_model();
  sim::Data d = sim::make_data(m);
  SimBinding b;
  Session s = default_session();
  s = reduce(s, SetHold{{"knee.l", 30}}).value();
  s = reduce(s, SetRestriction{{"gastrocnemius.l", 3, 2}}).value();
  s = reduce(s, StartRelease{"gastrocnemius.l", 2.5}).value();
  s = reduce(s, SetBreathing{{true, 0.5, 4}}).value();
  REQUIRE(sync_sim(m, s, d, b));
  int knee = resolve_joint(m, "knee.l");
  REQUIRE(knee >= 0);
  CHECK(d.hinge_locked[knee] == 1);
  CHECK(d.hinge_target[knee] == doctest::Approx(30 * M_PI / 180));
  CHECK(d.restrictions[0].release_start == 2.5);
  CHECK(d.breath_amplitude == 0.5);

  Session bad = reduce(s, SetRestriction{{"no_such_tissue.l", 2, 0}}).value();
  auto st = sync_sim(m, bad, d, b);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().message.find("no_such_tissue.l") != std::string::npos);
  CHECK(d.restrictions.size() == 1);  // unchanged

  REQUIRE(sync_sim(m, default_session(), d, b));
  CHECK(d.hinge_locked[knee] == 0);
}

// get_state/set_state: every input travels (restrictions with their releases, loads, holds,
// breathing, ids, standing), sizes and contents are checked, and a mid-release state set into a fresh Data
// reproduces the original trajectory bit for bit.
#include <doctest/doctest.h>

#include <cmath>

#include "sim/commands.h"
#include "sim/solver.h"

using namespace fascia::sim;

namespace {

// A Data in the middle of everything: a release under way, a traction and an oscillation, breathing,
// a held knee, some seconds in.
void busy(const Model& m, Data& d) {
  int calf = add_restriction(d, *restrict_elements(m, "gastrocnemius.l"), 3.0, 5.0);
  add_restriction(d, *restrict_elements(m, "biceps_femoris.r"), 2.0, 1.0);
  const double pull[3] = {0, 0, 15}, shake[3] = {5, 0, 0};
  add_load(d, m.station_node[find_station(m, "sacrum")], pull);
  add_load(d, m.station_node[0], shake, 1.5, 0.3);
  d.breath_amplitude = 0.7;
  lock_hinge(d, find_hinge(m, "tibia.l"), 0.4);
  for (int i = 0; i < 60; ++i) step(m, d);
  start_release(d, calf);
  for (int i = 0; i < 60; ++i) step(m, d);
}

}  // namespace

TEST_CASE("sim state: a mid-release state in a fresh Data reproduces the trajectory bit for bit") {
  // Every step refactorises, so the trajectory is a function of the state alone and the original
  // run needs no set_state of its own.
  Model m = default_model();
  m.opt.refactor_interval = 1;
  Data a = make_data(m);
  busy(m, a);
  const std::vector<double> mid = get_state(m, a);
  CHECK(mid.size() == state_size(m, a));

  Data b = make_data(m);
  REQUIRE(set_state(m, b, mid));
  CHECK(b.restrictions.size() == 2);
  CHECK(b.restrictions[0].release_start == a.restrictions[0].release_start);
  CHECK(b.loads.size() == 2);
  CHECK(b.breath_amplitude == 0.7);
  CHECK(b.next_id == a.next_id);
  CHECK(b.hinge_locked == a.hinge_locked);
  for (int i = 0; i < 120; ++i) {
    step(m, a);
    step(m, b);
  }
  CHECK(a.time == b.time);
  CHECK(a.node_x == b.node_x);
  CHECK(a.node_v == b.node_v);
  CHECK(a.hinge_q == b.hinge_q);
  CHECK(a.element_tension == b.element_tension);
  // Ids handed out after the restore are the original's.
  const double f[3] = {1, 0, 0};
  CHECK(add_load(a, 0, f) == add_load(b, 0, f));
}

TEST_CASE("sim state: the default model's cached factor is dropped, so a restored run replays exactly") {
  const Model& m = default_model();
  Data a = make_data(m);
  busy(m, a);
  const std::vector<double> mid = get_state(m, a);
  REQUIRE(set_state(m, a, mid));
  Data b = make_data(m);
  REQUIRE(set_state(m, b, mid));
  for (int i = 0; i < 50; ++i) {
    step(m, a);
    step(m, b);
  }
  CHECK(a.node_x == b.node_x);
  CHECK(a.hinge_q == b.hinge_q);
}

TEST_CASE("sim state: parts by spec, and bad vectors refused without touching the Data") {
  const Model& m = default_model();
  Data a = make_data(m);
  busy(m, a);
  // Inputs only: the fresh Data takes the restrictions and loads and keeps its own positions.
  Data b = make_data(m);
  const std::vector<double> x0 = b.node_x;
  auto inputs = get_state(m, a, kStateInputs);
  CHECK(inputs.size() == state_size(m, a, kStateInputs));
  CHECK(inputs.size() < get_state(m, a).size());
  REQUIRE(set_state(m, b, inputs, kStateInputs));
  CHECK(b.restrictions.size() == a.restrictions.size());
  CHECK(b.node_x == x0);
  CHECK(b.time == 0);
  // The spec must match the vector's.
  CHECK_FALSE(set_state(m, b, inputs, kStateFull));

  auto full = get_state(m, a);
  const std::vector<double> before = get_state(m, b);
  auto check_refused = [&](std::vector<double> s, const char* why) {
    INFO(why);
    CHECK_FALSE(set_state(m, b, s));
    CHECK(get_state(m, b) == before);
  };
  check_refused({}, "empty");
  check_refused(std::vector<double>(full.begin(), full.end() - 1), "one short");
  auto longer = full;
  longer.push_back(0);
  check_refused(longer, "one too many");
  auto other_model = full;
  other_model[1] += 1;
  check_refused(other_model, "another model's node count");
  auto nan = full;
  nan[10] = std::nan("");
  check_refused(nan, "a NaN position");
  // The first restriction's stiffness multiplier sits after the header, time, positions,
  // velocities, holds and the restriction count and id.
  size_t k = 4 + 1 + 2 * (3 * m.nnode + m.nhinge) + 2 * m.nhinge + 1 + 1;
  REQUIRE(full[k] == 3.0);
  auto big = full;
  big[k] = 50;
  check_refused(big, "a stiffness multiplier out of range");
}

TEST_CASE("sim state: the standing flag travels, and is 0 or 1") {
  const Model& m = default_model();
  Data a = make_data(m), b = make_data(m);
  CHECK(a.standing);  // a body stands unless told otherwise
  a.standing = false;
  auto s = get_state(m, a, kStateStanding);
  REQUIRE(s.size() == state_size(m, a, kStateStanding));
  REQUIRE(s.size() == 5);
  CHECK(s.back() == 0);
  REQUIRE(set_state(m, b, s, kStateStanding));
  CHECK_FALSE(b.standing);
  // The full state carries it last.
  CHECK(get_state(m, a).back() == 0);
  s.back() = 0.5;
  b.standing = true;
  CHECK_FALSE(set_state(m, b, s, kStateStanding));
  CHECK(b.standing);
}

TEST_CASE("sim state: standing holds the joints up, and rom measures lying relaxed") {
  const Model& m = default_model();
  const int ankle = find_hinge(m, "talus.l");
  REQUIRE(ankle >= 0);
  REQUIRE(m.hinge_posture[ankle] > 100);
  // A calf restriction plantarflexes the ankle less when the body stands.
  auto ankle_after_calf = [&](bool standing) {
    Data d = make_data(m);
    d.standing = standing;
    add_restriction(d, *restrict_elements(m, "gastrocnemius.l"), 3.0, 4.0);
    REQUIRE(equilibrium(m, d));
    return d.hinge_q[ankle];
  };
  const double standing = ankle_after_calf(true), lying = ankle_after_calf(false);
  MESSAGE("ankle after a calf restriction: standing " << standing * 57.3 << " deg, lying " << lying * 57.3
                                                      << " deg");
  CHECK(std::abs(standing) < 0.5 * std::abs(lying));
  // rom turns standing off while it measures and restores it.
  Data d = make_data(m);
  RomResult r = rom(m, d, ankle);
  CHECK(r.reached);
  CHECK(d.standing);
  d.standing = false;
  RomResult r2 = rom(m, d, ankle);
  CHECK(r2.angle == doctest::Approx(r.angle));
}

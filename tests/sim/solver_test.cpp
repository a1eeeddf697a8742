// Equivalences between the solvers: the dynamic mode settles on the equilibrium; the adjoint trace
// matches finite differences; state get/set and identical inputs reproduce results bit for bit.
#include <doctest/doctest.h>

#include <cmath>

#include "sim/atlas_input.h"
#include "sim/commands.h"
#include "sim/forward.h"
#include "sim/solver.h"

using namespace fascia::sim;

namespace {

// A small body: a leg of three hinges with a back chain and a front chain over it, bilateral-free.
NetworkSpec small_leg() {
  AtlasInput in;
  in.joints = {{"pelvis", "", false, {0, 0.95, 0}},
               {"femur.l", "pelvis", true, {0.09, 0.92, 0}, {-1, 0, 0}, 90, 3, 25, "flexion"},
               {"tibia.l", "femur.l", true, {0.09, 0.50, 0}, {1, 0, 0}, 70, 3, 20, "flexion"},
               {"talus.l", "tibia.l", true, {0.09, 0.08, 0}, {-1, 0, 0}, 60, 3, 15, "dorsiflexion"}};
  in.stations = {{"calcaneus.l", "talus.l", {0.09, 0.03, -0.06}},
                 {"toes_dorsal.l", "talus.l", {0.10, 0.03, 0.18}},
                 {"femoral_condyles.l", "femur.l", {0.09, 0.53, -0.04}},
                 {"tibial_tuberosity.l", "tibia.l", {0.09, 0.44, 0.04}},
                 {"ischial_tuberosity.l", "pelvis", {0.06, 0.84, -0.06}},
                 {"sacrum", "pelvis", {0, 0.97, -0.11}},
                 {"aiis.l", "pelvis", {0.11, 0.96, 0.05}}};
  in.tracks = {
      {"gastrocnemius.l",
       {"gastrocnemius"},
       "calcaneus.l",
       "femoral_condyles.l",
       {{"tibia.l", {0.09, 0.28, -0.07}}},
       100},
      {"biceps_femoris.l", {"biceps_femoris"}, "femoral_condyles.l", "ischial_tuberosity.l", {}, 30},
      {"sacrotuberous_ligament.l", {"sacrotuberous_ligament"}, "ischial_tuberosity.l", "sacrum", {}, 100},
      {"tibialis_anterior.l", {"tibialis_anterior"}, "toes_dorsal.l", "tibial_tuberosity.l", {}, 20},
      {"rectus_femoris.l", {"rectus_femoris"}, "tibial_tuberosity.l", "aiis.l", {}, 20}};
  in.lines = {{"sbl.l", {"gastrocnemius.l", "biceps_femoris.l", "sacrotuberous_ligament.l"}},
              {"sfl.l", {"tibialis_anterior.l", "rectus_femoris.l"}}};
  in.transitions = {{"sbl.l", "femoral_condyles.l", Grade::Strong, "tibia.l", 5, 60},
                    {"sbl.l", "ischial_tuberosity.l", Grade::Strong},
                    {"sfl.l", "tibial_tuberosity.l", Grade::None}};
  NetworkOptions o;
  o.segment_length = 0.05;
  auto s = build_network(in, o);
  REQUIRE(s.ok());
  return *s;
}

}  // namespace

TEST_CASE("sim: the dynamic mode carries a restriction along the line and settles on the equilibrium") {
  auto m = compile(small_leg());
  REQUIRE(m.ok());
  Data d = make_data(*m);
  REQUIRE(equilibrium(*m, d));
  auto calf = restrict_elements(*m, "gastrocnemius.l");
  add_restriction(d, *calf, 3.0, 5.0);

  Data eq = d;
  REQUIRE(equilibrium(*m, eq));

  // The far end of the back line (sacrotuberous) responds later than the calf.
  int near = (*calf)[calf->size() / 2];
  int far = m->track_element[m->track_element_adr[find_track(*m, "sacrotuberous_ligament.l")] + 1];
  double t0n = d.element_tension[near], t0f = d.element_tension[far];
  double half_near = -1, half_far = -1;
  for (int i = 0; i < 30 * 240; ++i) {  // 30 s: posture settles last (tissue slides on bone slowly)
    step(*m, d);
    double fn = (d.element_tension[near] - t0n) / (eq.element_tension[near] - t0n);
    double ff = (d.element_tension[far] - t0f) / (eq.element_tension[far] - t0f);
    if (half_near < 0 && fn > 0.5) half_near = d.time;
    if (half_far < 0 && ff > 0.5) half_far = d.time;
    for (int e = 0; e < m->nelement; ++e) REQUIRE(std::isfinite(d.element_tension[e]));
  }
  MESSAGE("half of the change reached: calf " << half_near << " s, sacrotuberous " << half_far << " s");
  CHECK(half_near > 0);
  CHECK(half_far > half_near);
  CHECK(half_far < 1.0);  // a fraction of a second
  // Settled: tensions within 0.01 % (+ 1 mN) of the quasi-static ones, angles within 1e-5 rad.
  for (int e = 0; e < m->nelement; ++e) {
    CHECK(std::abs(d.element_tension[e] - eq.element_tension[e]) < 1e-4 * eq.element_tension[e] + 1e-3);
  }
  for (int h = 0; h < m->nhinge; ++h) CHECK(std::abs(d.hinge_q[h] - eq.hinge_q[h]) < 1e-5);
}

TEST_CASE("sim: trace sensitivities match finite differences") {
  auto m = compile(small_leg());
  REQUIRE(m.ok());
  Data d = make_data(*m);
  add_restriction(d, *restrict_elements(*m, "biceps_femoris.l"), 1.5, 2.0);  // away from the baseline
  REQUIRE(equilibrium(*m, d));

  for (TraceTarget target :
       {TraceTarget{m->track_element[m->track_element_adr[find_track(*m, "sacrotuberous_ligament.l")]], -1},
        TraceTarget{-1, find_station(*m, "femoral_condyles.l")}}) {
    TraceResult tr = trace(*m, d, target);
    auto load = [&](Data& x) {
      REQUIRE(equilibrium(*m, x));
      if (target.element >= 0) return x.element_tension[target.element];
      const double* f = &x.node_anchor_force[3 * m->station_node[target.station]];
      return std::sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]);
    };
    double l0 = load(d);
    CHECK(tr.load == doctest::Approx(l0));
    int checked = 0;
    for (int e = 0; e < m->nelement; e += 3) {
      // One-sided second-order difference on an extra record of h % (restrictions compound).
      const double h = 0.05;
      Data a = d, b = d;
      add_restriction(a, {e}, 1.0, h);
      add_restriction(b, {e}, 1.0, 2 * h);
      double fd = (4 * load(a) - load(b) - 3 * l0) / (2 * h);
      CHECK(tr.element_dshorten[e] == doctest::Approx(fd).epsilon(2e-3).scale(1e-3));
      Data c = d, g = d;
      add_restriction(c, {e}, 1 + h / 100, 0);
      add_restriction(g, {e}, 1 + 2 * h / 100, 0);
      double fds = (4 * load(c) - load(g) - 3 * l0) / (2 * h);
      CHECK(tr.element_dstiffness[e] == doctest::Approx(fds).epsilon(2e-3).scale(1e-3));
      checked++;
    }
    CHECK(checked > 10);
    // The ranking puts the largest source first, and it is not zero.
    CHECK(tr.track_rank.size() == size_t(m->ntrack));
    CHECK(std::abs(tr.track_dshorten[tr.track_rank[0]]) > 0.01);
    for (size_t i = 1; i < tr.track_rank.size(); ++i) {
      CHECK(std::abs(tr.track_dshorten[tr.track_rank[i]]) <=
            std::abs(tr.track_dshorten[tr.track_rank[i - 1]]));
    }
  }
}

TEST_CASE("sim: identical inputs give bit-identical results, and set_state resets exactly") {
  const Model& m = default_model();
  Data a = make_data(m), b = make_data(m);
  for (Data* d : {&a, &b}) {
    add_restriction(*d, *restrict_elements(m, "sbl.l"), 2.0, 2.0);
    double f[3] = {0, 0, 20};
    add_load(*d, m.station_node[find_station(m, "sacrum")], f, 2.0);
    d->breath_amplitude = 1;
  }
  auto saved = get_state(m, a);
  for (int i = 0; i < 50; ++i) {
    step(m, a);
    step(m, b);
  }
  CHECK(a.node_x == b.node_x);
  CHECK(a.element_tension == b.element_tension);
  CHECK(a.hinge_q == b.hinge_q);
  std::vector<double> after = a.node_x;
  set_state(m, a, saved);
  for (int i = 0; i < 50; ++i) step(m, a);
  CHECK(a.node_x == after);
  CHECK(a.time == b.time);
}

TEST_CASE("sim: restrictions combine and undo exactly, a release relaxes over tens of seconds") {
  auto m = compile(small_leg());
  REQUIRE(m.ok());
  Data d = make_data(*m);
  auto calf = *restrict_elements(*m, "gastrocnemius.l");
  int e = calf[0];
  int a = add_restriction(d, calf, 2.0, 3.0);
  int b = add_restriction(d, {e}, 1.5, 2.0);
  CHECK(add_restriction(d, {e}, 20.0, 0) == 0);  // out of range
  CHECK(add_restriction(d, {e}, 1.0, -1) == 0);
  forward(*m, d);
  CHECK(d.element_k[e] == doctest::Approx(m->element_stiffness[e] * 3.0));
  CHECK(d.element_slack[e] == doctest::Approx(m->element_rest[e] * 0.97 * 0.98));
  CHECK(remove_restriction(d, b));
  CHECK(remove_restriction(d, a));
  CHECK_FALSE(remove_restriction(d, a));
  forward(*m, d);
  CHECK(d.element_k[e] == m->element_stiffness[e]);
  CHECK(d.element_slack[e] == m->element_rest[e]);

  // Release: the restriction's weight falls as e^{-t/τ}, τ = 20 s.
  int r = add_restriction(d, calf, 4.0, 5.0);
  REQUIRE(start_release(d, r));
  d.time = 20.0;
  forward(*m, d);
  const double w = std::exp(-1.0);
  CHECK(d.element_k[e] == doctest::Approx(m->element_stiffness[e] * std::pow(4.0, w)));
  CHECK(d.element_slack[e] == doctest::Approx(m->element_rest[e] * (1 - 0.05 * w)));
}

TEST_CASE("sim: posture answers: a tight calf plantarflexes the ankle, a bent knee weakens the sbl link") {
  auto m = compile(small_leg());
  REQUIRE(m.ok());
  Data d = make_data(*m);
  REQUIRE(equilibrium(*m, d));
  int ankle = find_hinge(*m, "talus.l");
  double q0 = d.hinge_q[ankle];
  int id = add_restriction(d, *restrict_elements(*m, "gastrocnemius.l"), 3.0, 5.0);
  REQUIRE(equilibrium(*m, d));
  CHECK(d.hinge_q[ankle] < q0 - 0.01);  // towards plantarflexion (negative dorsiflexion)
  remove_restriction(d, id);

  // Share of a calf restriction reaching the hamstrings, knee straight vs bent 60 degrees.
  auto share = [&](double knee) {
    Data x = make_data(*m);
    lock_hinge(x, find_hinge(*m, "tibia.l"), knee);
    REQUIRE(equilibrium(*m, x));
    auto ham = *restrict_elements(*m, "biceps_femoris.l");
    auto calf = *restrict_elements(*m, "gastrocnemius.l");
    double h0 = x.element_tension[ham[0]], c0 = x.element_tension[calf.back()];
    add_restriction(x, calf, 2.0, 2.0);
    REQUIRE(equilibrium(*m, x));
    return (x.element_tension[ham[0]] - h0) / (x.element_tension[calf.back()] - c0);
  };
  double straight = share(0), bent = share(60 / 57.29577951308232);
  MESSAGE("calf -> hamstrings share: straight " << straight << ", bent " << bent);
  CHECK(bent < straight);
}

TEST_CASE("sim: breathing loads the ribcage lines, traction and oscillation are loads at a point") {
  const Model& m = default_model();
  Data d = make_data(m);
  REQUIRE(equilibrium(m, d));
  // The trunk held where it stands, so what shows is the ribcage's own expansion (free, the pull of
  // the front lines also flexes the trunk a little, which loads the back line in turn).
  for (const char* j : {"lumbar_3", "thoracic_lower", "thoracic_upper"}) {
    int h = find_hinge(m, j);
    REQUIRE(h >= 0);
    lock_hinge(d, h, d.hinge_q[h]);
  }
  REQUIRE(equilibrium(m, d));
  std::vector<double> exhaled = d.element_tension;
  d.breath_amplitude = 1;
  d.time = m.opt.breath_period / 2;  // full inspiration
  REQUIRE(equilibrium(m, d));
  double rise[3] = {0, 0, 0};
  const char* lines[3] = {"ll.l", "sfl.l", "dfl.l"};
  for (int i = 0; i < 3; ++i) {
    int l = find_line(m, lines[i]);
    for (int e = 0; e < m.nelement; ++e)
      if (m.element_lines[e] >> l & 1) rise[i] = std::max(rise[i], d.element_tension[e] - exhaled[e]);
    MESSAGE(std::string(lines[i]) << " largest rise at inspiration " << rise[i] << " N");
    CHECK(rise[i] > 0.25);
  }
  // A cycle: breathed out again, the tensions are back where they were.
  d.time = m.opt.breath_period;
  REQUIRE(equilibrium(m, d));
  for (int e = 0; e < m.nelement; ++e)
    CHECK(d.element_tension[e] == doctest::Approx(exhaled[e]).epsilon(1e-6).scale(1));

  // Traction: 30 N pulling the calcaneus down raises the plantar fascia and calf tensions.
  Data t = make_data(m);
  REQUIRE(equilibrium(m, t));
  auto calf = *restrict_elements(m, "gastrocnemius.l");
  double before = t.element_tension[calf[0]];
  double f[3] = {0, -30, 0};
  int load = add_load(t, m.station_node[find_station(m, "calcaneus.l")], f);
  REQUIRE(load > 0);
  REQUIRE(equilibrium(m, t));
  CHECK(t.element_tension[calf[0]] > before + 1);
  // Oscillation: the load follows a sine; a quarter period in, it is at full amplitude.
  remove_load(t, load);
  add_load(t, m.station_node[find_station(m, "calcaneus.l")], f, 5.0);
  t.time = 0.05;
  forward(m, t);
  CHECK(t.load_force[1] == doctest::Approx(-30));
}

// The back ends of `fascia sim`, `fascia trace` and `fascia rom`: --restrict syntax and its errors,
// and the typed reports they return (the JSON the CLI writes of them: tests/app/sim_report_test.cpp).
#include <doctest/doctest.h>

#include "sim/commands.h"

using namespace fascia;
using namespace fascia::sim;

TEST_CASE("sim commands: --restrict parses TRACK=STIFFNESS_X[,SHORTEN_PCT] and explains mistakes") {
  auto a = parse_restrict("gastrocnemius.l=2.5,4");
  REQUIRE(a.ok());
  CHECK(a->target == "gastrocnemius.l");
  CHECK(a->stiffness_x == 2.5);
  CHECK(a->shorten_pct == 4);
  auto b = parse_restrict("sbl.l=0.5");
  REQUIRE(b.ok());
  CHECK(b->shorten_pct == 0);

  auto no_eq = parse_restrict("gastrocnemius.l");
  REQUIRE_FALSE(no_eq.ok());
  CHECK(no_eq.error().message ==
        "--restrict: expected TRACK=STIFFNESS_X[,SHORTEN_PCT], got 'gastrocnemius.l'");
  CHECK(no_eq.error().exit_status() == 2);
  auto big = parse_restrict("gastrocnemius.l=20");
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().message ==
        "--restrict: gastrocnemius.l: stiffness multiplier must be in [0.1, 10], got 20");
  auto nan = parse_restrict("gastrocnemius.l=abc");
  REQUIRE_FALSE(nan.ok());
  CHECK(nan.error().message == "--restrict: gastrocnemius.l: stiffness multiplier 'abc' is not a number");
  auto shorten = parse_restrict("gastrocnemius.l=2,12");
  REQUIRE_FALSE(shorten.ok());
  CHECK(shorten.error().message ==
        "--restrict: gastrocnemius.l: shortening must be in [0, 10] percent, got 12");

  const Model& m = default_model();
  auto unknown = restrict_elements(m, "foo");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message.rfind("--restrict: unknown track 'foo'", 0) == 0);
  auto line = restrict_elements(m, "sbl.l");
  REQUIRE(line.ok());
  CHECK(line->size() > 40);
}

TEST_CASE("sim commands: run_sim reports the calf's added tension, and tissue that never pushes") {
  const Model& m = default_model();
  SimOptions o;
  o.restrict = {"gastrocnemius.l=3,5"};
  auto r = run_sim(m, o);
  REQUIRE(r.ok());
  CHECK(r->result.converged);
  REQUIRE(r->restrictions.size() == 1);
  CHECK(r->restrictions[0].stiffness_x == 3);
  auto calf = find_tracks_by_tissue(m, "gastrocnemius.l");
  REQUIRE(calf.size() == 1);
  CHECK(track_tension(m, *r, calf[0]).change > 20);
  // A shared track belongs to both of its lines.
  const int biceps = find_track(m, "biceps_femoris.l");
  REQUIRE(biceps >= 0);
  uint32_t expect = 0;
  for (int l = 0; l < m.nline; ++l)
    if (m.line_name[l] == "sbl.l" || m.line_name[l] == "spl.l") expect |= 1u << l;
  CHECK(track_lines(m, biceps) == expect);
  // Tissue never pushes; only the shear links inside a station may.
  for (int e = 0; e < m.nelement; ++e)
    if (!m.element_link[e]) CHECK(r->result.element_tension[e] >= 0);

  SimOptions bad;
  bad.restrict = {"foo=2"};
  auto e = run_sim(m, bad);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().message.rfind("--restrict: unknown track 'foo'", 0) == 0);
  SimOptions pose;
  pose.pose = "cartwheel";
  auto p = run_sim(m, pose);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().message.rfind("--pose: unknown pose 'cartwheel'", 0) == 0);
}

TEST_CASE("sim commands: run_trace ranks remote sources, run_rom reports the range and its change") {
  const Model& m = default_model();
  TraceOptions t;
  t.at = "erector_spinae.l";
  auto tr = run_trace(m, t);
  REQUIRE(tr.ok());
  CHECK_FALSE(tr->at_station);
  CHECK(tr->track == find_track(m, "erector_spinae.l"));
  REQUIRE(tr->trace.track_rank.size() >= 12);
  // Among the first twelve the sbl below the back (sacrotuberous ligament) loads the erector.
  bool sacrotuberous = false;
  for (int i = 0; i < 12; ++i)
    sacrotuberous |= m.track_name[tr->trace.track_rank[i]] == "sacrotuberous_ligament.l";
  CHECK(sacrotuberous);

  TraceOptions st;
  st.at = "calcaneus.l";
  auto ts = run_trace(m, st);
  REQUIRE(ts.ok());
  CHECK(ts->at_station);
  CHECK(ts->trace.load > 0);
  TraceOptions bad;
  bad.at = "nowhere";
  CHECK(run_trace(m, bad).error().message == "--at: unknown track or station 'nowhere'");

  RomOptions r;
  r.joint = "ankle.l";
  r.restrict = {"gastrocnemius.l=3,5"};
  auto rj = run_rom(m, r);
  REQUIRE(rj.ok());
  CHECK(rj->motion == "dorsiflexion");
  CHECK(rj->result.reached);
  // A tight calf takes dorsiflexion away.
  REQUIRE(rj->unrestricted.has_value());
  CHECK((rj->result.angle - rj->unrestricted->angle) * 57.29577951308232 < -0.25);
  RomOptions unknown;
  unknown.joint = "tail";
  CHECK(run_rom(m, unknown).error().message.rfind("--joint: unknown joint 'tail'", 0) == 0);
}

TEST_CASE("sim commands: a target restricted twice is refused, naming the repeat") {
  const Model& m = default_model();
  SimOptions twice;
  twice.restrict = {"gastrocnemius.l=3", "gastrocnemius.l=3"};
  auto a = run_sim(m, twice);
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().exit_status() == 2);
  CHECK(a.error().message.rfind("--restrict: 'gastrocnemius.l' repeats itself", 0) == 0);
  // The same tissue by another name, and a line through a restricted track.
  SimOptions alias;
  alias.restrict = {"gastrocnemius.l=2", "sbl.l=1.5"};
  auto b = run_sim(m, alias);
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().message.rfind("--restrict: 'sbl.l' repeats 'gastrocnemius.l'", 0) == 0);
  // Distinct targets still combine.
  SimOptions two;
  two.restrict = {"gastrocnemius.l=2", "biceps_femoris.l=2"};
  CHECK(run_sim(m, two).ok());
}

TEST_CASE("sim commands: the runs that once stalled Newton converge") {
  const Model& m = default_model();
  const std::vector<std::pair<std::string, std::string>> runs = {{"erector_spinae.r=8", "back_bend"},
                                                                 {"dfl.r=6.95", "arm_raise"},
                                                                 {"sbl.gastrocnemius.l=7.8", "forward_bend"}};
  for (const auto& run : runs) {
    // Plain references: clang 14 cannot capture structured bindings in INFO's lambda.
    const std::string& restrict = run.first;
    const std::string& pose = run.second;
    INFO(restrict << " --pose " << pose);
    SimOptions o;
    o.restrict = {restrict};
    o.pose = pose;
    auto r = run_sim(m, o);
    REQUIRE(r.ok());
    CHECK(r->result.converged);
    CHECK(r->result.residual < 1e-6);
    MESSAGE("continuation stages: " << r->result.continuation_steps);
  }
}

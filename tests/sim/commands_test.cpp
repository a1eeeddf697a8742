// The back ends of `fascia sim`, `fascia trace` and `fascia rom`: --restrict syntax and its errors,
// and the JSON they return (units, per-element tension and strain, lines, displacements, angles).
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

TEST_CASE(
    "sim commands: fascia sim --json reports tensions, strains, lines, displacements, angles with units") {
  const Model& m = default_model();
  SimOptions o;
  o.restrict = {"gastrocnemius.l=3,5"};
  auto r = sim_command(m, o);
  REQUIRE(r.ok());
  const Json& j = *r;
  CHECK(j["units"]["tension"] == "N");
  CHECK(j["units"]["displacement"] == "mm");
  CHECK(j["units"]["angle"] == "deg");
  CHECK(j["solver"]["converged"] == true);
  CHECK(j["elements"].size() == size_t(m.nelement));
  CHECK(j["nodes"].size() == size_t(m.nnode));
  CHECK(j["joints"].size() == size_t(m.nhinge));
  // The calf's tension rose, and a shared track names both of its lines.
  bool found_calf = false, found_shared = false;
  auto calf = find_tracks_by_tissue(m, "gastrocnemius.l");
  REQUIRE(calf.size() == 1);
  for (const auto& t : j["tracks"]) {
    if (t["id"] == m.track_name[calf[0]]) {
      found_calf = true;
      CHECK(t["change_N"].get<double>() > 20);
    }
    if (t["id"] == "biceps_femoris.l") {
      found_shared = true;
      CHECK(t["lines"] == Json::array({"sbl.l", "spl.l"}));
    }
  }
  CHECK(found_calf);
  CHECK(found_shared);
  // Tissue never pushes; only the shear links inside a station may.
  for (const auto& e : j["elements"]) {
    if (!e["link"].get<bool>()) CHECK(e["tension_N"].get<double>() >= 0);
  }
  CHECK(j["elements"][0].contains("strain"));
  CHECK(j["nodes"][0]["displacement_mm"].size() == 3);
  CHECK(sim_text(j).find("gastrocnemius.l") != std::string::npos);

  SimOptions bad;
  bad.restrict = {"foo=2"};
  auto e = sim_command(m, bad);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().message.rfind("--restrict: unknown track 'foo'", 0) == 0);
  SimOptions pose;
  pose.pose = "cartwheel";
  auto p = sim_command(m, pose);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().message.rfind("--pose: unknown pose 'cartwheel'", 0) == 0);
}

TEST_CASE("sim commands: fascia trace ranks remote sources, fascia rom reports the range and its change") {
  const Model& m = default_model();
  TraceOptions t;
  t.at = "erector_spinae.l";
  auto tr = trace_command(m, t);
  REQUIRE(tr.ok());
  const Json& j = *tr;
  CHECK(j["kind"] == "track");
  REQUIRE(j["sources"].size() == 12);
  CHECK(j["sources"][0]["rank"] == 1);
  // Somewhere in the list the sbl below the back (sacrotuberous ligament) loads the erector.
  bool sacrotuberous = false;
  for (const auto& s : j["sources"]) sacrotuberous |= s["track"] == "sacrotuberous_ligament.l";
  CHECK(sacrotuberous);
  CHECK(trace_text(j).find("erector_spinae.l") != std::string::npos);

  TraceOptions st;
  st.at = "calcaneus.l";
  auto ts = trace_command(m, st);
  REQUIRE(ts.ok());
  CHECK((*ts)["kind"] == "station");
  CHECK((*ts)["load_N"].get<double>() > 0);
  TraceOptions bad;
  bad.at = "nowhere";
  CHECK(trace_command(m, bad).error().message == "--at: unknown track or station 'nowhere'");

  RomOptions r;
  r.joint = "ankle.l";
  r.restrict = {"gastrocnemius.l=3,5"};
  auto rj = rom_command(m, r);
  REQUIRE(rj.ok());
  CHECK((*rj)["motion"] == "dorsiflexion");
  CHECK((*rj)["reached"] == true);
  // A tight calf takes dorsiflexion away.
  CHECK((*rj)["change_deg"].get<double>() < -0.25);
  CHECK(rom_text(*rj).find("dorsiflexion") != std::string::npos);
  RomOptions unknown;
  unknown.joint = "tail";
  CHECK(rom_command(m, unknown).error().message.rfind("--joint: unknown joint 'tail'", 0) == 0);
}

TEST_CASE("sim commands: a target restricted twice is refused, naming the repeat") {
  const Model& m = default_model();
  SimOptions twice;
  twice.restrict = {"gastrocnemius.l=3", "gastrocnemius.l=3"};
  auto a = sim_command(m, twice);
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().exit_status() == 2);
  CHECK(a.error().message.rfind("--restrict: 'gastrocnemius.l' repeats itself", 0) == 0);
  // The same tissue by another name, and a line through a restricted track.
  SimOptions alias;
  alias.restrict = {"gastrocnemius.l=2", "sbl.l=1.5"};
  auto b = sim_command(m, alias);
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().message.rfind("--restrict: 'sbl.l' repeats 'gastrocnemius.l'", 0) == 0);
  // Distinct targets still combine.
  SimOptions two;
  two.restrict = {"gastrocnemius.l=2", "biceps_femoris.l=2"};
  CHECK(sim_command(m, two).ok());
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
    auto r = sim_command(m, o);
    REQUIRE(r.ok());
    CHECK((*r)["solver"]["converged"] == true);
    CHECK((*r)["solver"]["residual"].get<double>() < 1e-6);
    MESSAGE("continuation stages: " << (*r)["solver"]["continuation_stages"]);
  }
}

// The JSON and text `fascia sim`, `fascia trace` and `fascia rom` write of their reports
// (docs/sim-json.md): units, per-element tension and strain, lines, displacements, angles, ranks.
#include <doctest/doctest.h>

#include "cli/sim_report.h"

using namespace fascia;
using namespace fascia::app;

TEST_CASE("sim report: fascia sim --json has units, every element, node and joint, and full names") {
  const sim::Model& m = sim::default_model();
  sim::SimOptions o;
  o.restrict = {"gastrocnemius.l=3,5"};
  o.hold = {"knee.l=0"};
  auto r = sim::run_sim(m, o);
  REQUIRE(r.ok());
  const Json j = sim_json(m, o, *r);
  CHECK(j["note"] == kSimReportNote);
  CHECK(j["units"]["tension"] == "N");
  CHECK(j["units"]["displacement"] == "mm");
  CHECK(j["units"]["angle"] == "deg");
  CHECK(j["solver"]["converged"] == true);
  CHECK(j["holds"] == Json::array({"knee.l=0"}));
  REQUIRE(j["restrictions"].size() == 1);
  CHECK(j["restrictions"][0]["target"] == "gastrocnemius.l");
  CHECK(j["restrictions"][0]["shorten_pct"] == 5);
  CHECK(j["elements"].size() == size_t(m.nelement));
  CHECK(j["nodes"].size() == size_t(m.nnode));
  CHECK(j["joints"].size() == size_t(m.nhinge));
  CHECK(j["tracks"].size() == size_t(m.ntrack));
  bool calf = false, shared = false;
  for (const auto& t : j["tracks"]) {
    if (t["id"] == "sbl.gastrocnemius.l") {
      calf = true;
      CHECK(t["name"] == "gastrocnemius + achilles tendon, left (sbl)");
      CHECK(t["change_N"].get<double>() > 20);
      CHECK(t["tension_N"]["min"].get<double>() <= t["tension_N"]["max"].get<double>());
    }
    if (t["id"] == "biceps_femoris.l") {
      shared = true;
      CHECK(t["lines"] == Json::array({"sbl.l", "spl.l"}));
    }
  }
  CHECK(calf);
  CHECK(shared);
  for (const auto& h : j["joints"]) {
    CHECK(h["range_deg"].size() == 2);
    if (!h["held"].get<bool>()) CHECK(h["holding_torque_Nm"].get<double>() == 0);
  }
  CHECK(j["elements"][0].contains("strain"));
  CHECK(j["nodes"][0]["displacement_mm"].size() == 3);
  CHECK(j["nodes"][0]["from_bone_mm"].size() == 3);
  CHECK(j["nodes"][0].contains("along_track_mm"));
  // The text leads with the largest change and names tracks in full with their ids.
  const std::string text = sim_text(j);
  CHECK(text.rfind("fascia sim (illustrative", 0) == 0);
  CHECK(text.find("gastrocnemius + achilles tendon, left (sbl)  [sbl.gastrocnemius.l]") != std::string::npos);
}

TEST_CASE("sim report: fascia trace and fascia rom as JSON and text") {
  const sim::Model& m = sim::default_model();
  sim::TraceOptions t;
  t.at = "erector_spinae.l";
  auto tr = sim::run_trace(m, t);
  REQUIRE(tr.ok());
  const Json j = trace_json(m, t, *tr);
  CHECK(j["kind"] == "track");
  REQUIRE(j["sources"].size() == 12);
  CHECK(j["sources"][0]["rank"] == 1);
  int local = 0;
  for (const auto& s : j["sources"]) local += s["local"].get<bool>() ? 1 : 0;
  CHECK(local <= 1);
  CHECK(trace_text(j).find("fascia trace at erector_spinae.l (track)") == 0);

  sim::RomOptions r;
  r.joint = "ankle.l";
  r.restrict = {"gastrocnemius.l=3,5"};
  auto rr = sim::run_rom(m, r);
  REQUIRE(rr.ok());
  const Json rj = rom_json(m, r, *rr);
  CHECK(rj["motion"] == "dorsiflexion");
  CHECK(rj["reached"] == true);
  CHECK(rj["change_deg"].get<double>() < -0.25);
  CHECK(rj["unrestricted_rom_deg"].get<double>() > rj["rom_deg"].get<double>());
  CHECK(rom_text(rj).find("fascia rom ankle.l (dorsiflexion)") == 0);
  CHECK(rom_text(rj).find("unrestricted") != std::string::npos);
  // Without restrictions there is nothing to compare with.
  sim::RomOptions free;
  free.joint = "ankle.l";
  auto fr = sim::run_rom(m, free);
  REQUIRE(fr.ok());
  CHECK_FALSE(rom_json(m, free, *fr).contains("change_deg"));
}

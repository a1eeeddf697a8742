// `fascia atlas [--json]`: the text for people and the JSON contract other tools rely on.
#include "atlas/report.h"

#include "atlas_test_util.h"

using namespace fascia;
using namespace fascia::atlas;
using fascia::atlas::test::source_atlas;

TEST_CASE("atlas json: lines, stations, tracks and evidence under stable ids") {
  Json j = atlas_json(source_atlas());
  CHECK(j["format"] == "fascia-atlas/1");
  REQUIRE(j["lines"].size() == 24);
  CHECK(j["lines"][0]["id"] == "sbl.l");
  CHECK(j["lines"][1]["id"] == "sbl.r");
  CHECK(j["lines"][23]["id"] == "dfl.r");

  const Json& sbl = j["lines"][0];
  CHECK(sbl["line"] == "sbl");
  CHECK(sbl["side"] == "l");
  CHECK(sbl["crosses_midline"] == false);
  CHECK(sbl["stations"][1]["id"] == "sbl.l/calcaneus");
  CHECK(sbl["stations"][1]["landmarks"] == Json::array({"calcaneus.l"}));
  CHECK(sbl["stations"][4]["side"] == "m");
  CHECK(sbl["steps"][2]["tracks"] == Json::array({"biceps_femoris.l", "sbl.medial_hamstrings.l"}));
  const Json& knee = sbl["transitions"][1];
  CHECK(knee["station"] == "sbl.l/femoral_condyles");
  CHECK(knee["evidence"]["grade"] == "strong");
  CHECK(knee["evidence"]["force_transfer"] == "shown");
  CHECK(knee["continuity"]["joint"] == "tibia.l");
  CHECK(sbl["text"]["what"]["client"].get<std::string>().find("back of the body") != std::string::npos);

  const Json& spl_r = j["lines"][7];
  CHECK(spl_r["id"] == "spl.r");
  CHECK(spl_r["crosses_midline"] == true);
  CHECK(spl_r["stations"][2]["id"] == "spl.r/scapula_medial_border");
  CHECK(spl_r["stations"][2]["landmarks"] == Json::array({"scapula_medial_border.l"}));

  // Each track instance once, with its lines and whether it is shared.
  const Json* biceps = nullptr;
  for (const Json& t : j["tracks"])
    if (t["id"] == "biceps_femoris.l") biceps = &t;
  REQUIRE(biceps);
  CHECK((*biceps)["lines"] == Json::array({"sbl.l", "spl.l"}));
  CHECK((*biceps)["shared"] == true);
  CHECK((*biceps)["tissues"] == Json::array({"biceps_femoris.l"}));
  CHECK((*biceps)["from"] == "fibular_head.l");
  CHECK(j["sources"].size() == 6);

  // Deterministic: the same atlas gives the same bytes.
  CHECK(atlas_json(source_atlas()).dump() == j.dump());
}

TEST_CASE("atlas text: every line with its stations, tracks and grades") {
  std::string t = atlas_text(source_atlas());
  CHECK(t.rfind("Fascia Atlas: 12 lines, each on the left and the right (24)", 0) == 0);
  for (const char* id : kLineIds) CHECK(t.find(std::string("\n") + id + "  ") != std::string::npos);
  CHECK(t.find("sbl  Superficial Back Line  (sbl.l, sbl.r)\n") != std::string::npos);
  CHECK(t.find("spl  Spiral Line  (spl.l, spl.r), crosses the midline\n") != std::string::npos);
  CHECK(t.find("transition: strong; force transfer shown (Wilke 2016, Krause 2016)") != std::string::npos);
  CHECK(t.find("aiis -> pubic_tubercle: mechanical link through the bone, no tissue") != std::string::npos);
  CHECK(t.find("biceps femoris (long head) [biceps_femoris] shared with spl") != std::string::npos);
  CHECK(t.find("continuous only while tibia flexion <= 5 deg, none from 60 deg") != std::string::npos);
  CHECK(t.find("(lower posterior)") != std::string::npos);
}

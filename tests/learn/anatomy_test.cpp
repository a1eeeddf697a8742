#include <doctest/doctest.h>

#include <set>

#include "body/anatomy_context.h"
#include "body/bones.h"
#include "body/landmarks.h"
#include "body/skeleton.h"
#include "learn/describe.h"
#include "learn_test_util.h"

using namespace fascia;
using namespace fascia::learn;

TEST_CASE("anatomy text: every line, track, tissue and landmark of the atlas has an entry") {
  const std::vector<std::string> missing =
      missing_entries(learn_test::shipped_anatomy(), learn_test::shipped_atlas());
  std::string list;
  for (const auto& m : missing) list += m + "\n";
  CHECK_MESSAGE(missing.empty(), list);
}

TEST_CASE("anatomy text: every bone mesh of the built-in body has an entry") {
  const body::Skeleton skeleton = body::make_skeleton({});
  const std::vector<body::Landmark> landmarks = body::make_landmarks(skeleton);
  const body::AnatomyContext context(skeleton, landmarks);
  const std::vector<body::BoneShape> bones = body::make_bone_shapes(context);
  REQUIRE(bones.size() > 100);
  std::set<std::string> missing;
  for (const body::BoneShape& b : bones)
    if (!learn_test::shipped_anatomy().find(EntryKind::Bone, b.name)) missing.insert(b.name);
  std::string list;
  for (const auto& m : missing) list += m + " ";
  CHECK_MESSAGE(missing.empty(), list);
}

TEST_CASE("anatomy text: muscles carry origin, insertion and action, everything cites a listed source") {
  const Anatomy& a = learn_test::shipped_anatomy();
  int muscles = 0;
  for (const AnatomyEntry& e : a.entries) {
    INFO(e.file << " " << e.json_path << " " << e.id);
    CHECK(!e.description.empty());
    CHECK(e.description.size() < 400);  // short: an inspector card, not a textbook page
    if (e.kind != EntryKind::Track) CHECK(!e.name.empty());
    if (e.tissue_kind == "muscle") {
      ++muscles;
      CHECK(!e.origin.empty());
      CHECK(!e.insertion.empty());
      CHECK(!e.action.empty());
    }
    for (const std::string& s : e.sources) CHECK(a.sources.count(s) == 1);
  }
  CHECK(muscles >= 50);
  const AnatomyEntry* g = a.find(EntryKind::Tissue, "gastrocnemius.r");
  REQUIRE(g);
  CHECK(g->name == "Gastrocnemius");
  CHECK(g->insertion.find("calcaneus") != std::string::npos);
}

TEST_CASE("anatomy text: a broken entry names the file, the JSON path and the problem") {
  Anatomy a;
  auto s = parse_anatomy_file(R"({"kind": "tissue", "entries": [
      {"id": "x", "kind": "muscle", "name": "X", "description": "d", "sources": ["Moore 2018"], "origin": "o", "insertion": "i"}]})",
                              "tissues.json", a);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message == "tissues.json: at $.entries[0]: missing required field 'action'");
  CHECK(s.error().exit_status() == 2);

  auto dup = parse_anatomy_file(R"({"kind": "bone", "entries": [
      {"id": "femur", "name": "Femur", "description": "d", "sources": ["Gray 2020"]},
      {"id": "femur", "name": "Femur", "description": "d", "sources": ["Gray 2020"]}]})",
                                "bones.json", a);
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.error().message == "bones.json: at $.entries[1]: \"femur\" is described twice");

  auto kind = parse_anatomy_file(R"({"kind": "organ", "entries": []})", "x.json", a);
  REQUIRE_FALSE(kind.ok());
  CHECK(kind.error().message.find("x.json: at $.kind: unknown kind \"organ\"") == 0);
}

TEST_CASE("names: every id the window shows has a full English name, the id only for developers") {
  const Anatomy& a = learn_test::shipped_anatomy();
  const atlas::Atlas& at = learn_test::shipped_atlas();
  CHECK(display_name(a, at, "sbl.l") == "Superficial Back Line (left)");
  CHECK(display_name(a, at, "sbl.r/femoral_condyles") == "Femoral condyles (posterior) (right)");
  CHECK(display_name(a, at, "biceps_femoris.r") == "Biceps femoris (right)");  // the muscle, and its track
  CHECK(display_name(a, at, "sbl.medial_hamstrings.r") == "Semitendinosus and semimembranosus (right)");
  CHECK(display_name(a, at, "sbl.galea") == "Galea aponeurotica (epicranial fascia)");
  CHECK(display_name(a, at, "gastrocnemius.l") == "Gastrocnemius (left)");
  CHECK(display_name(a, at, "femur.r") == "Femur (right)");
  CHECK(display_name(a, at, "vertebra_t7") == "Seventh thoracic vertebra (T7)");
  CHECK(display_name(a, at, "skin") == "Skin");
  CHECK(display_name(a, at, "no_such_thing") == "no_such_thing");
  // No station, track or line is left with a raw id for a name.
  for (const atlas::Line& l : at.lines) {
    for (const atlas::Point& p : l.points) {
      const std::string id = l.id + ".l/" + p.id;
      CHECK_MESSAGE(display_name(a, at, id) != id, id);
    }
  }
  for (const atlas::Track& t : at.tracks) CHECK_MESSAGE(display_name(a, at, t.id) != t.id, t.id);
}

TEST_CASE("inspector: a muscle shows its attachments, lines, tracks and sources") {
  const Inspection i =
      inspect(learn_test::shipped_anatomy(), learn_test::shipped_atlas(), "biceps_femoris.l");
  CHECK(i.kind == IdKind::Tissue);
  CHECK(i.kind_label == "muscle");
  CHECK(i.name == "Biceps femoris (left)");
  CHECK(i.origin.find("ischial tuberosity") != std::string::npos);
  CHECK(i.insertion.find("fibula") != std::string::npos);
  CHECK(i.lines == std::vector<std::string>{"sbl", "spl"});
  CHECK(i.tracks == std::vector<std::string>{"biceps_femoris"});
  CHECK(i.evidence.size() >= 3);  // its ends in both lines
  REQUIRE(!i.sources.empty());
  CHECK(i.sources[0].find("Clinically Oriented Anatomy") != std::string::npos);

  const Inspection st =
      inspect(learn_test::shipped_anatomy(), learn_test::shipped_atlas(), "sbl.l/femoral_condyles");
  CHECK(st.kind_label == "station");
  REQUIRE(st.evidence.size() == 1);
  CHECK(st.evidence[0].find("strong") != std::string::npos);
  CHECK(st.evidence[0].find("depends on posture") != std::string::npos);

  const Inspection line = inspect(learn_test::shipped_anatomy(), learn_test::shipped_atlas(), "sfl.r");
  CHECK(line.kind_label == "line");
  CHECK(line.evidence.size() == 7);
  for (const std::string& e : line.evidence) CHECK(e.find(": none") != std::string::npos);
}

TEST_CASE("evidence badges: every grade has a label and a one-line explanation") {
  for (auto g : {atlas::Grade::Strong, atlas::Grade::Moderate, atlas::Grade::Limited, atlas::Grade::None,
                 atlas::Grade::NotAssessed}) {
    const Badge b = grade_badge(g);
    CHECK(!b.label.empty());
    CHECK(!b.explanation.empty());
    CHECK(b.explanation.find('\n') == std::string::npos);
  }
  CHECK(grade_badge(atlas::Grade::NotAssessed).label == "not assessed");
}

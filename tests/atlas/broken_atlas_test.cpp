// A broken atlas gives a precise error (file, JSON path, problem), never a crash. Each case copies
// assets/atlas into the test output folder, breaks one thing, and checks the exact message.
#include <functional>

#include "atlas_test_util.h"
#include "core/file_io.h"

using namespace fascia;
using namespace fascia::atlas;
namespace fs = std::filesystem;

namespace {

fs::path fresh_copy(const std::string& name) {
  fs::path dir = fascia::test::output_dir() / "broken_atlas" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(fascia::atlas::test::assets_atlas_dir()))
    fs::copy_file(e.path(), dir / e.path().filename());
  return dir;
}

// Replaces the first occurrence of `from` in `file` (which must be there) with `to`.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
  auto text = read_file(file);
  REQUIRE(text.ok());
  size_t at = text->find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in " << file << ": " << from);
  std::string s = *text;
  s.replace(at, from.size(), to);
  REQUIRE(write_file_atomic(file, s).ok());
}

std::string load_error(const fs::path& dir) {
  auto r = load_atlas(dir);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().exit_status() == 2);
  return r.error().message;
}

}  // namespace

TEST_CASE("broken atlas: unknown landmark id") {
  fs::path dir = fresh_copy("unknown_landmark");
  edit(dir / "sbl.json", R"("landmarks": ["calcaneus"])", R"("landmarks": ["calcaneum"])");
  CHECK(load_error(dir) ==
        (dir / "sbl.json").string() +
            ": at $.points[1].landmarks[0]: unknown landmark id 'calcaneum' (see docs/ids.md)");
}

TEST_CASE("broken atlas: unknown tissue id") {
  fs::path dir = fresh_copy("unknown_tissue");
  edit(dir / "tracks.json", R"("tissues": ["rhomboids"])", R"("tissues": ["rhomboid"])");
  CHECK(load_error(dir) == (dir / "tracks.json").string() +
                               ": at $.tracks[7].tissues[0]: unknown tissue id 'rhomboid' (see docs/ids.md)");
}

TEST_CASE("broken atlas: a track whose ends are not its stations") {
  fs::path dir = fresh_copy("track_ends");
  edit(dir / "sbl.json", R"("from": "occipital_ridge", "to": "brow_ridge")",
       R"("from": "occipital_ridge", "to": "mandible")");
  CHECK(load_error(dir) ==
        (dir / "sbl.json").string() +
            ": at $.steps[5].tracks[0]: track 'sbl.galea' runs from 'occipital_ridge' to 'mandible', "
            "which are not landmarks of this step's points 'occipital_ridge' ('occipital_ridge') "
            "and 'brow_ridge' ('brow_ridge')");
}

TEST_CASE("broken atlas: a line that does not connect") {
  fs::path dir = fresh_copy("disconnected");
  edit(dir / "sbl.json",
       R"({"from": "ischial_tuberosity", "to": "sacrum", "tracks": ["sacrotuberous_ligament"]},)", "");
  CHECK(load_error(dir) ==
        (dir / "sbl.json").string() +
            ": at $.steps: the line does not connect: no steps lead from 'toes_plantar' to 'sacrum'");
}

TEST_CASE("broken atlas: a crossing to the same side") {
  fs::path dir = fresh_copy("crossing_same_side");
  for (int i = 0; i < 3; ++i) edit(dir / "bfl.json", R"(, "side": "contralateral")", "");
  CHECK(load_error(dir) ==
        (dir / "bfl.json").string() +
            ": at $.points[2]: the crossing at 'sacrum' leads to the same side (ipsilateral on both "
            "sides of it); give the points beyond it the other side");
}

TEST_CASE("broken atlas: a change of side without a crossing, and a crossing off the midline") {
  fs::path dir = fresh_copy("side_change");
  edit(dir / "ffl.json", R"("landmarks": ["pubic_symphysis"], "crossing": true)",
       R"("landmarks": ["pubic_symphysis"])");
  CHECK(load_error(dir) ==
        (dir / "ffl.json").string() +
            ": at $.steps[2]: the line changes side between 'pubic_symphysis' (ipsilateral) and "
            "'linea_aspera' (contralateral) without crossing the midline; mark a midline point "
            "between them as a crossing");

  fs::path dir2 = fresh_copy("crossing_paired");
  edit(dir2 / "ffl.json", R"("landmarks": ["pubic_symphysis"])",
       R"("landmarks": ["pubic_symphysis", "pubic_tubercle"])");
  CHECK(load_error(dir2) ==
        (dir2 / "ffl.json").string() +
            ": at $.points[2]: 'pubic_symphysis' is marked as a crossing but its landmark "
            "'pubic_tubercle' is paired; a line crosses the midline only at a midline point");
}

TEST_CASE("broken atlas: invalid JSON") {
  fs::path dir = fresh_copy("invalid_json");
  edit(dir / "spl.json", R"("name": "Spiral Line",)", R"("name": "Spiral Line",,)");
  std::string m = load_error(dir);
  CHECK(m.rfind((dir / "spl.json").string() + ":3:", 0) == 0);
  CHECK(m.find("invalid JSON") != std::string::npos);
}

TEST_CASE("broken atlas: wrong type, missing field, unknown field, empty file, missing file") {
  fs::path dir = fresh_copy("wrong_type");
  edit(dir / "ll.json", R"("kind": "station")", R"("kind": 3)");
  CHECK(load_error(dir) ==
        (dir / "ll.json").string() + ": at $.points[0].kind: expected a string, found number");

  dir = fresh_copy("wrong_enum");
  edit(dir / "sbl.json", R"("grade": "strong")", R"("grade": "very strong")");
  CHECK(load_error(dir) ==
        (dir / "sbl.json").string() +
            ": at $.transitions[0].evidence.grade: 'very strong' is not one of strong, moderate, "
            "limited, none, not_assessed");

  dir = fresh_copy("missing_field");
  edit(dir / "ffl.json", R"("name": "Front Functional Line",)", "");
  CHECK(load_error(dir) == (dir / "ffl.json").string() + ": at $: missing required field 'name'");

  dir = fresh_copy("unknown_field");
  edit(dir / "dbal.json", R"("landmarks": ["humeral_head"])", R"("landmark": ["humeral_head"])");
  CHECK(load_error(dir) == (dir / "dbal.json").string() + ": at $.points[2]: unknown field 'landmark'");

  dir = fresh_copy("empty_file");
  REQUIRE(write_file_atomic(dir / "dfl.json", "").ok());
  CHECK(load_error(dir) == (dir / "dfl.json").string() + ": empty file, expected a JSON document");

  dir = fresh_copy("missing_file");
  fs::remove(dir / "ifl.json");
  CHECK(load_error(dir) == (dir / "ifl.json").string() + ": missing: the atlas needs all twelve lines");
}

TEST_CASE("broken atlas: duplicate ids, a missing transition, an unknown source, a mislabelled track") {
  fs::path dir = fresh_copy("duplicate_track");
  edit(dir / "sbl.json", R"({"id": "sbl.galea")", R"({"id": "biceps_femoris")");
  CHECK(load_error(dir) == (dir / "sbl.json").string() +
                               ": at $.tracks[3].id: duplicate track id 'biceps_femoris' (first defined in " +
                               (dir / "tracks.json").string() + ")");

  dir = fresh_copy("duplicate_point");
  edit(dir / "dfal.json", R"({"id": "radial_styloid")", R"({"id": "radial_tuberosity")");
  CHECK(load_error(dir) ==
        (dir / "dfal.json").string() + ": at $.points[3].id: duplicate point id 'radial_tuberosity'");

  dir = fresh_copy("missing_transition");
  edit(dir / "sbal.json", R"({"at": "deltoid_tubercle")", R"({"at": "lateral_epicondyle")");
  CHECK(load_error(dir) == (dir / "sbal.json").string() +
                               ": at $.transitions[2].at: a second transition at 'lateral_epicondyle'");

  dir = fresh_copy("no_evidence");
  edit(
      dir / "ifl.json",
      R"({"at": "asis", "evidence": {"grade": "not_assessed", "sources": ["Wilke 2016"], "force_transfer": "not_examined",
      "note": "The ipsilateral functional line was not among the lines reviewed in Wilke 2016."}})",
      "");
  edit(dir / "ifl.json", R"(Wilke 2016."}},)", R"(Wilke 2016."}})");
  CHECK(load_error(dir) ==
        (dir / "ifl.json").string() +
            ": at $.transitions: no transition at 'asis', where the line's steps meet; every "
            "transition needs its evidence");

  dir = fresh_copy("unknown_source");
  edit(dir / "ffl.json", R"("sources": ["Wilke 2016"])", R"("sources": ["Wilke 2061"])");
  CHECK(load_error(dir) ==
        (dir / "ffl.json").string() +
            ": at $.transitions[0].evidence.sources[0]: unknown source 'Wilke 2061' (see sources.json)");

  dir = fresh_copy("unlabelled_shared");
  edit(dir / "tracks.json", R"("lines": ["sfal", "bfl", "ifl"])", R"("lines": ["sfal", "bfl"])");
  CHECK(load_error(dir) ==
        (dir / "ifl.json").string() +
            ": at $.steps[0].tracks[0]: track 'latissimus_dorsi' in tracks.json is not labelled with "
            "line 'ifl' (it lists 'sfal', 'bfl')");

  dir = fresh_copy("label_unused");
  edit(dir / "tracks.json", R"("lines": ["sfal", "ffl"])", R"("lines": ["sfal", "ffl", "ifl"])");
  CHECK(load_error(dir) ==
        (dir / "tracks.json").string() +
            ": at $.tracks[9].lines[2]: track 'pectoralis_major' is labelled with line 'ifl', but "
            "no step of that line uses it");
}

TEST_CASE("broken atlas: every file cut short anywhere gives an error naming it, never a crash") {
  fs::path dir = fresh_copy("truncated");
  int cases = 0;
  for (const auto& e : fs::directory_iterator(fascia::atlas::test::assets_atlas_dir())) {
    auto text = read_file(e.path());
    REQUIRE(text.ok());
    fs::path target = dir / e.path().filename();
    for (int k = 1; k < 12; ++k) {
      size_t cut = text->size() * size_t(k) / 12;
      REQUIRE(write_file_atomic(target, text->substr(0, cut)).ok());
      auto r = load_atlas(dir);
      REQUIRE_FALSE(r.ok());
      CHECK_MESSAGE(r.error().message.rfind(target.string() + ":", 0) == 0, r.error().message);
      ++cases;
    }
    REQUIRE(write_file_atomic(target, *text).ok());
  }
  CHECK(cases == 14 * 11);
  CHECK(load_atlas(dir).ok());
}

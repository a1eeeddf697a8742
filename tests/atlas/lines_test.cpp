// The twelve lines as science.md gives them: stations in order, crossings, shared tracks, evidence.
#include <algorithm>
#include <map>
#include <set>

#include "atlas/expand.h"
#include "atlas_test_util.h"

using namespace fascia;
using namespace fascia::atlas;
using fascia::atlas::test::source_atlas;

namespace {

std::vector<const Point*> stations(const Line& line) {
  std::vector<const Point*> out;
  for (const Point& p : line.points)
    if (p.kind == PointKind::Station) out.push_back(&p);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Distinct transitions as the review counted them for this line, with their grades.
std::map<std::string, Grade> assessed(const Line& line) {
  std::map<std::string, Grade> out;
  for (const Transition& t : line.transitions) {
    if (t.evidence.assessed_as.empty() || !t.evidence.assessed_in.empty()) continue;
    auto [it, fresh] = out.emplace(t.evidence.assessed_as, t.evidence.grade);
    CHECK_MESSAGE(it->second == t.evidence.grade,
                  line.id << ": '" << t.evidence.assessed_as << "' graded twice differently");
  }
  return out;
}

}  // namespace

TEST_CASE("atlas: twelve lines, each on both sides") {
  const Atlas& atlas = source_atlas();
  REQUIRE(atlas.lines.size() == 12);
  for (size_t i = 0; i < 12; ++i) CHECK(atlas.lines[i].id == kLineIds[i]);
  ExpandedAtlas ex = expand(atlas);
  REQUIRE(ex.lines.size() == 24);
  for (const char* id : kLineIds) {
    CHECK(ex.line(std::string(id) + ".l"));
    CHECK(ex.line(std::string(id) + ".r"));
  }
  CHECK(atlas.line("sbl")->name == "Superficial Back Line");
  CHECK(atlas.line("dfl")->name == "Deep Front Line");
}

TEST_CASE("atlas: each line's stations in the order of science.md") {
  // The landmark each station must hold, in order. The trunk and leg lines run from the feet up;
  // the arm and functional lines from the trunk or humerus out, and the spiral line from the skull
  // around the body and back, as science.md writes them.
  const std::map<std::string, std::vector<std::string>> expected = {
      {"sbl",
       {"toes_plantar", "calcaneus", "femoral_condyles", "ischial_tuberosity", "sacrum", "occipital_ridge",
        "brow_ridge"}},
      {"sfl",
       {"toes_dorsal", "tibial_tuberosity", "patella", "aiis", "pubic_tubercle", "rib_5", "manubrium",
        "mastoid_process"}},
      {"ll",
       {"metatarsal_base_1", "fibular_head", "lateral_tibial_condyle", "iliac_crest", "lower_ribs", "rib_1_2",
        "mastoid_process"}},
      {"spl",
       {"mastoid_process", "upper_thoracic_spinous_processes", "scapula_medial_border", "lateral_ribs",
        "asis", "lateral_tibial_condyle", "metatarsal_base_1", "fibular_head", "ischial_tuberosity",
        "sacrum"}},
      {"sfal", {"clavicle_medial", "medial_humeral_line", "medial_epicondyle", "fingers_palmar"}},
      {"dfal",
       {"ribs_3_5", "coracoid_process", "radial_tuberosity", "radial_styloid", "scaphoid_trapezium",
        "thumb_lateral"}},
      {"sbal", {"nuchal_ligament", "acromion", "deltoid_tubercle", "lateral_epicondyle", "fingers_dorsal"}},
      {"dbal",
       {"upper_thoracic_spinous_processes", "scapula_medial_border", "humeral_head", "olecranon",
        "ulnar_styloid", "triquetrum_hamate", "little_finger_lateral"}},
      {"bfl", {"humerus_shaft", "sacrum", "femur_shaft_lateral", "patella", "tibial_tuberosity"}},
      {"ffl", {"humerus_shaft", "ribs_5_6_cartilage", "pubic_symphysis", "linea_aspera"}},
      {"ifl", {"humerus_shaft", "lower_ribs", "asis", "medial_tibial_condyle"}},
      {"dfl",
       {"plantar_tarsals", "posterior_tibia_fibula_upper", "medial_femoral_epicondyle", "ischial_ramus",
        "coccyx", "linea_aspera", "lesser_trochanter", "lumbar_bodies", "basilar_occiput",
        "cervical_transverse_processes", "xiphoid", "posterior_manubrium", "hyoid", "mandible"}},
  };
  const Atlas& atlas = source_atlas();
  for (const Line& line : atlas.lines) {
    CAPTURE(line.id);
    auto st = stations(line);
    const auto& want = expected.at(line.id);
    REQUIRE(st.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      CHECK(has(st[i]->landmarks, want[i]));
    }
  }
  // Multi-landmark stations hold all of science.md's bony points.
  const Line& ll = *atlas.line("ll");
  CHECK(ll.point("metatarsal_bases")->landmarks ==
        std::vector<std::string>{"metatarsal_base_1", "metatarsal_base_5"});
  CHECK(ll.point("iliac_crest")->landmarks == std::vector<std::string>{"iliac_crest", "asis", "psis"});
  // The spiral line is a loop: its last step returns to the skull where it began.
  const Line& spl = *atlas.line("spl");
  CHECK(spl.steps.back().from == "sacrum");
  CHECK(spl.steps.back().to == "occiput");
  CHECK(spl.steps.front().from == "occiput");
}

TEST_CASE("atlas: the steps follow the points, and linear lines are a single path") {
  for (const Line& line : source_atlas().lines) {
    CAPTURE(line.id);
    std::map<std::string, int> out_degree, in_degree;
    for (const Step& s : line.steps) {
      ++out_degree[s.from];
      ++in_degree[s.to];
    }
    if (line.id == "dfl") continue;  // branched, below
    CHECK(line.steps.front().from == line.points.front().id);
    for (size_t i = 0; i + 1 < line.steps.size(); ++i) CHECK(line.steps[i].to == line.steps[i + 1].from);
    for (const auto& [p, n] : out_degree) CHECK(n == 1);
  }
}

TEST_CASE("atlas: the deep front line's two lower and three upper branches") {
  const Line& dfl = *source_atlas().line("dfl");
  std::vector<std::string> from_knee, into_lumbar, from_lumbar;
  for (const Step& s : dfl.steps) {
    if (s.from == "medial_femoral_epicondyle") from_knee.push_back(s.branch);
    if (s.to == "lumbar_bodies") into_lumbar.push_back(s.branch);
    if (s.from == "lumbar_bodies") from_lumbar.push_back(s.branch);
  }
  CHECK(from_knee == std::vector<std::string>{"lower posterior", "lower anterior"});
  CHECK(into_lumbar == std::vector<std::string>{"lower posterior", "lower anterior"});
  CHECK(from_lumbar == std::vector<std::string>{"upper posterior", "upper middle", "upper anterior"});
  // The three upper branches end at the basilar occiput, the cervical transverse processes and the mandible.
  std::set<std::string> ends;
  std::map<std::string, int> degree;
  for (const Step& s : dfl.steps) {
    ++degree[s.from];
    ++degree[s.to];
  }
  for (const auto& [p, n] : degree)
    if (n == 1) ends.insert(p);
  CHECK(ends == std::set<std::string>{"plantar_tarsals", "basilar_occiput", "cervical_transverse_processes",
                                      "mandible"});
}

TEST_CASE("atlas: spiral, back functional and front functional lines cross where science.md says") {
  ExpandedAtlas ex = expand(source_atlas());
  auto sides_of = [&](const std::string& line) {
    std::vector<std::string> out;
    for (const StepInstance& s : ex.line(line)->steps)
      for (const auto& t : s.tracks) out.push_back(t);
    return out;
  };
  // spl.l: left splenius, across the spinous processes to the right rhomboids, serratus and external
  // oblique, back across the linea alba to the left internal oblique and down the left leg.
  CHECK(sides_of("spl.l") ==
        std::vector<std::string>{"spl.splenius.l", "rhomboids.r", "spl.serratus_anterior.r",
                                 "spl.external_oblique.r", "spl.internal_oblique.l", "tensor_fasciae_latae.l",
                                 "iliotibial_tract.l", "tibialis_anterior.l", "fibularis_longus.l",
                                 "biceps_femoris.l", "sacrotuberous_ligament.l", "erector_spinae.l"});
  CHECK(sides_of("bfl.l") == std::vector<std::string>{"latissimus_dorsi.l", "bfl.lumbodorsal_fascia.l",
                                                      "bfl.gluteus_maximus.r", "bfl.vastus_lateralis.r",
                                                      "patellar_tendon.r"});
  CHECK(sides_of("ffl.r") ==
        std::vector<std::string>{"pectoralis_major.r", "ffl.rectus_sheath.r", "ffl.adductor_longus.l"});

  const Atlas& atlas = source_atlas();
  std::map<std::string, std::vector<std::string>> crossings;
  for (const Line& line : atlas.lines)
    for (const Point& p : line.points)
      if (p.crossing) crossings[line.id].push_back(p.id);
  CHECK(crossings ==
        std::map<std::string, std::vector<std::string>>{
            {"spl", {"spinous_processes", "umbilicus"}}, {"bfl", {"sacrum"}}, {"ffl", {"pubic_symphysis"}}});

  // Every other line stays on its own side: nothing of sbl.l is on the right.
  for (const LineInstance& li : ex.lines) {
    if (li.line->crosses_midline()) continue;
    for (const StepInstance& s : li.steps)
      for (const auto& t : s.tracks)
        CHECK_MESSAGE(t.back() != (li.side == 'l' ? 'r' : 'l'), li.id << " uses " << t);
  }
}

TEST_CASE("atlas: tracks shared by several lines are one entry with several labels") {
  ExpandedAtlas ex = expand(source_atlas());
  const std::map<std::string, std::vector<std::string>> shared = {
      {"biceps_femoris.l", {"sbl.l", "spl.l"}},
      {"sacrotuberous_ligament.l", {"sbl.l", "spl.l"}},
      {"erector_spinae.l", {"sbl.l", "spl.l"}},
      {"iliotibial_tract.l", {"ll.l", "spl.l"}},
      {"tibialis_anterior.l", {"sfl.l", "spl.l"}},
      {"fibularis_longus.l", {"ll.l", "spl.l"}},
      {"rhomboids.l", {"spl.r", "dbal.l"}},
      {"latissimus_dorsi.l", {"sfal.l", "bfl.l", "ifl.l"}},
      {"pectoralis_major.l", {"sfal.l", "ffl.l"}},
      {"biceps_femoris.r", {"sbl.r", "spl.r"}},
      {"latissimus_dorsi.r", {"sfal.r", "bfl.r", "ifl.r"}},
      {"rhomboids.r", {"spl.l", "dbal.r"}},
  };
  for (const auto& entry : shared) {
    // Not a structured binding: clang 14 (make check) cannot capture one in CAPTURE's lambda.
    const auto& id = entry.first;
    const auto& lines = entry.second;
    CAPTURE(id);
    REQUIRE(ex.track(id));
    CHECK(ex.track(id)->lines == lines);
    CHECK(std::count_if(ex.tracks.begin(), ex.tracks.end(),
                        [&](const TrackInstance& t) { return t.id == id; }) == 1);
    // No other track of the atlas carries the same tissue between the same ends.
    const TrackInstance& t = *ex.track(id);
    for (const TrackInstance& o : ex.tracks) {
      if (&o == &t) continue;
      CHECK_FALSE((o.tissues == t.tissues && o.from == t.from && o.to == t.to));
    }
  }
  // Each line that lists a shared track really runs along it, on the right step.
  const Line& sbl = *source_atlas().line("sbl");
  CHECK(sbl.steps[2].tracks == std::vector<std::string>{"biceps_femoris", "sbl.medial_hamstrings"});
  // A midline track (the anterior diaphragm) is one entry for both sides.
  REQUIRE(ex.track("dfl.anterior_diaphragm"));
  CHECK(ex.track("dfl.anterior_diaphragm")->lines == std::vector<std::string>{"dfl.l", "dfl.r"});
  CHECK(ex.track("sbl.galea")->lines == std::vector<std::string>{"sbl.l", "sbl.r"});
}

TEST_CASE("atlas: evidence grades follow Wilke 2016 and Krause 2016") {
  const Atlas& atlas = source_atlas();
  auto grades = [](const std::map<std::string, Grade>& m, Grade g) {
    return std::count_if(m.begin(), m.end(), [&](const auto& kv) { return kv.second == g; });
  };
  // Superficial back line: all three transitions verified, strong; force transfer at all three.
  auto sbl = assessed(*atlas.line("sbl"));
  CHECK(sbl.size() == 3);
  CHECK(grades(sbl, Grade::Strong) == 3);
  for (const Transition& t : atlas.line("sbl")->transitions)
    if (!t.evidence.assessed_as.empty()) CHECK(t.evidence.force_transfer == ForceTransfer::Shown);
  // Back functional line: 3 of 3, strong; force transfer shown at latissimus -> gluteus maximus, not beyond.
  const Line& bfl = *atlas.line("bfl");
  auto b = assessed(bfl);
  CHECK(b.size() == 3);
  CHECK(grades(b, Grade::Strong) == 3);
  CHECK(bfl.transition("sacrum")->evidence.force_transfer == ForceTransfer::Shown);
  CHECK(bfl.transition("femur_shaft")->evidence.force_transfer == ForceTransfer::NotShown);
  // Front functional line: 2 of 2, strong; a slight, non-significant force transfer.
  const Line& ffl = *atlas.line("ffl");
  auto f = assessed(ffl);
  CHECK(f.size() == 2);
  CHECK(grades(f, Grade::Strong) == 2);
  CHECK(ffl.transition("pubic_symphysis")->evidence.force_transfer == ForceTransfer::NotShown);
  // Spiral line: 5 of 9 verified, and which ones.
  auto s = assessed(*atlas.line("spl"));
  CHECK(s.size() == 9);
  CHECK(grades(s, Grade::None) == 4);
  CHECK(grades(s, Grade::Moderate) + grades(s, Grade::Strong) == 5);
  for (const char* verified :
       {"rhomboids - serratus anterior", "serratus anterior - external oblique",
        "external oblique - contralateral internal oblique", "fibularis longus - biceps femoris",
        "biceps femoris - erector spinae (through the sacrotuberous ligament)"}) {
    CAPTURE(verified);
    REQUIRE(s.count(verified));
    CHECK(s[verified] != Grade::None);
  }
  for (const char* unverified :
       {"splenius - rhomboids", "internal oblique - tensor fasciae latae",
        "iliotibial tract - tibialis anterior", "tibialis anterior - fibularis longus"}) {
    CAPTURE(unverified);
    REQUIRE(s.count(unverified));
    CHECK(s[unverified] == Grade::None);
  }
  // Lateral line: 2 of 5.
  auto l = assessed(*atlas.line("ll"));
  CHECK(l.size() == 5);
  CHECK(grades(l, Grade::None) == 3);
  CHECK(l["gluteals and tensor fasciae latae - iliotibial tract"] == Grade::Moderate);
  CHECK(l["external oblique - fascia lata"] == Grade::Moderate);
  // Superficial front line: no verified transition at all.
  for (const Transition& t : atlas.line("sfl")->transitions) {
    CHECK(t.evidence.grade == Grade::None);
    CHECK(has(t.evidence.sources, "Wilke 2016"));
  }
  // Arm lines, the ipsilateral functional line and the deep front line were not assessed.
  for (const char* id : {"sfal", "dfal", "sbal", "dbal", "ifl", "dfl"}) {
    for (const Transition& t : atlas.line(id)->transitions) {
      CAPTURE(id);
      CHECK(t.evidence.grade == Grade::NotAssessed);
      CHECK(t.evidence.force_transfer == ForceTransfer::NotExamined);
    }
  }
  // Every transition names at least one known source.
  for (const Line& line : atlas.lines)
    for (const Transition& t : line.transitions) CHECK_FALSE(t.evidence.sources.empty());
}

TEST_CASE("atlas: posture-dependent continuity and the mechanical-only link") {
  const Atlas& atlas = source_atlas();
  const Transition* knee = atlas.line("sbl")->transition("femoral_condyles");
  REQUIRE(knee);
  REQUIRE(knee->continuity);
  CHECK(knee->continuity->joint == "tibia");
  CHECK(knee->continuity->factor(0) == 1.0);
  CHECK(knee->continuity->factor(90) == 0.0);
  CHECK(knee->continuity->factor(32.5) == doctest::Approx(0.5));
  const Transition* hip = atlas.line("sfl")->transition("aiis");
  REQUIRE(hip);
  REQUIRE(hip->continuity);
  CHECK(hip->continuity->joint == "femur");
  CHECK(hip->continuity->factor(-10) == 1.0);
  CHECK(hip->continuity->factor(60) == 0.0);
  // Only these two transitions depend on posture.
  int n = 0;
  for (const Line& line : atlas.lines)
    for (const Transition& t : line.transitions) n += t.continuity ? 1 : 0;
  CHECK(n == 2);

  const Line& sfl = *atlas.line("sfl");
  auto link =
      std::find_if(sfl.steps.begin(), sfl.steps.end(), [](const Step& s) { return s.mechanical_only; });
  REQUIRE(link != sfl.steps.end());
  CHECK(link->from == "aiis");
  CHECK(link->to == "pubic_tubercle");
  CHECK(link->tracks.empty());
  ExpandedAtlas ex = expand(atlas);
  CHECK(ex.line("sfl.r")->transitions[2].continuity_joint == "femur.r");
}

TEST_CASE("atlas: every line has its text for students and for clients") {
  for (const Line& line : source_atlas().lines) {
    CAPTURE(line.id);
    for (const Text* t : {&line.text.what, &line.text.movement, &line.text.stretches, &line.text.when_short,
                          &line.text.feels}) {
      CHECK(t->student.size() > 60);
      CHECK(t->client.size() > 30);
      CHECK(t->student != t->client);
    }
  }
}

#include "learn/follow.h"

#include <doctest/doctest.h>

#include "learn_test_util.h"

using namespace fascia;
using namespace fascia::learn;

TEST_CASE("follow a line: the back line from the toes to the brow, station by station") {
  FollowLine f(learn_test::shipped_atlas(), learn_test::shipped_anatomy(), "sbl.r");
  REQUIRE(f.valid());
  CHECK(f.size() == 7);
  FollowCard c = f.card();
  CHECK(c.station_id == "sbl.r/toes_plantar");
  CHECK(c.title == "1 of 7 · Plantar surface of the toe phalanges (right)");
  REQUIRE(c.onward.size() == 1);
  CHECK(c.onward[0].track_id == "sbl.plantar_fascia.r");
  CHECK(c.onward[0].to_station == "sbl.r/calcaneus");
  CHECK_FALSE(c.has_transition);

  f.previous();  // stays at the first
  CHECK(f.index() == 0);
  f.next();
  f.next();
  c = f.card();
  CHECK(c.station_id == "sbl.r/femoral_condyles");
  CHECK(c.has_transition);
  CHECK(c.grade.label == "strong");
  CHECK(c.force.label == "force shown");
  CHECK(c.evidence_sources == "Wilke 2016, Krause 2016");
  CHECK(c.posture.find("Continuity depends on the knee") == 0);
  REQUIRE(c.onward.size() == 2);
  CHECK(c.onward[0].track_id == "biceps_femoris.r");
  CHECK(c.onward[1].track_id == "sbl.medial_hamstrings.r");

  for (int i = 0; i < 10; ++i) f.next();  // stops at the last
  c = f.card();
  CHECK(f.index() == 6);
  CHECK(c.station_id == "sbl.r/brow_ridge");
  CHECK(c.onward.empty());
}

TEST_CASE("follow a line: a crossing line names the tracks of the other side after the crossing") {
  FollowLine f(learn_test::shipped_atlas(), learn_test::shipped_anatomy(), "spl.l");
  REQUIRE(f.valid());
  f.go_to(1);  // at the spinous processes the splenius of the left hands over to the right rhomboids
  const FollowCard c = f.card();
  REQUIRE(c.onward.size() == 1);
  CHECK(c.onward[0].track_id == "rhomboids.r");
}

TEST_CASE("follow a line: every stop of every line has a title, a text and named tracks") {
  for (const char* id : atlas::kLineIds) {
    FollowLine f(learn_test::shipped_atlas(), learn_test::shipped_anatomy(), std::string(id) + ".l");
    REQUIRE(f.valid());
    for (size_t i = 0; i < f.size(); ++i) {
      f.go_to(i);
      const FollowCard c = f.card();
      INFO(c.station_id);
      CHECK(!c.station_text.empty());
      CHECK(c.title.find('/') == std::string::npos);
      for (const auto& o : c.onward) {
        CHECK(!o.name.empty());
        CHECK(!o.description.empty());
      }
    }
  }
  CHECK_FALSE(FollowLine(learn_test::shipped_atlas(), learn_test::shipped_anatomy(), "xyz.l").valid());
}

#include <doctest/doctest.h>

#include <cmath>

#include "session/history.h"

using namespace fascia::session;

TEST_CASE("session: a repeated restriction edits the one in force instead of stacking") {
  Session s = default_session();
  s = reduce(s, SetRestriction{{"gastrocnemius.l", 3, 2}}).value();
  s = reduce(s, SetRestriction{{"gastrocnemius.l", 5, 4}}).value();
  REQUIRE(s.restrictions.size() == 1);
  CHECK(s.restrictions[0].stiffness_x == 5);
  CHECK(s.restrictions[0].shorten_pct == 4);
  s = reduce(s, SetRestriction{{"sbl.l", 2, 0}}).value();
  CHECK(s.restrictions.size() == 2);
}

TEST_CASE("session: out-of-range values are refused with the field and the range, the session unchanged") {
  Session s = default_session();
  auto r = reduce(s, SetRestriction{{"gastrocnemius.l", 12, 0}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "restriction stiffness 12 is out of range: expected 0.1 to 10");
  CHECK(r.error().exit_status() == 2);
  CHECK_FALSE(reduce(s, SetRestriction{{"gastrocnemius.l", 2, std::nan("")}}).ok());
  CHECK_FALSE(reduce(s, SetRestriction{{"", 2, 1}}).ok());
  CHECK_FALSE(reduce(s, SetHold{{"knee.l", 400}}).ok());
  CHECK_FALSE(reduce(s, SetLayers{{1.5f, 0.5f, 1.0f}}).ok());
  CHECK_FALSE(reduce(s, ShowLines{{"sbl", "xyz"}}).ok());
  auto rel = reduce(s, StartRelease{"gastrocnemius.l", 0});
  REQUIRE_FALSE(rel.ok());
  CHECK(rel.error().message.find("no restriction") != std::string::npos);
}

TEST_CASE("session: removing a restriction removes its release, reset keeps the notes") {
  Session s = default_session();
  s = reduce(s, SetRestriction{{"gastrocnemius.l", 3, 2}}).value();
  s = reduce(s, StartRelease{"gastrocnemius.l", 1.5}).value();
  REQUIRE(s.releases.size() == 1);
  s = reduce(s, RemoveRestriction{"gastrocnemius.l"}).value();
  CHECK(s.restrictions.empty());
  CHECK(s.releases.empty());
  s = reduce(s, SetNotes{"left calf tight after running"}).value();
  s = reduce(s, ShowLines{{"sbl"}}).value();
  s = reduce(s, Reset{}).value();
  CHECK(s.notes == "left calf tight after running");
  CHECK(s.visibility.lines.size() == 12);
}

TEST_CASE("session: only simulation inputs ask the sim worker to re-sync") {
  CHECK(changes_simulation(SetRestriction{{"sbl.l", 2, 0}}));
  CHECK(changes_simulation(SetHold{{"knee.l", 30}}));
  CHECK_FALSE(changes_simulation(SetCamera{}));
  CHECK_FALSE(changes_simulation(ToggleLine{"sbl"}));
  CHECK(describe(SetRestriction{{"gastrocnemius.l", 2, 0}}) == "restrict gastrocnemius.l");
}

TEST_CASE("history: undo and redo walk the values, a slider drag is one step") {
  History h;
  REQUIRE(h.apply(SetRestriction{{"gastrocnemius.l", 2, 0}}));
  // A drag: many values under one merge key.
  for (double k = 2.5; k <= 8; k += 0.5)
    REQUIRE(h.apply(SetRestriction{{"gastrocnemius.l", k, 0}}, "stiffness"));
  h.end_merge();
  CHECK(h.current().restrictions[0].stiffness_x == 8);
  CHECK(h.undo_depth() == 2);
  REQUIRE(h.undo());
  CHECK(h.current().restrictions[0].stiffness_x == 2);
  REQUIRE(h.undo());
  CHECK(h.current().restrictions.empty());
  CHECK_FALSE(h.undo());
  REQUIRE(h.redo());
  REQUIRE(h.redo());
  CHECK(h.current().restrictions[0].stiffness_x == 8);
  CHECK_FALSE(h.redo());
  // A new action after an undo drops the redo branch.
  REQUIRE(h.undo());
  REQUIRE(h.apply(ToggleLine{"sbl"}));
  CHECK_FALSE(h.can_redo());
}

TEST_CASE("history: a refused or empty action adds no step") {
  History h;
  uint64_t rev = h.revision();
  CHECK_FALSE(h.apply(SetRestriction{{"gastrocnemius.l", 50, 0}}).ok());
  CHECK(h.apply(Select{""}).ok());  // already nothing selected
  CHECK(h.revision() == rev);
  CHECK_FALSE(h.can_undo());
}

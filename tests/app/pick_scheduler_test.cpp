#include <doctest/doctest.h>

#include "ui/pick_scheduler.h"

using fascia::vec2;
using fascia::app::PickScheduler;

TEST_CASE("picking: a hover is asked only once the cursor rests, a click at once") {
  PickScheduler p;
  p.cursor_moved(vec2(10, 20), 0.0, true);
  CHECK_FALSE(p.next(0.01).has_value());  // still moving
  p.cursor_moved(vec2(12, 21), 0.05, true);
  CHECK_FALSE(p.next(0.10).has_value());  // 50 ms after the last move
  auto at = p.next(0.05 + PickScheduler::kRestSeconds);
  REQUIRE(at.has_value());
  CHECK(at->x == 12);
  CHECK_FALSE(p.next(1.0).has_value());   // one in flight, and the rest is spent
  CHECK_FALSE(p.arrived(7).has_value());  // a hover's answer is not a selection
  CHECK(p.hovered() == 7);
  CHECK_FALSE(p.next(2.0).has_value());  // no new hover until the cursor moves again

  p.clicked(vec2(30, 40));
  auto click = p.next(2.0);
  REQUIRE(click.has_value());
  CHECK(click->y == 40);
  auto selected = p.arrived(9);
  REQUIRE(selected.has_value());
  CHECK(*selected == 9);
  CHECK(p.hovered() == 7);  // a click leaves the hover alone
}

TEST_CASE("picking: a click waits for the pick in flight, and over the panel nothing is hovered") {
  PickScheduler p;
  p.cursor_moved(vec2(5, 5), 0.0, true);
  REQUIRE(p.next(1.0).has_value());  // a hover in flight
  p.clicked(vec2(6, 6));
  CHECK_FALSE(p.next(1.01).has_value());
  CHECK_FALSE(p.arrived(3).has_value());
  CHECK(p.hovered() == 3);
  REQUIRE(p.next(1.02).has_value());  // now the click
  CHECK(p.arrived(4) == 4u);

  p.cursor_moved(vec2(100, 5), 1.1, false);  // onto the panel
  CHECK(p.hovered() == 0);
  CHECK_FALSE(p.next(5.0).has_value());
  CHECK_FALSE(p.arrived(11).has_value());  // a stray answer with nothing in flight changes nothing
  CHECK(p.hovered() == 0);
}

TEST_CASE("picking: due() tells the frame loop a pick waits without taking it") {
  PickScheduler p;
  p.cursor_moved(vec2(10, 20), 0.0, true);
  CHECK_FALSE(p.due(0.01));
  CHECK(p.pending());
  // The frame loop asks due() to decide whether to draw, then next() after the panels: the hover
  // must still be there (it was lost when the loop's first question took it).
  REQUIRE(p.due(1.0));
  CHECK(p.due(1.0));
  auto at = p.next(1.0);
  REQUIRE(at.has_value());
  CHECK(at->x == 10);
  CHECK_FALSE(p.due(1.0));  // in flight
  CHECK_FALSE(p.arrived(5).has_value());
  CHECK(p.hovered() == 5);
}

TEST_CASE("picking: leaving the window or entering a panel clears the hover") {
  PickScheduler p;
  p.cursor_moved(vec2(10, 20), 0.0, true);
  REQUIRE(p.next(1.0).has_value());
  CHECK_FALSE(p.arrived(5).has_value());
  REQUIRE(p.hovered() == 5);
  p.cursor_left();
  CHECK(p.hovered() == 0);
  CHECK_FALSE(p.pending());

  // A hover in flight when the cursor leaves: its late answer does not bring the hover back.
  p.cursor_moved(vec2(10, 20), 2.0, true);
  REQUIRE(p.next(3.0).has_value());
  p.cursor_left();
  CHECK_FALSE(p.arrived(6).has_value());
  CHECK(p.hovered() == 0);

  p.cursor_moved(vec2(10, 20), 4.0, true);
  REQUIRE(p.next(5.0).has_value());
  CHECK_FALSE(p.arrived(6).has_value());
  p.cursor_moved(vec2(300, 20), 5.5, false);  // onto a panel
  CHECK(p.hovered() == 0);
  CHECK_FALSE(p.due(9.0));
}

TEST_CASE("picking: a view that moves under a still cursor is picked again once it rests") {
  PickScheduler p;
  p.view_moved(0.0);  // no cursor over the view: nothing to pick
  CHECK_FALSE(p.pending());
  p.cursor_moved(vec2(40, 50), 0.0, true);
  REQUIRE(p.next(1.0).has_value());
  CHECK_FALSE(p.arrived(8).has_value());
  CHECK_FALSE(p.due(5.0));  // at rest: no pick until something changes
  p.view_moved(5.0);        // a camera fly
  CHECK_FALSE(p.due(5.01));
  p.view_moved(5.05);  // still flying
  CHECK_FALSE(p.due(5.1));
  auto at = p.next(5.05 + PickScheduler::kRestSeconds);
  REQUIRE(at.has_value());
  CHECK(at->x == 40);
  CHECK(at->y == 50);
  CHECK_FALSE(p.arrived(12).has_value());
  CHECK(p.hovered() == 12);
  p.cursor_left();
  p.view_moved(6.0);
  CHECK_FALSE(p.pending());
}

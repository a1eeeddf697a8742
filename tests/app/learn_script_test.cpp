// The student's script events (docs/script.md, "Learning") parse into learn events, and a bad one
// is refused with the file, the line and what was expected.
#include <doctest/doctest.h>

#include "ui/script.h"

using namespace fascia;
using namespace fascia::app;

TEST_CASE("learn script: the student's events parse, beside the therapist's") {
  auto s = parse_script(
      "press show-only sbl\n"
      "press side left\n"
      "press all\n"
      "press none\n"
      "press follow sbl\n"
      "press follow next\n"
      "press follow prev\n"
      "press lesson start sbl\n"
      "press lesson next\n"
      "press lesson back\n"
      "press quiz start\n"
      "press quiz answer right\n"
      "press quiz answer 2\n"
      "press quiz next\n"
      "press quiz done\n"
      "press quiz-only on\n"
      "press search\n"
      "type find IT band\n"
      "leave\n"
      "key enter\n"
      "expect selected gastrocnemius.l\n"
      "expect lines sbl.l\n"
      "expect follow-station sbl.l/calcaneus\n"
      "expect quiz-score 3\n"
      "press restrict\n"       // still the therapist's
      "type search erector\n"  // still the track search
      "expect selection none\n",
      "t.txt");
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
  using K = ScriptEvent::Kind;
  const auto& e = s->events;
  REQUIRE(e.size() == 27);
  for (size_t i = 0; i < 19; ++i) CHECK(e[i].kind == K::Learn);
  CHECK(e[0].name == "press");
  CHECK(e[0].text == "show-only sbl");
  CHECK(e[12].text == "quiz answer 2");
  CHECK(e[17].name == "type");
  CHECK(e[17].text == "find IT band");
  CHECK(e[18].name == "leave");
  CHECK(e[19].kind == K::Key);
  CHECK(e[19].name == "enter");
  CHECK(e[21].kind == K::Learn);
  CHECK(e[21].text == "lines sbl.l");
  CHECK(e[24].kind == K::Press);
  CHECK(e[25].kind == K::Type);
  CHECK(e[26].kind == K::Expect);
}

TEST_CASE("learn script: bad student events name the line and what was expected") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"press show-only xyz\n", "t.txt:1: press: expected 'press show-only LINE'"},
      {"press side up\n", "t.txt:1: press: expected 'press side left|right|both'"},
      {"press all of them\n", "t.txt:1: press: 'press all' takes nothing after it"},
      {"press follow\n", "t.txt:1: press: expected 'press follow LINE|next|prev'"},
      {"press lesson start\n", "t.txt:1: press: expected 'press lesson start ID'"},
      {"press quiz answer maybe\n", "t.txt:1: press: expected 'press quiz start|next|done' or"},
      {"press quiz-only yes\n", "t.txt:1: press: expected 'press quiz-only on|off'"},
      {"type find\n", "t.txt:1: type: expected 'type find TEXT'"},
      {"leave now\n", "t.txt:1: leave: takes nothing after it"},
      {"expect lines\n", "t.txt:1: expect: expected 'expect lines VALUE'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto s = parse_script(c.text, "t.txt");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::BadInput);
    CHECK_MESSAGE(s.error().message.find(c.message) != std::string::npos, s.error().message);
  }
}

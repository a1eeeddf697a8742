// `fascia view --script`: the event list parses, and a bad line is refused with the file, the line
// and the problem (the CLI then exits 2 before any window opens).
#include <doctest/doctest.h>

#include <fstream>

#include "support/test_support.h"
#include "ui/script.h"

using namespace fascia;
using namespace fascia::app;

TEST_CASE("script: every event of docs/script.md parses into its kind and values") {
  auto s = parse_script(
      "# a comment\n"
      "key ctrl+shift+z\n"
      "click gastrocnemius.l\n"
      "right-click 640 360\n"
      "hover sbl.l/calcaneus   # trailing comment\n"
      "drag 10 20 30 40 right\n"
      "wait 3 frames\n"
      "wait 0.5 s\n"
      "wait settled\n"
      "slider stiffness 4.5\n"
      "press source 2\n"
      "type search erector spinae\n"
      "screenshot out.png\n"
      "state out.json\n"
      "expect restrictions 1\n"
      "quit\n",
      "t.txt");
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
  using K = ScriptEvent::Kind;
  const auto& e = s->events;
  REQUIRE(e.size() == 15);
  CHECK(e[0].kind == K::Key);
  CHECK(e[0].name == "ctrl+shift+z");
  CHECK(e[0].line == 2);
  CHECK(e[1].kind == K::Click);
  CHECK(e[1].name == "gastrocnemius.l");
  CHECK_FALSE(e[1].at_pixel);
  CHECK(e[2].right);
  CHECK(e[2].at_pixel);
  CHECK(e[2].from.x == 640);
  CHECK(e[3].kind == K::Hover);
  CHECK(e[3].name == "sbl.l/calcaneus");
  CHECK(e[4].kind == K::Drag);
  CHECK(e[4].right);
  CHECK(e[4].to.y == 40);
  CHECK(e[5].kind == K::WaitFrames);
  CHECK(e[5].number == 3);
  CHECK(e[6].kind == K::WaitSeconds);
  CHECK(e[6].number == doctest::Approx(0.5));
  CHECK(e[7].kind == K::WaitSettled);
  CHECK(e[8].kind == K::Slider);
  CHECK(e[8].number == doctest::Approx(4.5));
  CHECK(e[9].kind == K::Press);
  CHECK(e[9].name == "source");
  CHECK(e[9].number == 2);
  CHECK(e[10].text == "erector spinae");
  CHECK(e[11].kind == K::Screenshot);
  CHECK(e[12].kind == K::State);
  CHECK(e[13].kind == K::Expect);
  CHECK(e[13].text == "1");
  CHECK(e[14].kind == K::Quit);
}

TEST_CASE("script: the wheel and the main panel's view buttons parse") {
  auto s = parse_script("scroll -2.5\npress view back\npress view front\n", "t.txt");
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
  REQUIRE(s->events.size() == 3);
  CHECK(s->events[0].kind == ScriptEvent::Kind::Scroll);
  CHECK(s->events[0].number == doctest::Approx(-2.5));
  CHECK(s->events[1].kind == ScriptEvent::Kind::Press);
  CHECK(s->events[1].name == "view-back");  // the button's script name
  CHECK(s->events[2].name == "view-front");
}

TEST_CASE("script: bad lines name the file, the line and the problem") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"wait 3\n", "t.txt:1: wait: expected 'wait N frames'"},
      {"\n\nfly away\n", "t.txt:3: unknown event 'fly'"},
      {"key ctrl+x\n", "t.txt:1: key: expected 'key SPEC'"},
      {"slider speed 3\n", "t.txt:1: slider: expected 'slider NAME VALUE'"},
      {"slider stiffness fast\n", "t.txt:1: slider:"},
      {"press nothing\n", "t.txt:1: press: expected 'press BUTTON'"},
      {"press source 0\n", "t.txt:1: press: expected 'press source N'"},
      {"screenshot out.jpg\n", "t.txt:1: screenshot: expected 'screenshot FILE.png'"},
      {"drag 1 2 3\n", "t.txt:1: drag: expected 'drag X0 Y0 X1 Y1 [left|right]'"},
      {"click 1 2 3\n", "t.txt:1: click: expected"},
      {"expect restrictions many\n", "t.txt:1: expect: expected 'expect restrictions N'"},
      {"quit now\n", "t.txt:1: quit: takes nothing after it"},
      {"wait 700 s\n", "t.txt:1: wait:"},
      {"scroll\n", "t.txt:1: scroll: expected 'scroll N'"},
      {"scroll 99\n", "t.txt:1: scroll: expected 'scroll N'"},
      {"press view up\n", "t.txt:1: press: expected 'press view front|back|left|right'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto s = parse_script(c.text, "t.txt");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::BadInput);
    CHECK_MESSAGE(s.error().message.find(c.message) != std::string::npos, s.error().message);
  }
}

TEST_CASE("script: fascia view --script with a bad file exits 2 naming the file and line") {
  auto file = test::output_dir() / "bad_script.txt";
  {
    std::ofstream out(file);
    out << "key 2\nwait forever\n";
  }
  auto r = test::run_fascia("view --script '" + file.string() + "'");
  CHECK(r.status == 2);
  CHECK_MESSAGE(r.output.find("bad_script.txt:2: wait: expected") != std::string::npos, r.output);
  auto missing = test::run_fascia("view --script /nonexistent/s.txt");
  CHECK(missing.status == 2);
  CHECK(missing.output.find("/nonexistent/s.txt: cannot open the script") != std::string::npos);
}

TEST_CASE("script: the therapist's session events parse, and bad ones say what was expected") {
  auto s = parse_script(
      "clock fast\npress release\nwait treatment\npress stretch\nslider depth 0.8\nslider traction 10\n"
      "key f11\nkey ctrl+s\nkey ctrl+o\nkey ctrl+q\ntype label Client A\ntype notes Tight calf.\n"
      "press recent 1\nclose-window\nexpect present on\nexpect saved yes\nexpect treatment running\n",
      "t.txt");
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
  REQUIRE(s->events.size() == 17);
  CHECK(s->events[0].kind == ScriptEvent::Kind::Clock);
  CHECK(s->events[0].name == "fast");
  CHECK(s->events[2].kind == ScriptEvent::Kind::WaitTreatment);
  CHECK(s->events[10].text == "Client A");
  CHECK(s->events[12].number == 1);
  CHECK(s->events[13].kind == ScriptEvent::Kind::CloseWindow);
  // The handout from the window (app/ui/handout_export.h).
  auto h = parse_script("press export-handout\nwait handout\nexpect handout written\n", "t.txt");
  REQUIRE_MESSAGE(h.ok(), (h.ok() ? "" : h.error().message));
  REQUIRE(h->events.size() == 3);
  CHECK(h->events[0].kind == ScriptEvent::Kind::Press);
  CHECK(h->events[0].name == "export-handout");
  CHECK(h->events[1].kind == ScriptEvent::Kind::WaitHandout);
  CHECK(h->events[2].kind == ScriptEvent::Kind::Expect);
  CHECK(h->events[2].text == "written");
  struct Bad {
    const char* text;
    const char* message;
  };
  for (const Bad& c :
       {Bad{"clock slow\n", "t.txt:1: clock: expected 'clock fast' or 'clock real'"},
        Bad{"press recent\n", "t.txt:1: press: expected 'press recent N'"},
        Bad{"type path x\n", "t.txt:1: type: expected 'type search TEXT'"},
        Bad{"close-window now\n", "t.txt:1: close-window: takes nothing after it"},
        Bad{"press export-handout now\n", "t.txt:1: press: 'press export-handout' takes nothing"},
        Bad{"wait handouts\n", "or 'wait handout'"}}) {
    CAPTURE(c.text);
    auto b = parse_script(c.text, "t.txt");
    REQUIRE_FALSE(b.ok());
    CHECK_MESSAGE(b.error().message.find(c.message) != std::string::npos, b.error().message);
  }
}

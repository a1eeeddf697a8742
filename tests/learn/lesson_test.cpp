#include "learn/lesson.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "atlas/expand.h"
#include "learn/describe.h"
#include "learn_test_util.h"

using namespace fascia;
using namespace fascia::learn;

namespace {
const std::vector<Lesson>& shipped_lessons() {
  static const Result<std::vector<Lesson>> l =
      load_lessons(learn_test::assets() / "lessons", learn_test::shipped_context());
  if (!l) FAIL("assets/lessons does not load: " << l.error().message);
  return l.value();
}

std::string lesson_with_step(const std::string& step) {
  return R"({"id": "t", "title": "T", "steps": [)" + step + "]}";
}
}  // namespace

TEST_CASE("lessons: the twelve line tours, the introduction and the restriction lesson load, in order") {
  const std::vector<Lesson>& lessons = shipped_lessons();
  std::vector<std::string> ids;
  for (const Lesson& l : lessons) ids.push_back(l.id);
  CHECK(ids == std::vector<std::string>{"intro", "sbl", "sfl", "ll", "spl", "sfal", "dfal", "sbal", "dbal",
                                        "bfl", "ffl", "ifl", "dfl", "restriction"});
  int questions = 0;
  for (const Lesson& l : lessons) {
    INFO(l.file);
    CHECK(l.steps.size() >= 4);
    if (!l.line.empty()) CHECK(l.line == l.id);
    for (const LessonStep& s : l.steps) questions += s.question.has_value();
  }
  CHECK(questions >= 14);
}

TEST_CASE("lessons: each line's tour visits every station of its line") {
  for (const Lesson& l : shipped_lessons()) {
    if (l.line.empty()) continue;
    const atlas::Line* line = learn_test::shipped_atlas().line(l.line);
    REQUIRE(line);
    std::set<std::string> framed;
    for (const LessonStep& s : l.steps)
      if (auto slash = s.frame.find('/'); slash != std::string::npos)
        framed.insert(s.frame.substr(slash + 1));
    for (const atlas::Point& p : line->points)
      CHECK_MESSAGE(framed.count(p.id) == 1, l.id << " skips " << p.id);
  }
}

TEST_CASE("lessons: every highlighted track names an instance the scene draws") {
  const atlas::ExpandedAtlas ex = atlas::expand(learn_test::shipped_atlas());
  for (const Lesson& l : shipped_lessons())
    for (const LessonStep& s : l.steps)
      for (const std::string& h : s.highlight) {
        INFO(l.file << " " << s.json_path << " " << h);
        const IdKind k = id_kind(learn_test::shipped_anatomy(), learn_test::shipped_atlas(), h);
        if (k == IdKind::Track) CHECK(ex.track(h) != nullptr);
        if (k == IdKind::Line) CHECK(ex.line(h) != nullptr);
      }
}

TEST_CASE("lessons: the player steps forward and back and shows progress") {
  const Lesson& sbl = shipped_lessons()[1];
  LessonPlayer p(sbl);
  CHECK(p.progress_text() == "Step 1 of " + std::to_string(sbl.steps.size()));
  CHECK(p.progress_fraction() == 0);
  p.back();
  CHECK(p.index() == 0);
  p.next();
  CHECK(p.step().frame == "sbl.l/toes_plantar");
  for (size_t i = 0; i < 50; ++i) p.next();
  CHECK(p.at_end());
  CHECK(p.progress_fraction() == 1);
  LessonPlayer resumed(sbl, 3);
  CHECK(resumed.index() == 3);
  LessonPlayer clamped(sbl, 999);
  CHECK(clamped.index() == sbl.steps.size() - 1);
}

TEST_CASE("lessons: a lesson question is graded like a quiz item") {
  const Lesson& intro = shipped_lessons()[0];
  const LessonStep& last = intro.steps.back();
  REQUIRE(last.question.has_value());
  CHECK(last.question->kind == QuizKind::Choice);
  CHECK(grade(*last.question, {"Superficial Back Line"}, learn_test::shipped_atlas(),
              learn_test::shipped_anatomy())
            .correct);
  CHECK_FALSE(
      grade(*last.question, {"Deep Front Line"}, learn_test::shipped_atlas(), learn_test::shipped_anatomy())
          .correct);
}

TEST_CASE("lessons: bad files give the file, the JSON path and the problem") {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"{", "t.json:1:2: invalid JSON"},
      {R"({"id": "t", "title": "T", "steps": []})", "t.json: at $.steps: a lesson needs at least one step"},
      {R"({"title": "T", "steps": []})", "t.json: at $: missing required field 'id'"},
      {lesson_with_step(R"({"title": "a"})"), "t.json: at $.steps[0]: missing required field 'text'"},
      {lesson_with_step(R"({"title": "a", "text": "b", "camera": "top"})"),
       "t.json: at $.steps[0]: \"camera\" must be front, back, left or right, not \"top\""},
      {lesson_with_step(R"({"title": "a", "text": "b", "lines": ["sbl", "xyz"]})"),
       "t.json: at $.steps[0].lines[1]: \"xyz\" is not a line id"},
      {lesson_with_step(R"({"title": "a", "text": "b", "highlight": ["sbl.l", "toenail.l"]})"),
       "t.json: at $.steps[0].highlight[1]: \"toenail.l\" is not a line, station, track, muscle or bone id"},
      {lesson_with_step(R"({"title": "a", "text": "b", "frame": "sbl.l/nowhere"})"),
       "t.json: at $.steps[0].frame: \"sbl.l/nowhere\" is not"},
      {lesson_with_step(R"({"title": "a", "text": "b", "highlight": ["sbl.gastrocnemius"]})"),
       "t.json: at $.steps[0].highlight[0]: \"sbl.gastrocnemius\" is not a track the scene draws"},
      {lesson_with_step(R"({"title": "a", "text": "b", "side": "top"})"),
       "t.json: at $.steps[0]: \"side\" must be left, right or both"},
      {lesson_with_step(R"({"title": "a", "text": "b", "pose": "handstand"})"),
       "t.json: at $.steps[0]: \"pose\": no pose \"handstand\" in assets/poses"},
      {lesson_with_step(
           R"({"title": "a", "text": "b", "restrict": [{"target": "sbl.gastrocnemius.l", "stiffness": 50}]})"),
       "t.json: at $.steps[0].restrict[0].stiffness:"},
      {lesson_with_step(R"({"title": "a", "text": "b", "question": {"kind": "riddle"}})"),
       "t.json: at $.steps[0].question: unknown question kind \"riddle\""},
      {lesson_with_step(R"({"title": "a", "text": "b", "question": {"kind": "name_line", "line": "xyz"}})"),
       "t.json: at $.steps[0].question: cannot ask \"name_line:xyz\""},
      {lesson_with_step(
           R"({"title": "a", "text": "b", "question": {"kind": "choice", "prompt": "p", "choices": ["x", "y"], "answer": 2}})"),
       "t.json: at $.steps[0].question.answer:"},
  };
  for (const Case& c : cases) {
    auto l = parse_lesson(c.text, "t.json", learn_test::shipped_context());
    INFO(c.text);
    REQUIRE_FALSE(l.ok());
    CHECK_MESSAGE(l.error().message.starts_with(c.message), l.error().message);
    CHECK(l.error().exit_status() == 2);
  }
  // The id must match the file name.
  const auto dir = fascia::test::output_dir() / "learn_lessons";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "mine.json") << lesson_with_step(R"({"title": "a", "text": "b"})"); }
  auto l = load_lesson(dir / "mine.json", learn_test::shipped_context());
  REQUIRE_FALSE(l.ok());
  CHECK(l.error().message ==
        (dir / "mine.json").string() + ": at $.id: \"t\" differs from the file name \"mine\"");
}

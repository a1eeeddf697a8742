#include "learn/quiz.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "learn/quiz_run.h"
#include "learn_test_util.h"

using namespace fascia;
using namespace fascia::learn;

namespace {
const atlas::Atlas& A() {
  return learn_test::shipped_atlas();
}
const Anatomy& T() {
  return learn_test::shipped_anatomy();
}

QuizItem item(const std::string& key, uint64_t seed = 7) {
  auto q = make_item(key, A(), T(), seed);
  REQUIRE_MESSAGE(q.has_value(), key);
  return *q;
}
}  // namespace

TEST_CASE("quiz: name the highlighted line, graded against the line id") {
  const QuizItem q = item("name_line:sbl");
  CHECK(q.kind == QuizKind::NameLine);
  CHECK(q.choices.size() == 4);
  CHECK(std::count(q.choices.begin(), q.choices.end(), "sbl") == 1);
  CHECK(std::set<std::string>(q.choices.begin(), q.choices.end()).size() == 4);
  REQUIRE(q.highlight.size() == 1);
  CHECK((q.highlight[0] == "sbl.l" || q.highlight[0] == "sbl.r"));
  CHECK(q.hide_names);  // the label would give the answer away

  QuizGrade right = grade(q, {"sbl"}, A(), T());
  CHECK(right.correct);
  CHECK(right.score == 1);
  CHECK(right.feedback == "Right: Superficial Back Line.");
  CHECK(grade(q, {"sbl.r"}, A(), T()).correct);  // a side does not matter
  QuizGrade wrong = grade(q, {"sfl"}, A(), T());
  CHECK_FALSE(wrong.correct);
  CHECK(wrong.score == 0);
  CHECK(wrong.feedback == "Not quite: it is Superficial Back Line. You chose Superficial Front Line.");
  CHECK_FALSE(grade(q, {}, A(), T()).correct);
  CHECK_FALSE(grade(q, {"sbl", "sfl"}, A(), T()).correct);
}

TEST_CASE("quiz: put these stations in order, with part marks") {
  const QuizItem q = item("order_stations:sbl:0");
  REQUIRE(q.answer.size() == 6);
  CHECK(q.answer.front() == "sbl.l/toes_plantar");
  CHECK(q.answer.back() == "sbl.l/occipital_ridge");
  CHECK(q.choices != q.answer);  // shuffled, never given away in order
  CHECK(std::is_permutation(q.choices.begin(), q.choices.end(), q.answer.begin()));

  CHECK(grade(q, q.answer, A(), T()).correct);
  std::vector<std::string> swapped = q.answer;
  std::swap(swapped[0], swapped[1]);
  QuizGrade g = grade(q, swapped, A(), T());
  CHECK_FALSE(g.correct);
  CHECK(g.score == doctest::Approx(4.0 / 6.0));
  CHECK(g.feedback.find("4 of 6 in place") != std::string::npos);
  CHECK(g.feedback.find("Plantar surface of the toe phalanges") != std::string::npos);

  // The window for the end of a long line; a branched line (dfl) is not asked in order.
  const QuizItem tail = item("order_stations:spl:6");
  CHECK(tail.answer.back() == "spl.l/sacrum");
  CHECK_FALSE(make_item("order_stations:dfl:0", A(), T(), 1).has_value());
  CHECK_FALSE(make_item("order_stations:sbl:x", A(), T(), 1).has_value());
}

TEST_CASE("quiz: click the structure named accepts the muscle, a track made of it, or its station") {
  const QuizItem q = item("click_structure:gastrocnemius");
  CHECK(q.prompt.find("Gastrocnemius") != std::string::npos);
  CHECK(grade(q, {"gastrocnemius.l"}, A(), T()).correct);
  CHECK(grade(q, {"gastrocnemius.r"}, A(), T()).correct);
  CHECK(grade(q, {"sbl.gastrocnemius.l"}, A(), T()).correct);  // the track drawn over it
  QuizGrade wrong = grade(q, {"tibia.l"}, A(), T());
  CHECK_FALSE(wrong.correct);
  CHECK(wrong.feedback == "Not quite: you clicked Tibia (left); it is highlighted now.");
  CHECK_FALSE(grade(q, {}, A(), T()).correct);
}

TEST_CASE("quiz: which lines share this track, graded as a set") {
  const QuizItem q = item("shared_track:latissimus_dorsi");
  CHECK(q.answer == std::vector<std::string>{"sfal", "bfl", "ifl"});
  CHECK(q.choices.size() == 12);
  CHECK(grade(q, {"ifl", "sfal", "bfl"}, A(), T()).correct);
  QuizGrade part = grade(q, {"sfal", "bfl"}, A(), T());
  CHECK_FALSE(part.correct);
  CHECK(part.score == doctest::Approx(2.0 / 3.0));
  QuizGrade extra = grade(q, {"sfal", "bfl", "ifl", "sbl"}, A(), T());
  CHECK_FALSE(extra.correct);
  CHECK(extra.score == doctest::Approx(2.0 / 3.0));
  CHECK_FALSE(make_item("shared_track:sbl.galea", A(), T(), 1).has_value());  // one line only
}

TEST_CASE("quiz: the pool covers every kind and every key builds an item whose own answer is right") {
  const std::vector<std::string> keys = quiz_keys(A(), T());
  std::set<QuizKind> kinds;
  for (const std::string& key : keys) {
    const QuizItem q = item(key, 3);
    INFO(key);
    CHECK(q.key == key);
    kinds.insert(q.kind);
    if (q.kind != QuizKind::ClickStructure)
      CHECK(grade(q, q.answer, A(), T()).correct);
    else
      CHECK(grade(q, {q.answer[0] + ".l"}, A(), T()).correct);
  }
  CHECK(kinds.size() == 4);
  CHECK(std::count_if(keys.begin(), keys.end(), [](auto& k) { return k.starts_with("shared_track:"); }) ==
        11);
  CHECK(std::count_if(keys.begin(), keys.end(), [](auto& k) { return k.starts_with("name_line:"); }) == 12);
  CHECK_FALSE(make_item("nonsense", A(), T(), 1).has_value());
  CHECK_FALSE(make_item("name_line:xyz", A(), T(), 1).has_value());
}

TEST_CASE("quiz run: score, missed items, and spaced review brings them back next time") {
  Progress progress;
  QuizOptions options;
  options.count = 6;
  options.seed = 42;
  std::vector<QuizItem> first = make_quiz(A(), T(), progress, options);
  REQUIRE(first.size() == 6);
  CHECK(make_quiz(A(), T(), progress, options).front().key == first.front().key);  // deterministic

  QuizRun run(A(), T(), first);
  // Miss the first two, answer the rest right.
  for (size_t i = 0; i < first.size(); ++i) {
    const QuizItem& q = *run.current();
    QuizAnswer a = q.kind == QuizKind::ClickStructure ? QuizAnswer{q.answer[0] + ".l"} : q.answer;
    if (i < 2) a = {"wrong"};
    run.answer(a);
  }
  CHECK(run.finished());
  CHECK(run.correct() == 4);
  REQUIRE(run.missed().size() == 2);
  run.record(progress);
  CHECK(progress.quizzes_taken == 1);
  REQUIRE(progress.history.size() == 1);
  CHECK(progress.history[0].correct == 4);
  CHECK(progress.history[0].total == 6);

  const std::vector<QuizItem> second = make_quiz(A(), T(), progress, options);
  REQUIRE(second.size() == 6);
  const std::set<std::string> missed{first[0].key, first[1].key};
  CHECK(std::set<std::string>{second[0].key, second[1].key} == missed);
  // The ones answered right are not due yet: fresh items fill the rest.
  for (size_t i = 2; i < second.size(); ++i)
    for (size_t j = 2; j < first.size(); ++j) CHECK(second[i].key != first[j].key);

  // Only one kind, when asked.
  options.kinds = {QuizKind::NameLine};
  for (const QuizItem& q : make_quiz(A(), T(), Progress{}, options)) CHECK(q.kind == QuizKind::NameLine);
}

TEST_CASE("quiz run: a quiz of four or more items asks all four kinds, for any seed") {
  for (uint64_t seed : {1ull, 17ull, 42ull, 7919ull * 3 + 17, 123456789ull}) {
    for (size_t count : {4u, 8u}) {
      QuizOptions options;
      options.count = count;
      options.seed = seed;
      const std::vector<QuizItem> quiz = make_quiz(A(), T(), Progress{}, options);
      REQUIRE(quiz.size() == count);
      std::set<QuizKind> kinds;
      for (const QuizItem& q : quiz) kinds.insert(q.kind);
      CAPTURE(seed);
      CAPTURE(count);
      CHECK(kinds == std::set<QuizKind>{QuizKind::NameLine, QuizKind::OrderStations, QuizKind::ClickStructure,
                                        QuizKind::SharedTrack});
      std::set<std::string> keys;
      for (const QuizItem& q : quiz) keys.insert(q.key);
      CHECK(keys.size() == quiz.size());  // no item twice
    }
  }
  // Three items cannot hold four kinds: drawn as they come, still without repeats.
  QuizOptions three;
  three.count = 3;
  CHECK(make_quiz(A(), T(), Progress{}, three).size() == 3);
}

TEST_CASE("review queue: a Leitner box per item, counted in quizzes") {
  ReviewQueue r;
  r.record("a", false, 1);
  r.record("b", true, 1);
  CHECK(r.due(2) == std::vector<std::string>{"a"});  // b (box 1) waits two quizzes
  CHECK(r.due(3) == std::vector<std::string>{"a", "b"});
  r.record("a", true, 2);
  r.record("a", true, 4);
  CHECK(r.items().at("a").box == 2);
  CHECK(r.items().at("a").due == 8);
  CHECK(r.missed().empty());
  r.record("a", false, 8);
  CHECK(r.items().at("a").box == 0);
  CHECK(r.missed() == std::vector<std::string>{"a"});
  for (int i = 0; i < 20; ++i) r.record("b", true, 10 + i);
  CHECK(r.items().at("b").box == ReviewQueue::kMaxBox);
}

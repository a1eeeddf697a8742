// A lesson file (app/learn/lesson.h) validated against the shipped atlas and anatomy text: it loads
// or gives an error naming the file; a lesson that loads has steps, each with text.
#include <string>

#include "atlas/atlas.h"
#include "core/paths.h"
#include "fuzz/targets.h"
#include "learn/anatomy.h"
#include "learn/lesson.h"

namespace fascia::fuzz {

void lesson_file(const uint8_t* data, size_t size) {
  struct Shipped {
    atlas::Atlas atlas;
    learn::Anatomy anatomy;
  };
  static const Shipped shipped = [] {
    auto a = atlas::load_atlas(assets_dir() / "atlas");
    if (!a) invariant_failed("loading the shipped atlas", a.error().message);
    auto t = learn::load_anatomy(assets_dir() / "anatomy");
    if (!t) invariant_failed("loading the shipped anatomy text", t.error().message);
    return Shipped{std::move(*a), std::move(*t)};
  }();
  const learn::LessonContext ctx{&shipped.atlas, &shipped.anatomy, {"neutral", "forward_bend", "squat"}};
  const std::string file = "fuzz_lesson.json";
  auto lesson = learn::parse_lesson(std::string_view(reinterpret_cast<const char*>(data), size), file, ctx);
  if (!lesson) {
    FASCIA_FUZZ_CHECK(lesson.error().message.starts_with(file + ":"), lesson.error().message);
    FASCIA_FUZZ_CHECK(lesson.error().kind == ErrorKind::BadInput, lesson.error().message);
    return;
  }
  FASCIA_FUZZ_CHECK(!lesson->steps.empty(), lesson->id);
  learn::LessonPlayer player(*lesson);
  for (size_t i = 0; i < lesson->steps.size(); ++i) {
    FASCIA_FUZZ_CHECK(!player.step().text.empty(), player.step().json_path);
    if (const auto& q = player.step().question) {
      // Grading any answer (here: the right one) works and the right one is right.
      auto g = learn::grade(*q, q->answer, shipped.atlas, shipped.anatomy);
      FASCIA_FUZZ_CHECK(q->kind == learn::QuizKind::ClickStructure || g.correct, q->key);
    }
    player.next();
  }
}

}  // namespace fascia::fuzz

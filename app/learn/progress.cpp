#include "learn/progress.h"

#include <cstdlib>
#include <system_error>

#include "core/file_io.h"
#include "core/json.h"

namespace fascia::learn {
namespace {

constexpr double kMaxCount = 1e9;  // counts beyond this are corrupt, not diligent

Result<int> count_field(const JsonCursor& c, std::string_view key, double lo = 0) {
  auto f = c.field(key);
  if (!f) return f.error();
  auto v = f->number_in(lo, kMaxCount);
  if (!v) return v.error();
  if (*v != double(int(*v))) return f->error("expected a whole number");
  return int(*v);
}

}  // namespace

Result<Progress> parse_progress(std::string_view text, const std::string& file) {
  auto doc = parse_json(text, file);
  if (!doc) return doc.error();
  JsonCursor root(*doc, file);
  FASCIA_TRY(root.expect_object());
  auto version = count_field(root, "version", 1);
  if (!version) return version.error();
  if (*version != Progress::kVersion)
    return root.error("version " + std::to_string(*version) + " is not supported (expected " +
                      std::to_string(Progress::kVersion) + ")");
  Progress p;
  auto taken = count_field(root, "quizzes_taken");
  if (!taken) return taken.error();
  p.quizzes_taken = *taken;

  if (root.has("lessons")) {
    auto lessons = root.field("lessons");
    if (!lessons) return lessons.error();
    FASCIA_TRY(lessons->expect_object());
    for (const auto& [id, value] : lessons->json().items()) {
      JsonCursor l(value, file, lessons->path() + "." + id);
      FASCIA_TRY(l.expect_object());
      LessonProgress lp;
      auto step = count_field(l, "step");
      if (!step) return step.error();
      auto steps = count_field(l, "steps");
      if (!steps) return steps.error();
      auto done = l.bool_field_or("done", false);
      if (!done) return done.error();
      if (*step > *steps)
        return l.error("step " + std::to_string(*step) + " is past the lesson's " + std::to_string(*steps) +
                       " steps");
      p.lessons[id] = {*step, *steps, *done};
    }
  }
  if (root.has("history")) {
    auto history = root.field("history");
    if (!history) return history.error();
    auto n = history->array_size();
    if (!n) return n.error();
    for (size_t i = 0; i < *n; ++i) {
      auto h = history->at(i);
      if (!h) return h.error();
      FASCIA_TRY(h->expect_object());
      auto quiz = count_field(*h, "quiz", 1);
      if (!quiz) return quiz.error();
      auto correct = count_field(*h, "correct");
      if (!correct) return correct.error();
      auto total = count_field(*h, "total");
      if (!total) return total.error();
      if (*correct > *total) return h->error("more correct answers than questions");
      p.history.push_back({*quiz, *correct, *total});
    }
  }
  if (root.has("review")) {
    auto review = root.field("review");
    if (!review) return review.error();
    FASCIA_TRY(review->expect_object());
    for (const auto& [key, value] : review->json().items()) {
      JsonCursor r(value, file, review->path() + "[\"" + key + "\"]");
      FASCIA_TRY(r.expect_object());
      ReviewState s;
      auto box = r.field("box");
      if (!box) return box.error();
      auto b = box->number_in(0, ReviewQueue::kMaxBox);
      if (!b) return b.error();
      s.box = int(*b);
      for (auto [k, out] :
           {std::pair{"due", &s.due}, std::pair{"seen", &s.seen}, std::pair{"correct", &s.correct}}) {
        auto v = count_field(r, k);
        if (!v) return v.error();
        *out = *v;
      }
      if (s.correct > s.seen) return r.error("answered right more often than asked");
      p.review.items()[key] = s;
    }
  }
  return p;
}

std::string serialize_progress(const Progress& p) {
  Json j;
  j["version"] = Progress::kVersion;
  j["quizzes_taken"] = p.quizzes_taken;
  j["lessons"] = Json::object();
  for (const auto& [id, l] : p.lessons)
    j["lessons"][id] = {{"step", l.step}, {"steps", l.steps}, {"done", l.done}};
  j["history"] = Json::array();
  for (const QuizRecord& r : p.history)
    j["history"].push_back({{"quiz", r.quiz}, {"correct", r.correct}, {"total", r.total}});
  j["review"] = Json::object();
  for (const auto& [key, s] : p.review.items())
    j["review"][key] = {{"box", s.box}, {"due", s.due}, {"seen", s.seen}, {"correct", s.correct}};
  return j.dump(1) + "\n";
}

std::filesystem::path progress_path() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  std::filesystem::path base;
  if (xdg && *xdg && std::filesystem::path(xdg).is_absolute()) {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    base = std::filesystem::path(home && *home ? home : ".") / ".local" / "share";
  }
  return base / "fascia" / "progress.json";
}

Result<Progress> load_progress(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Progress{};
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_progress(*text, path.string());
}

Status save_progress(const std::filesystem::path& path, const Progress& progress) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return bad_input(path.parent_path().string() + ": cannot create the folder: " + ec.message());
  return write_file_atomic(path, serialize_progress(progress));
}

}  // namespace fascia::learn

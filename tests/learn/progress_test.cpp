#include "learn/progress.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "core/file_io.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::learn;
namespace fs = std::filesystem;

namespace {
// Sets an environment variable for one scope.
struct EnvVar {
  std::string name;
  std::string old;
  bool had = false;
  EnvVar(const char* n, const char* value) : name(n) {
    if (const char* o = std::getenv(n)) had = true, old = o;
    if (value)
      setenv(n, value, 1);
    else
      unsetenv(n);
  }
  ~EnvVar() {
    if (had)
      setenv(name.c_str(), old.c_str(), 1);
    else
      unsetenv(name.c_str());
  }
};
}  // namespace

TEST_CASE("progress: kept in $XDG_DATA_HOME/fascia, else ~/.local/share/fascia") {
  {
    EnvVar xdg("XDG_DATA_HOME", "/data/me");
    CHECK(progress_path() == fs::path("/data/me/fascia/progress.json"));
  }
  {
    EnvVar xdg("XDG_DATA_HOME", "relative/not/allowed");
    EnvVar home("HOME", "/home/student");
    CHECK(progress_path() == fs::path("/home/student/.local/share/fascia/progress.json"));
  }
}

TEST_CASE("progress: saved atomically, loaded back the same, a missing file is a fresh start") {
  const fs::path dir = test::output_dir() / "learn_progress";
  fs::remove_all(dir);
  const fs::path file = dir / "fascia" / "progress.json";
  auto fresh = load_progress(file);
  REQUIRE(fresh.ok());
  CHECK(fresh->quizzes_taken == 0);

  Progress p;
  p.quizzes_taken = 2;
  p.lessons["sbl"] = {3, 10, false};
  p.lessons["intro"] = {8, 9, true};
  p.history = {{1, 5, 8}, {2, 7, 8}};
  p.review.record("name_line:sbl", false, 2);
  p.review.record("shared_track:rhomboids", true, 2);
  REQUIRE(save_progress(file, p).ok());  // creates the folder
  int files = 0;
  for (auto& e : fs::directory_iterator(file.parent_path())) files += e.is_regular_file();
  CHECK(files == 1);  // no temporary left beside it

  auto back = load_progress(file);
  REQUIRE(back.ok());
  CHECK(back->quizzes_taken == 2);
  CHECK(back->lessons.at("sbl").step == 3);
  CHECK(back->lessons.at("intro").done);
  CHECK(back->history.size() == 2);
  CHECK(back->review.items().at("name_line:sbl").box == 0);
  CHECK(back->review.items().at("name_line:sbl").due == 3);
  CHECK(back->review.items().at("shared_track:rhomboids").box == 1);
  CHECK(serialize_progress(*back) == serialize_progress(p));
}

TEST_CASE("progress: a broken file is reported with its path and place, and left untouched") {
  const fs::path dir = test::output_dir() / "learn_progress_broken";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "progress.json";
  const std::string broken =
      R"({"version": 1, "quizzes_taken": 2, "history": [{"quiz": 1, "correct": 9, "total": 8}]})";
  REQUIRE(write_file_atomic(file, broken).ok());
  auto p = load_progress(file);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().message == file.string() + ": at $.history[0]: more correct answers than questions");
  CHECK(p.error().exit_status() == 2);
  CHECK(read_file(file).value() == broken);

  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"{\"version\": 1", "p.json:1:14: invalid JSON"},
      {R"({"version": 2, "quizzes_taken": 0})", "p.json: at $: version 2 is not supported (expected 1)"},
      {R"({"version": 1})", "p.json: at $: missing required field 'quizzes_taken'"},
      {R"({"version": 1, "quizzes_taken": -1})", "p.json: at $.quizzes_taken:"},
      {R"({"version": 1, "quizzes_taken": 1.5})", "p.json: at $.quizzes_taken: expected a whole number"},
      {R"({"version": 1, "quizzes_taken": 0, "lessons": {"sbl": {"step": 5, "steps": 3}}})",
       "p.json: at $.lessons.sbl: step 5 is past the lesson's 3 steps"},
      {R"({"version": 1, "quizzes_taken": 0, "review": {"k": {"box": 1, "due": 1, "seen": 1, "correct": 2}}})",
       "p.json: at $.review[\"k\"]: answered right more often than asked"},
      {R"([])", "p.json: at $:"},
  };
  for (const Case& c : cases) {
    auto r = parse_progress(c.text, "p.json");
    INFO(std::string(c.text));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.starts_with(c.message));
  }
}

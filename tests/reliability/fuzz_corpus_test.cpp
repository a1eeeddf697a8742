#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "fuzz/targets.h"
#include "support/test_support.h"

// The fuzz targets over their seed corpora and over every committed regression input, in the ordinary
// suite: an input that once crashed a reader must keep going through the same code cleanly.
using namespace fascia;
namespace fs = std::filesystem;

namespace {

using Target = void (*)(const uint8_t*, size_t);

// Runs `target` over every file of the folders; returns how many files it read.
int run_over(Target target, const std::vector<fs::path>& dirs) {
  int n = 0;
  for (const fs::path& dir : dirs) {
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      auto bytes = read_file(f);
      REQUIRE_MESSAGE(bytes.ok(), f.string());
      INFO(f.string());
      target(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
      ++n;
    }
  }
  return n;
}

fs::path fuzz_dir() {
  return test::tests_dir() / "fuzz";
}

}  // namespace

TEST_CASE("fuzz corpus: JSON documents, seeds and regressions") {
  int n = run_over(fuzz::json_document,
                   {fuzz_dir() / "json_document", fuzz_dir() / "regressions" / "json_document"});
  CHECK(n >= 8);
}

TEST_CASE("fuzz corpus: pose and movement files, seeds, regressions and the shipped poses") {
  int n = run_over(fuzz::movement_file,
                   {fuzz_dir() / "movement_file", fuzz_dir() / "regressions" / "movement_file",
                    test::tests_dir().parent_path() / "assets" / "poses"});
  CHECK(n >= 15);
}

TEST_CASE("fuzz corpus: atlas files, seeds and regressions") {
  int n =
      run_over(fuzz::atlas_files, {fuzz_dir() / "atlas_files", fuzz_dir() / "regressions" / "atlas_files"});
  CHECK(n >= 6);
}

TEST_CASE("fuzz corpus: model import, seeds and regressions") {
  int n = run_over(fuzz::model_import,
                   {fuzz_dir() / "model_import", fuzz_dir() / "regressions" / "model_import"});
  CHECK(n >= 8);
}

TEST_CASE("fuzz corpus: --restrict values, seeds and regressions") {
  int n = run_over(fuzz::restrict_option,
                   {fuzz_dir() / "restrict_option", fuzz_dir() / "regressions" / "restrict_option"});
  CHECK(n >= 3);
}

TEST_CASE("fuzz corpus: lesson files, seeds, regressions and the shipped lessons") {
  int n = run_over(fuzz::lesson_file, {fuzz_dir() / "lesson_file", fuzz_dir() / "regressions" / "lesson_file",
                                       test::tests_dir().parent_path() / "assets" / "lessons"});
  CHECK(n >= 18);
}

TEST_CASE("fuzz corpus: progress files, seeds and regressions") {
  int n = run_over(fuzz::progress_file,
                   {fuzz_dir() / "progress_file", fuzz_dir() / "regressions" / "progress_file"});
  CHECK(n >= 5);
}

TEST_CASE("fuzz corpus: scenario files, seeds, regressions and the shipped examples") {
  int n = run_over(fuzz::scenario_file,
                   {fuzz_dir() / "scenario_file", fuzz_dir() / "regressions" / "scenario_file",
                    test::tests_dir().parent_path() / "assets" / "scenarios",
                    test::tests_dir() / "bad_input" / "scenarios"});
  CHECK(n >= 20);
}

TEST_CASE("fuzz corpus: session files, seeds and regressions") {
  int n = run_over(fuzz::session_file,
                   {fuzz_dir() / "session_file", fuzz_dir() / "regressions" / "session_file"});
  CHECK(n >= 6);
}

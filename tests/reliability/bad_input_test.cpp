#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "body/movement.h"
#include "support/test_support.h"

// tests/bad_input/cases.txt, one row per bad input: the `fascia` binary (or, until its subcommand
// exists, the library reader it will use) must refuse it with exit status 2 and a message naming
// the problem, leave nothing behind, and never crash.
using namespace fascia;
namespace fs = std::filesystem;

namespace {

struct Case {
  int line = 0;
  std::string reader, input, expected;
};

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<Case> read_cases(const fs::path& file) {
  std::ifstream in(file);
  std::vector<Case> cases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    size_t a = line.find(" | "), b = line.rfind(" | ");
    REQUIRE_MESSAGE((a != std::string::npos && b > a),
                    file.string() << ":" << n << ": expected READER | INPUT | EXPECTED");
    cases.push_back(
        {n, trim(line.substr(0, a)), trim(line.substr(a + 3, b - a - 3)), trim(line.substr(b + 3))});
  }
  return cases;
}

std::string substitute(std::string s, const std::map<std::string, std::string>& vars) {
  for (const auto& [key, value] : vars)
    for (size_t p; (p = s.find(key)) != std::string::npos;) s.replace(p, key.size(), value);
  return s;
}

// Each argument single-quoted for the shell that runs the binary.
std::string shell_args(const std::string& input) {
  std::istringstream words(input);
  std::string out, w;
  while (words >> w) out += " '" + w + "'";
  return out;
}

// The library readers of files the command line does not read yet: each returns its error, if any.
using Reader = std::function<Status(const fs::path&)>;
const std::map<std::string, Reader>& library_readers() {
  static const body::Skeleton skeleton = body::make_skeleton({});
  static const std::map<std::string, Reader> readers = {
      {"pose",
       [](const fs::path& p) -> Status {
         auto m = body::load_movement(p, skeleton);
         if (!m) return m.error();
         return ok_status();
       }},
  };
  return readers;
}

}  // namespace

TEST_CASE("bad input: every row of tests/bad_input/cases.txt is refused cleanly") {
  const fs::path in = test::tests_dir() / "bad_input";
  const std::vector<Case> cases = read_cases(in / "cases.txt");
  REQUIRE(cases.size() >= 30);

  std::set<fs::path> used_files;
  int ran = 0;
  for (const Case& c : cases) {
    const fs::path out = test::output_dir() / "bad_input" / ("case_" + std::to_string(c.line));
    fs::remove_all(out);
    fs::create_directories(out);
    const std::map<std::string, std::string> vars = {
        {"{out}", out.string()}, {"{in}", in.string()}, {"{ro}", "/proc/self"}};
    const std::string input = substitute(c.input, vars), expected = substitute(c.expected, vars);
    INFO("cases.txt:" << c.line << ": " << c.reader << " | " << input);

    if (c.reader == "fascia") {
#ifndef FASCIA_EXE
      continue;
#endif
      std::istringstream words(input);
      for (std::string w; words >> w;)
        if (w.rfind(in.string(), 0) == 0 && fs::is_regular_file(w))
          used_files.insert(fs::weakly_canonical(w));
      test::RunResult r = test::run_fascia(shell_args(input));
      INFO(r.output);
      CHECK_MESSAGE(r.status < 128, "killed by a signal");
      CHECK(r.status == 2);
      CHECK(r.output.find(expected) != std::string::npos);
      CHECK(r.output.find("ERROR: AddressSanitizer") == std::string::npos);
      CHECK(r.output.find("runtime error:") == std::string::npos);
    } else {
      auto reader = library_readers().find(c.reader);
      REQUIRE_MESSAGE(reader != library_readers().end(), "unknown reader '" << c.reader << "'");
      const fs::path file = in / input;
      REQUIRE_MESSAGE(fs::exists(file), file.string());
      used_files.insert(fs::weakly_canonical(file));
      Status s = reader->second(file);
      REQUIRE_FALSE(s.ok());
      INFO(s.error().message);
      CHECK(s.error().exit_status() == 2);
      CHECK(s.error().message.find(expected) != std::string::npos);
      CHECK(s.error().message.find(file.string()) != std::string::npos);
    }
    // Nothing half-written: the output folder is as empty as it was.
    CHECK_MESSAGE(fs::is_empty(out), "left behind in " << out.string());
    ++ran;
  }
  CHECK(ran > 0);

  // Every file of the corpus has a row, so the folder and the table cannot drift apart.
  for (const auto& e : fs::recursive_directory_iterator(in)) {
    if (!e.is_regular_file() || e.path().filename() == "cases.txt") continue;
    CHECK_MESSAGE(used_files.count(fs::weakly_canonical(e.path())) == 1, e.path().string()
                                                                             << " has no row in cases.txt");
  }
}

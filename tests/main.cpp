// doctest's main, plus honest skips (support/skip.h): when every test case that ran skipped, the
// process exits 77, which CTest (SKIP_RETURN_CODE 77, one process per test case) reports as
// skipped rather than passed. A run of many cases where only some skip exits as usual and says
// how many skipped.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/skip.h"

namespace {

constexpr int kSkipExitCode = 77;

// Counts the test cases that started, so main can tell "all skipped" from "some skipped".
int g_started = 0;

struct StartCounter : doctest::IReporter {
  explicit StartCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override { ++g_started; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};
REGISTER_LISTENER("start_counter", 1, StartCounter);

// The app keeps settings, an autosave and recent files in the XDG folders: every test process, and
// every `fascia` it starts, gets private ones, so no test reads or changes the user's (or another
// test's: a window test's 800x600 would become the next window's size). Removed at the end. The
// cache folder stays shared: it holds the built body, which is the same for everyone.
std::filesystem::path private_xdg_home() {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(FASCIA_TEST_OUTPUT_DIR) / "xdg-home" / std::to_string(::getpid());
  for (auto [var, sub] : {std::pair{"XDG_CONFIG_HOME", "config"}, std::pair{"XDG_DATA_HOME", "data"},
                          std::pair{"XDG_STATE_HOME", "state"}}) {
    fs::create_directories(dir / sub);
    ::setenv(var, (dir / sub).c_str(), 1);
  }
  return dir;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path xdg = private_xdg_home();
  doctest::Context context(argc, argv);
  const int status = context.run();
  std::error_code ec;
  std::filesystem::remove_all(xdg, ec);
  if (context.shouldExit() || status != 0) return status;
  const int skipped = fascia::test::skipped_count();
  if (skipped > 0) {
    std::fprintf(stderr, "%d of %d test case(s) skipped: their input is missing (see the messages above)\n",
                 skipped, g_started);
    if (skipped >= g_started) return kSkipExitCode;
  }
  return status;
}

#include "support/test_support.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>

namespace fascia::test {
namespace fs = std::filesystem;

fs::path tests_dir() {
  return FASCIA_TESTS_DIR;
}

fs::path output_dir() {
  fs::path p = FASCIA_TEST_OUTPUT_DIR;
  fs::create_directories(p);
  return p;
}

// $FASCIA_SHARED_DIR, when set, stands for ../shared (a worktree that does not sit beside it).
fs::path shared_dir() {
  std::error_code ec;
  // FASCIA_SHARED_DIR in the environment points a checkout elsewhere at the shared fixtures.
  const char* env = std::getenv("FASCIA_SHARED_DIR");
  fs::path p = env && *env ? fs::path(env) : fs::path(FASCIA_SHARED_DIR);
  return fs::is_directory(p, ec) ? fs::canonical(p) : fs::path();
}

RunResult run_fascia(const std::string& args) {
  return run_fascia_env("", args);
}

RunResult run_fascia_env(const std::string& prefix, const std::string& args) {
  RunResult r;
#ifdef FASCIA_EXE
  std::string cmd = prefix + (prefix.empty() ? "" : " ") + "'" + FASCIA_EXE + "' " + args + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int st = ::pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
#else
  (void)prefix;
  (void)args;
#endif
  return r;
}

}  // namespace fascia::test

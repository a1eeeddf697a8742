#include "core/temp_files.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/test_support.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path d = test::output_dir() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void touch(const fs::path& p) {
  std::ofstream(p) << "partial";
}

// In a child process: register a temporary, then receive `sig`. Returns how the child ended.
int child_interrupted(const fs::path& tmp, int sig) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    // As in a plain program: no test framework's crash handler in front.
    for (int s : {SIGINT, SIGTERM, SIGHUP}) ::signal(s, SIG_DFL);
    touch(tmp);
    TempFileGuard guard(tmp.string());
    ::raise(sig);
    ::_exit(0);  // not reached: the signal ends the process
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

}  // namespace

TEST_CASE(
    "temp files: SIGINT, SIGTERM and SIGHUP remove the registered temporary, and still end the process") {
  const fs::path dir = fresh_dir("temp-signal");
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    CAPTURE(sig);
    const fs::path tmp = dir / (".fascia-1-sig" + std::to_string(sig));
    const int status = child_interrupted(tmp, sig);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);  // the parent still sees the signal, not a normal exit
    CHECK_FALSE(fs::exists(tmp));
  }
}

TEST_CASE("temp files: a released guard leaves the file, an unreleased one removes it on scope exit") {
  const fs::path dir = fresh_dir("temp-guard");
  const int before = registered_temporaries();
  {
    touch(dir / "kept");
    TempFileGuard g((dir / "kept").string());
    CHECK(registered_temporaries() == before + 1);
    g.release();
    CHECK(registered_temporaries() == before);
  }
  CHECK(fs::exists(dir / "kept"));
  {
    touch(dir / "dropped");
    TempFileGuard g((dir / "dropped").string());
  }
  CHECK_FALSE(fs::exists(dir / "dropped"));
  CHECK(registered_temporaries() == before);
}

TEST_CASE("temp files: the temporary name is short, so 255-byte target names still get one") {
  const std::string long_name(255, 'n');
  const std::string tmpl = temporary_template_for(fs::path("/some/folder") / long_name);
  CHECK(tmpl.rfind("/some/folder/.fascia-", 0) == 0);
  CHECK(fs::path(tmpl).filename().string().size() <= 32);
  CHECK(tmpl.substr(tmpl.size() - 6) == "XXXXXX");
}

TEST_CASE("temp files: stale temporaries of dead writers are removed, live ones and other files kept") {
  const fs::path dir = fresh_dir("temp-stale");
  // A pid that no process has: a child that has already been reaped.
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  const fs::path stale = dir / (".fascia-" + std::to_string(dead) + "-abcdef");
  const fs::path mine = dir / (".fascia-" + std::to_string(::getpid()) + "-abcdef");
  const fs::path other = dir / "body-v2-h1750-b0500.bin";
  const fs::path lookalike = dir / ".fascia-notapid-abcdef";
  const fs::path legacy_old = dir / "body-v2-h1750-b0500.bin.tmp-Ab12Cd";
  const fs::path legacy_new = dir / "body-v2-h1750-b0600.bin.tmp-Ef34Gh";
  for (const auto& p : {stale, mine, other, lookalike, legacy_old, legacy_new}) touch(p);
  fs::last_write_time(legacy_old, fs::file_time_type::clock::now() - std::chrono::hours(2));
  CHECK(remove_stale_temporaries(dir) == 2);
  CHECK_FALSE(fs::exists(legacy_old));
  CHECK(fs::exists(legacy_new));  // might still be written by an older build
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(mine));
  CHECK(fs::exists(other));
  CHECK(fs::exists(lookalike));
  CHECK(remove_stale_temporaries(dir / "missing") == 0);
}

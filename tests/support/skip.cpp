#include "support/skip.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>

namespace fascia::test {
namespace {
std::atomic<int> g_skipped{0};
}

void mark_skipped(const std::string& why) {
  if (const char* strict = std::getenv("FASCIA_NO_SKIPS"); strict && *strict == '1') {
    FAIL("skipped, but FASCIA_NO_SKIPS=1 demands that every test run: " << why);
    return;
  }
  MESSAGE("skipped: " << why);
  ++g_skipped;
}

int skipped_count() {
  return g_skipped.load();
}

bool app_built() {
#ifdef FASCIA_EXE
  return true;
#else
  return false;
#endif
}

}  // namespace fascia::test

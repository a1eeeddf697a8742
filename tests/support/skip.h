#pragma once
// Honest skips. A test whose input is missing (../shared, a display, xvfb-run, the app) calls
// FASCIA_SKIP("why"): it stops and says why; when every test case of the run skipped, the process
// exits 77 (tests/main.cpp), which CTest reports as skipped (SKIP_RETURN_CODE 77), not passed.
// With FASCIA_NO_SKIPS=1 (a machine that has everything, such as CI) a skip fails instead.
#include <string>

namespace fascia::test {

void mark_skipped(const std::string& why);
int skipped_count();
bool app_built();  // the fascia binary was built with the tests (FASCIA_EXE)

}  // namespace fascia::test

#define FASCIA_SKIP(why)               \
  do {                                 \
    ::fascia::test::mark_skipped(why); \
    return;                            \
  } while (0)

#define FASCIA_SKIP_UNLESS_APP() \
  if (!::fascia::test::app_built()) FASCIA_SKIP("the app is not built")

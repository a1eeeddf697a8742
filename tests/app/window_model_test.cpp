// The window on an imported model under Xvfb: the fixture's skin, the lines on it and the squat
// playing on its skeleton, drawn with the window's anti-aliasing, validation on (any message fails).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "support/skip.h"
#include "support/test_support.h"

TEST_CASE("window: an imported model plays a movement under Xvfb without validation messages") {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) FASCIA_SKIP("xvfb-run is not installed");
  const std::filesystem::path shared = fascia::test::shared_dir();
  if (shared.empty()) FASCIA_SKIP("../shared absent");
  const std::string model =
      (shared / "fixtures" / "models" / "kenney_character_fbx" / "maya_kenney_character_7700_binary.fbx")
          .string();
  // The app's status is echoed from inside xvfb-run and read back (see window_test.cpp).
  std::string cmd = std::string("FASCIA_VALIDATION=1 xvfb-run -a -s '-screen 0 1280x800x24' sh -c \"'") +
                    FASCIA_EXE + "' view --model '" + model +
                    "' --movement squat --frames 30; echo fascia-exit=\\$?\" 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe)) out += buf;
  pclose(pipe);
  INFO(out);
  auto at = out.rfind("fascia-exit=");
  REQUIRE(at != std::string::npos);
  CHECK(std::atoi(out.c_str() + at + 12) == 0);
  CHECK(out.find("validation") == std::string::npos);
}

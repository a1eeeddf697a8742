// Render on demand (issue 16): once the simulation has settled and nobody touches the window, it
// draws nothing and sleeps. Counted in frames, not timed: the CPU it used meanwhile is reported.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "support/skip.h"
#include "support/test_support.h"
#include "support/window_walk.h"

using namespace fascia;
namespace fs = std::filesystem;

TEST_CASE("idle window: a settled window left alone draws no frames") {
  FASCIA_SKIP_UNLESS_APP();
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "idle_window";
  fs::remove_all(out);
  const std::string output = test::run_window_script("idle.txt", out, test::private_xdg_env(out / "xdg"));
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);
  CHECK(output.find("validation") == std::string::npos);
  auto start = load_json_file(out / "idle_start.json"), end = load_json_file(out / "idle_end.json");
  REQUIRE(start.ok());
  REQUIRE(end.ok());
  CHECK((*start)["session"]["restrictions"].size() == 1);  // the window had something to show
  const auto frames =
      (*end)["process"]["frames_drawn"].get<long>() - (*start)["process"]["frames_drawn"].get<long>();
  const double cpu = (*end)["process"]["cpu_s"].get<double>() - (*start)["process"]["cpu_s"].get<double>();
  MESSAGE("idle 4 s: " << frames << " frames drawn, " << cpu << " s of CPU");
  CHECK((*start)["process"]["frames_drawn"].get<long>() > 5);  // the counter counts
  CHECK(frames <= 2);
}

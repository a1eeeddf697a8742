// The command line, in process: the bytes split at newlines (and NULs) into argv for run_cli.
//
// Rendering and windows would make every run cost a Vulkan instance, so this target replaces them at
// link time: it defines render_still, run_window and display_available itself, and the linker then
// never pulls still.o and window_app.o out of libfascia_app.a. The stubs keep the cheap checks the
// real functions make before any rendering, and check what the parser handed them. Nothing here
// writes files: a subcommand that writes (body --export, ...) gets a stub too when it lands.
// `bench` measures for a minute; its stubs keep the flag parsing and drop the measuring.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "capture/render_scenario.h"
#include "capture/still.h"
#include "cli/bench_capture.h"
#include "cli/bench_render.h"
#include "cli/cli.h"
#include "core/file_io.h"
#include "fuzz/targets.h"
#include "sim/bench.h"
#include "ui/window_app.h"

namespace fascia::app {

bool display_available() {
  return false;
}

Status run_window(const ViewOptions&) {
  return bad_input("no display (fuzzing)");
}

Status render_still(const StillOptions& o) {
  FASCIA_FUZZ_CHECK(
      o.size.width >= 16 && o.size.height >= 16 && o.size.width <= 8192 && o.size.height <= 8192,
      "render_still reached with a size parse_size should have refused");
  if (o.output.extension() != ".png") return bad_input(o.output.string() + ": not a .png");
  FASCIA_TRY(check_writable(o.output));
  return ok_status();
}

// Scenario rendering reads the scenario and starts ffmpeg and Vulkan; its own fuzz target
// (scenario_file) covers the reading.
Result<ScenarioRenderReport> render_scenario(const ScenarioRenderOptions& o) {
  FASCIA_FUZZ_CHECK(!o.scenario.empty() && !o.output.empty(),
                    "render_scenario reached without a scenario or output");
  return bad_input(o.scenario.string() + ": scenario rendering is not run while fuzzing");
}

Json bench_capture(int frames) {
  FASCIA_FUZZ_CHECK(frames > 0, "bench_capture reached with no frames");
  return Json::object();
}

Json bench_render(const RenderBenchOptions& o) {
  FASCIA_FUZZ_CHECK(o.frames > 0, "bench_render reached with no frames to time");
  return Json::object();
}

}  // namespace fascia::app

namespace fascia::sim {

Json bench_sim(const BenchOptions& o) {
  FASCIA_FUZZ_CHECK(o.repeats > 0 && !o.refinements.empty(), "bench_sim reached with nothing to measure");
  return Json::object();
}

}  // namespace fascia::sim

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::vector<std::string> args{"fascia"};
  std::string cur;
  for (size_t i = 0; i < size; ++i) {
    char c = static_cast<char>(data[i]);
    if (c == '\n' || c == '\0') {
      args.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) args.push_back(cur);
  if (args.size() > 32) return 0;
  // `body --import` reads any path it is given (a device, a huge file) and has its own target
  // (model_import); `--export` writes files. Neither belongs in a fuzzer's hands here.
  for (const std::string& a : args)
    if (a.find("--import") != std::string::npos || a.find("--export") != std::string::npos) return 0;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int status = fascia::app::run_cli(static_cast<int>(args.size()), argv.data());
  FASCIA_FUZZ_CHECK(status == 0 || status == 1 || status == 2, "exit status " + std::to_string(status));
  return 0;
}

// `fascia bench [--json] [--only PART...]`: the performance figures of design.md, measured here.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/bench_capture.h"
#include "cli/bench_render.h"
#include "cli/commands.h"
#include "sim/bench.h"

namespace fascia::app {
namespace {

void print_text(const Json& j) {
  const Json& s = j["sim"];
  const Json& r = j["render"];
  std::printf("Fascia Atlas benchmark (medians)\n");
  if (j.contains("sim")) std::printf("simulation:\n%s\n", s.dump(2).c_str());
  if (j.contains("render")) std::printf("rendering:\n%s\n", r.dump(2).c_str());
  if (j.contains("capture"))
    std::printf("capture (scenario to MP4, end to end):\n%s\n", j["capture"].dump(2).c_str());
}

}  // namespace

Command add_bench_command(CLI::App& cli) {
  auto json = std::make_shared<bool>(false);
  auto quick = std::make_shared<bool>(false);
  CLI::App* sub = cli.add_subcommand("bench", "the performance figures of design.md, measured here");
  sub->add_flag("--json", *json, "as JSON");
  sub->add_flag("--quick", *quick, "fewer repeats and no 100x refinement (for tests)");
  // One part alone, for profiling one thing: `frame` is the window's 1280x720 frame only.
  auto only = std::make_shared<std::vector<std::string>>();
  sub->add_option("--only", *only, "measure only these: sim, render, frame, capture")
      ->check(CLI::IsMember({"sim", "render", "frame", "capture"}));
  return {sub, [json, quick, only] {
            auto wanted = [&](const char* part) {
              return only->empty() || std::find(only->begin(), only->end(), part) != only->end();
            };
            sim::BenchOptions so;
            RenderBenchOptions ro;
            if (*quick) {
              so.refinements = {1, 10};
              so.repeats = 5;
              ro.frames = 4;
            }
            Json j;
            ro.window_frame_only = !wanted("render");
            if (wanted("sim")) j["sim"] = sim::bench_sim(so);
            if (wanted("render") || wanted("frame")) j["render"] = bench_render(ro);
            if (wanted("capture")) j["capture"] = bench_capture(*quick ? 6 : 60);
            j["note"] = "medians on this machine; shared machines are noisy, compare ratios";
            if (*json)
              std::printf("%s\n", j.dump(2).c_str());
            else
              print_text(j);
            return 0;
          }};
}

}  // namespace fascia::app

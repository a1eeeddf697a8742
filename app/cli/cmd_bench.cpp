// `fascia bench [--json]`: the performance figures of design.md, measured on this machine.
#include <cstdio>
#include <memory>

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
  std::printf("simulation:\n%s\n", s.dump(2).c_str());
  std::printf("rendering:\n%s\n", r.dump(2).c_str());
  std::printf("capture (scenario to MP4, end to end):\n%s\n", j["capture"].dump(2).c_str());
}

}  // namespace

Command add_bench_command(CLI::App& cli) {
  auto json = std::make_shared<bool>(false);
  auto quick = std::make_shared<bool>(false);
  CLI::App* sub = cli.add_subcommand("bench", "the performance figures of design.md, measured here");
  sub->add_flag("--json", *json, "as JSON");
  sub->add_flag("--quick", *quick, "fewer repeats and no 100x refinement (for tests)");
  return {sub, [json, quick] {
            sim::BenchOptions so;
            RenderBenchOptions ro;
            if (*quick) {
              so.refinements = {1, 10};
              so.repeats = 5;
              ro.frames = 4;
            }
            Json j;
            j["sim"] = sim::bench_sim(so);
            j["render"] = bench_render(ro);
            j["capture"] = bench_capture(*quick ? 6 : 60);
            j["note"] = "medians on this machine; shared machines are noisy, compare ratios";
            if (*json)
              std::printf("%s\n", j.dump(2).c_str());
            else
              print_text(j);
            return 0;
          }};
}

}  // namespace fascia::app

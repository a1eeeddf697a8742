// `fascia render SCENARIO.json -o OUT.mp4|OUT.webm|OUT.png|DIR/ [...]` and
// `fascia render --still -o OUT.png [--size WxH] [--view ...] [--lines ids] [--transparent]`.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "capture/interrupt.h"
#include "capture/render_scenario.h"
#include "capture/still.h"
#include "cli/cli_util.h"
#include "cli/commands.h"

namespace fascia::app {
namespace {

struct RenderArgs {
  StillOptions still;
  ScenarioRenderOptions scenario;
  std::string size;
  double at = 0;
  bool still_flag = false;
  CLI::Option* at_option = nullptr;
};

int run_render(RenderArgs& a) {
  if (a.still_flag) {
    if (!a.scenario.scenario.empty())
      return report(
          bad_input("render: --still draws the default scene; give either --still or a scenario file"));
    auto extent = parse_size(a.size.empty() ? "1280x720" : a.size, "--size");
    if (!extent) return report(extent.error());
    a.still.size = *extent;
    if (auto s = render_still(a.still); !s) return report(s.error());
    std::printf("fascia: wrote %s\n", a.still.output.c_str());
    return 0;
  }
  if (a.scenario.scenario.empty())
    return report(
        bad_input("render: give a scenario file (fascia render SCENARIO.json -o OUT.mp4) or --still"));
  a.scenario.output = a.still.output;
  a.scenario.size = a.size;
  a.scenario.transparent = a.still.transparent;
  if (*a.at_option) a.scenario.at_s = a.at;
  auto r = render_scenario(a.scenario);
  if (int sig = interrupt_signal()) {
    std::fprintf(stderr, "fascia: stopped by signal %d; removed the unfinished output\n", sig);
    return 128 + sig;
  }
  if (!r) return report(r.error());
  std::printf("fascia: wrote %s (%d frames, %dx%d, %d fps, %.1f s, %.1f frames/s)\n",
              a.scenario.output.c_str(), r->frames, r->width, r->height, r->fps, r->seconds,
              r->seconds > 0 ? r->frames / r->seconds : 0.0);
  if (!r->subtitles.empty()) std::printf("fascia: wrote %s\n", r->subtitles.c_str());
  return 0;
}

}  // namespace

Command add_render_command(CLI::App& cli) {
  auto a = std::make_shared<RenderArgs>();
  CLI::App* sub =
      cli.add_subcommand("render", "render a scenario to video or pictures, or a still, headlessly");
  sub->add_option("scenario", a->scenario.scenario, "scenario file (docs/scenarios.md)");
  sub->add_flag("--still", a->still_flag, "render one picture of the default scene");
  sub->add_option("-o,--output", a->still.output,
                  "output: OUT.mp4, OUT.webm, OUT.png or a folder DIR/ of PNGs")
      ->required();
  sub->add_option("--size", a->size, "image size WIDTHxHEIGHT (default: the scenario's, or 1280x720)");
  sub->add_option("--fps", a->scenario.fps, "frames a second (default: the scenario's)");
  sub->add_option("--frames", a->scenario.frames, "render only frames FIRST-LAST (from 0, inclusive)");
  sub->add_option("--quality", a->scenario.quality,
                  "draft (the window's meshes, fast) or final (full meshes)");
  a->at_option = sub->add_option("--at", a->at, "one PNG of the moment at this many seconds");
  sub->add_option("--view", a->still.view, "still: front, back, left or right (default front)");
  sub->add_option("--lines", a->still.lines, "still: line ids to show (default all)")->delimiter(',');
  sub->add_flag("--transparent", a->still.transparent, "transparent background (alpha 0) for compositing");
  sub->add_option("--model", a->still.model,
                  "still: draw this rigged model (glTF, FBX, COLLADA, .mhskel) instead of the built-in body");
  sub->add_option("--pose", a->still.pose,
                  "still: a pose or movement of assets/poses (its last key), e.g. squat");
  sub->add_option(
      "--restrict", a->still.restrict,
      "still: colour the lines by the tension a restriction adds: TRACK=STIFFNESS_X[,SHORTEN_PCT]");
  return {sub, [a] { return run_render(*a); }};
}

}  // namespace fascia::app

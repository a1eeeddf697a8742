// `fascia render --still -o OUT.png [--size WxH] [--view ...] [--lines ids] [--transparent]`.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "capture/still.h"
#include "cli/cli_util.h"
#include "cli/commands.h"

namespace fascia::app {
namespace {

struct RenderArgs {
  StillOptions still;
  std::string size = "1280x720";
  bool still_flag = false;
};

int run_render(RenderArgs& a) {
  if (!a.still_flag) return report(bad_input("render: scenarios are not supported yet; use --still"));
  auto extent = parse_size(a.size, "--size");
  if (!extent) return report(extent.error());
  a.still.size = *extent;
  if (auto s = render_still(a.still); !s) return report(s.error());
  std::printf("fascia: wrote %s\n", a.still.output.c_str());
  return 0;
}

}  // namespace

Command add_render_command(CLI::App& cli) {
  auto a = std::make_shared<RenderArgs>();
  CLI::App* sub = cli.add_subcommand("render", "render a still (or, later, a scenario) headlessly");
  sub->add_flag("--still", a->still_flag, "render one picture of the default scene");
  sub->add_option("-o,--output", a->still.output, "output file (.png)")->required();
  sub->add_option("--size", a->size, "image size WIDTHxHEIGHT (default 1280x720)");
  sub->add_option("--view", a->still.view, "front, back, left or right (default front)");
  sub->add_option("--lines", a->still.lines, "line ids to show (default all)")->delimiter(',');
  sub->add_flag("--transparent", a->still.transparent, "transparent background (alpha 0) for compositing");
  sub->add_option("--model", a->still.model,
                  "draw this rigged model (glTF, FBX, COLLADA, .mhskel) instead of the built-in body");
  sub->add_option("--pose", a->still.pose, "a pose or movement of assets/poses (its last key), e.g. squat");
  sub->add_option("--restrict", a->still.restrict,
                  "colour the lines by the tension a restriction adds: TRACK=STIFFNESS_X[,SHORTEN_PCT]");
  return {sub, [a] { return run_render(*a); }};
}

}  // namespace fascia::app

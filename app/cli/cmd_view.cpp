// `fascia view` (and plain `fascia`): the window, or a headless still where there is no display.
#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "capture/still.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "ui/script.h"
#include "ui/window_app.h"

namespace fascia::app {
namespace fs = std::filesystem;
namespace {

// Where `fascia` writes its still when there is no display: build/ when run from the build tree.
fs::path fallback_still_path() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.parent_path().filename() == "bin")
    return exe.parent_path().parent_path() / "fascia-still.png";
  return fs::current_path() / "fascia-still.png";
}

int run_view(const ViewOptions& options) {
  // A script is checked whole first, so a bad one is reported (status 2) with or without a display.
  if (!options.script.empty())
    if (auto s = load_script(options.script); !s) return report(s.error());
  if (!display_available() && !options.script.empty())
    return report(
        bad_input("--script " + options.script.string() + ": needs a display (run it under xvfb-run)"));
  if (!display_available()) {
    fs::path out = fallback_still_path();
    std::printf(
        "fascia: no display (DISPLAY is not set), so no window; rendering the default still headlessly\n");
    StillOptions still;
    still.output = out;
    still.pose = options.movement;  // a movement is shown at its last key (and checked)
    still.pose_flag = "--movement";
    still.model = options.model;
    if (auto s = render_still(still); !s) return report(s.error());
    std::printf("fascia: wrote %s\n", out.c_str());
    return 0;
  }
  if (auto s = run_window(options); !s) return report(s.error());
  return 0;
}

}  // namespace

Command add_view_command(CLI::App& cli) {
  auto v = std::make_shared<ViewOptions>();
  CLI::App* sub = cli.add_subcommand("view", "open the app on the built-in body (the default)");
  sub->add_option("--frames", v->max_frames, "close after this many frames (for tests)")
      ->check(CLI::Range(1, 1000000));
  sub->add_option("--movement", v->movement,
                  "play a movement (walk, squat, forward_bend, ...) with the lines coloured by stretch");
  sub->add_option("--model", v->model,
                  "show this rigged model (glTF, FBX, COLLADA, .mhskel) instead of the built-in body");
  sub->add_option("--script", v->script,
                  "replay input events from FILE (docs/script.md), e.g. under xvfb-run");
  sub->add_flag("--exercise-resize", v->exercise_resize,
                "resize, minimise and restore while running (tests)");
  return {sub, [v] { return run_view(*v); }};
}

}  // namespace fascia::app

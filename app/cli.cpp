#include "cli.h"

#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "cli_util.h"
#include "core/log.h"
#include "still.h"
#include "window_app.h"

namespace fascia::app {
namespace fs = std::filesystem;

namespace {

// Where `fascia` writes its still when there is no display: build/ when run from the build tree.
fs::path fallback_still_path() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.parent_path().filename() == "bin") return exe.parent_path().parent_path() / "fascia-still.png";
  return fs::current_path() / "fascia-still.png";
}

int run_view(const ViewOptions& options) {
  if (!display_available()) {
    fs::path out = fallback_still_path();
    std::printf("fascia: no display (DISPLAY is not set), so no window; rendering the default still headlessly\n");
    StillOptions still;
    still.output = out;
    if (auto s = render_still(still); !s) return report(s.error());
    std::printf("fascia: wrote %s\n", out.c_str());
    return 0;
  }
  if (auto s = run_window(options); !s) return report(s.error());
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  if (const char* q = std::getenv("FASCIA_QUIET"); q && *q == '1') set_log_threshold(LogLevel::Warning);

  CLI::App cli{"Fascia Atlas: the body's myofascial lines in 3D, with a simulation of how tension spreads along them.",
               "fascia"};
  cli.set_version_flag("--version", std::string("fascia ") + FASCIA_VERSION);
  cli.require_subcommand(0, 1);

  ViewOptions view;
  auto* view_cmd = cli.add_subcommand("view", "open the app on the built-in body (the default)");
  view_cmd->add_option("--frames", view.max_frames, "close after this many frames (for tests)")
      ->check(CLI::Range(1, 1000000));
  view_cmd->add_flag("--exercise-resize", view.exercise_resize, "resize, minimise and restore while running (tests)");

  StillOptions still;
  std::string size = "1280x720";
  bool still_flag = false;
  auto* render_cmd = cli.add_subcommand("render", "render a still (or, later, a scenario) headlessly");
  render_cmd->add_flag("--still", still_flag, "render one picture of the default scene");
  render_cmd->add_option("-o,--output", still.output, "output file (.png)")->required();
  render_cmd->add_option("--size", size, "image size WIDTHxHEIGHT (default 1280x720)");
  render_cmd->add_option("--view", still.view, "front, back, left or right (default front)");
  render_cmd->add_option("--lines", still.lines, "line ids to show (default all)")->delimiter(',');
  render_cmd->add_flag("--transparent", still.transparent, "transparent background (alpha 0) for compositing");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "fascia: %s\nRun 'fascia --help' for the command line.\n", e.what());
    return 2;
  }

  if (render_cmd->parsed()) {
    if (!still_flag) return report(bad_input("render: scenarios are not supported yet; use --still"));
    auto extent = parse_size(size, "--size");
    if (!extent) return report(extent.error());
    still.size = *extent;
    if (auto s = render_still(still); !s) return report(s.error());
    std::printf("fascia: wrote %s\n", still.output.c_str());
    return 0;
  }
  return run_view(view);
}

}  // namespace fascia::app

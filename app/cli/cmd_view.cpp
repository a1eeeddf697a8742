// `fascia view` (and plain `fascia`): the window, or a headless still where there is no display.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "capture/still.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "session/session_file.h"
#include "ui/script.h"
#include "ui/window_app.h"

namespace fascia::app {
namespace fs = std::filesystem;
namespace {

// Where `fascia` writes its still when there is no display and no -o: the current folder when it
// is writable, otherwise the XDG pictures folder ($XDG_PICTURES_DIR, else ~/Pictures when it exists).
Result<fs::path> default_still_path() {
  const char* name = "fascia-still.png";
  std::error_code ec;
  if (::access(".", W_OK) == 0) return fs::current_path(ec) / name;
  std::vector<fs::path> candidates;
  if (const char* p = std::getenv("XDG_PICTURES_DIR"); p && *p) candidates.push_back(p);
  if (const char* h = std::getenv("HOME"); h && *h) candidates.push_back(fs::path(h) / "Pictures");
  for (const fs::path& dir : candidates)
    if (fs::is_directory(dir, ec) && ::access(dir.c_str(), W_OK) == 0) return dir / name;
  return bad_input(
      "no display, and neither the current folder nor a pictures folder ($XDG_PICTURES_DIR, "
      "~/Pictures) is writable; give -o OUT.png");
}

int run_view(ViewOptions options, const std::string& output) {
  // A session file is checked before any window opens: a bad one opens nothing and says why.
  if (!options.session_path.empty()) {
    auto s = session::load_session(options.session_path);
    if (!s) return report(s.error());
    options.session = std::move(*s);
  }
  // A script is checked whole first, so a bad one is reported (status 2) with or without a display.
  if (!options.script.empty())
    if (auto s = load_script(options.script); !s) return report(s.error());
  if (!display_available() && !options.script.empty())
    return report(
        bad_input("--script " + options.script.string() + ": needs a display (run it under xvfb-run)"));
  if (!display_available()) {
    auto where = output.empty() ? default_still_path() : Result<fs::path>(fs::path(output));
    if (!where) return report(where.error());
    const fs::path out = *where;
    std::printf(
        "fascia: no display (DISPLAY is not set), so no window; rendering the default still headlessly\n");
    StillOptions still;
    still.output = out;
    still.pose = options.movement;  // a movement is shown at its last key (and checked)
    still.pose_flag = "--movement";
    still.model = options.model;
    if (options.session) still.restrict = session::restrict_option_texts(options.session->restrictions);
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
  auto output = std::make_shared<std::string>();
  CLI::App* sub = cli.add_subcommand("view", "open the app on the built-in body (the default)");
  // On both `fascia -o X` and `fascia view -o X`: plain `fascia` is the view.
  const char* output_help =
      "where the still goes when there is no display (default: ./fascia-still.png, or "
      "the pictures folder when the current folder is not writable)";
  sub->add_option("-o,--output", *output, output_help);
  cli.add_option("-o,--output", *output, output_help);
  sub->add_option("--frames", v->max_frames, "close after this many frames (for tests)")
      ->check(CLI::Range(1, 1000000));
  sub->add_option("--movement", v->movement,
                  "play a movement (walk, squat, forward_bend, ...) with the lines coloured by stretch");
  sub->add_option("--model", v->model,
                  "show this rigged model (glTF, FBX, COLLADA, .mhskel) instead of the built-in body");
  sub->add_option("--script", v->script,
                  "replay input events from FILE (docs/script.md), e.g. under xvfb-run");
  sub->add_option("--session", v->session_path, "open a saved session (.fascia)");
  sub->add_flag("--exercise-resize", v->exercise_resize,
                "resize, minimise and restore while running (tests)");
  return {sub, [v, output] { return run_view(*v, *output); }};
}

}  // namespace fascia::app

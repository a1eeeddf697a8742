#pragma once
// Running `fascia view --script` walks under Xvfb with the user's folders kept private, for the
// tests that walk the app (tests/app/*_walk_test.cpp).
#include <filesystem>
#include <string>

namespace fascia::test {

// An `env` prefix for a shell line that points the XDG base directories (config, data, state)
// into `dir`, so a test never reads or writes the user's settings, autosave or recent list.
std::string private_xdg_env(const std::filesystem::path& dir);

bool have_xvfb();

// Runs tests/app/scripts/NAME with every `OUT/` in it pointing into `out`, under Xvfb with
// validation on and `env_prefix` before the binary (e.g. private_xdg_env). `args` go after the
// script (e.g. "--session FILE"); `screen` is Xvfb's screen size. Returns stdout and stderr, ending
// with "fascia-exit=STATUS".
std::string run_window_script(const std::string& name, const std::filesystem::path& out,
                              const std::string& env_prefix, const std::string& args = "",
                              const std::string& screen = "1280x720");
// The app's exit status in the output of run_window_script (-1 when it did not say).
int window_exit_status(const std::string& output);

}  // namespace fascia::test

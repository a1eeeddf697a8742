#pragma once
// The `--script` player (docs/script.md): replays a script's events into the window, a few per frame,
// waiting for frames, seconds or the simulation to come to rest as the events ask.
#include "ui/window_state.h"

namespace fascia::app {

// Replays events until one has to wait; `fh` is the framebuffer height.
void run_script(GLFWwindow* w, WindowState& st, int fh);

// After the panels were built: a slider or button the script named that no widget took is an error.
void check_script_leftovers(WindowState& st);

// After the learning panels were built: a student's press that no widget took is an error.
void check_learn_script_leftovers(WindowState& st);

}  // namespace fascia::app

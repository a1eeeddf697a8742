#pragma once
// Present mode (F11 or the Present button): the window goes full screen on its monitor and every
// panel hides but a large-type caption of what is shown and a legend in plain words (full names,
// never ids, no frame times), for showing a client. Esc leaves present mode, not the app.
#include "ui/window_state.h"

namespace fascia::app {

// Enters or leaves present mode (full screen on the primary monitor; back to the window as it was).
void set_present(GLFWwindow* w, WindowState& st, bool on);
// F11 toggles, Esc leaves; true when the key was taken.
bool present_key(GLFWwindow* w, WindowState& st, int key);
// The caption and the legend, in the current ImGui frame.
void draw_present_overlay(WindowState& st);
// The caption in plain words: what is restricted or being treated.
std::string present_caption(const WindowState& st);

}  // namespace fascia::app

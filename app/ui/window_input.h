#pragma once
// The window's input: GLFW callbacks for mouse, keys and resizing, turned into changes of WindowState
// (camera, picks, actions on the session). The script player drives the same entry points.
#include "core/math.h"
#include "ui/window_state.h"

namespace fascia::app {

// Points GLFW's callbacks of `w` at `st` (through the window's user pointer).
void install_input_callbacks(GLFWwindow* w, WindowState& st);

// A key press with GLFW modifiers, as if typed.
void handle_key(GLFWwindow* w, WindowState& st, int key, int mods);

// A click or right-click at a window pixel; the id buffer answers what is under it.
void click_at(GLFWwindow* w, WindowState& st, double x, double y, bool right);

// The cursor left the window (or a script's `leave`): the hover and its tooltip clear.
void cursor_left(WindowState& st);

// Window coordinates (what GLFW reports) to framebuffer pixels (what the id buffer holds).
vec2 framebuffer_pixel(GLFWwindow* w, double x, double y);

// The hovered structure glows and is named in a tooltip (called inside the ImGui frame).
void show_hover(WindowState& st);

}  // namespace fascia::app

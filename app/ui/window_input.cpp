#include "ui/window_input.h"

#include <algorithm>
#include <cmath>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "common/names.h"
#include "ui/present_mode.h"
#include "ui/session_menu.h"

namespace fascia::app {

WindowState* state_of(GLFWwindow* w) {
  return static_cast<WindowState*>(glfwGetWindowUserPointer(w));
}

// Window coordinates (what GLFW reports) to framebuffer pixels (what the id buffer holds).
vec2 framebuffer_pixel(GLFWwindow* w, double x, double y) {
  int ww, wh, fw, fh;
  glfwGetWindowSize(w, &ww, &wh);
  glfwGetFramebufferSize(w, &fw, &fh);
  return vec2(float(x) * fw / std::max(1, ww), float(y) * fh / std::max(1, wh));
}

static bool ui_has_mouse(GLFWwindow* w) {
  auto* st = state_of(w);
  return st->ui && st->ui->wants_mouse();
}

// A click or right-click at a window pixel: the id buffer says what is under it.
void click_at(GLFWwindow* w, WindowState& st, double x, double y, bool right) {
  st.click_right = right;
  st.click_at = vec2(float(x), float(y));
  st.picks.clicked(framebuffer_pixel(w, x, y));
}

static void on_mouse_button(GLFWwindow* w, int button, int action, int) {
  auto* st = state_of(w);
  st->redraw = std::max(st->redraw, 3);
  if (ui_has_mouse(w)) return;
  double x, y;
  glfwGetCursorPos(w, &x, &y);
  const int b = button == GLFW_MOUSE_BUTTON_LEFT ? 0 : button == GLFW_MOUSE_BUTTON_RIGHT ? 1 : -1;
  if (b >= 0 && action == GLFW_PRESS) {
    st->press_x[b] = x;
    st->press_y[b] = y;
  } else if (b >= 0 && action == GLFW_RELEASE &&
             std::abs(x - st->press_x[b]) + std::abs(y - st->press_y[b]) < 4) {
    click_at(w, *st, x, y, b == 1);  // a click, not a drag
  }
  st->controls.on_button(glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS,
                         glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                             glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS,
                         x, y);
}

static void on_cursor(GLFWwindow* w, double x, double y) {
  auto* st = state_of(w);
  st->redraw = std::max(st->redraw, 2);
  st->last_cursor_move = glfwGetTime();
  int fw, fh;
  glfwGetFramebufferSize(w, &fw, &fh);
  st->controls.on_move(st->view.camera, x, y, fh);
  bool dragging = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS ||
                  glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                  glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
  st->forced_hover = 0;
  if (dragging) st->learn.fly = CameraFly{};  // the hand on the camera wins over a fly under way
  st->picks.cursor_moved(framebuffer_pixel(w, x, y), glfwGetTime(), !dragging && !ui_has_mouse(w));
}

// The cursor left the window: nothing is hovered and no tooltip stays behind.
void cursor_left(WindowState& st) {
  st.redraw = std::max(st.redraw, 2);
  st.forced_hover = 0;
  st.picks.cursor_left();
}

static void on_cursor_enter(GLFWwindow* w, int entered) {
  if (!entered) cursor_left(*state_of(w));
}

static void on_scroll(GLFWwindow* w, double, double dy) {
  auto* st = state_of(w);
  st->redraw = std::max(st->redraw, 2);
  if (ui_has_mouse(w)) return;
  st->learn.fly = CameraFly{};
  st->controls.on_scroll(st->view.camera, dy);
}

// Keys: Esc closes the popup or an overlay (or else the window), 1-4 the view presets, Ctrl+Z undo,
// Ctrl+Shift+Z and Ctrl+Y redo; the rest go to the learning panels.
void handle_key(GLFWwindow* w, WindowState& st, int key, int mods) {
  st.redraw = std::max(st.redraw, 3);
  const bool ctrl = mods & GLFW_MOD_CONTROL, shift = mods & GLFW_MOD_SHIFT;
  // The therapist's keys: F11 and Esc in present mode, Ctrl+S, Ctrl+O, Ctrl+Q (session_menu.cpp).
  if (present_key(w, st, key) || session_key(w, st, key, mods)) return;
  // The learning panels read their keys (search, follow ← →, F frame, H home, F1 help) in their frame.
  st.learn.keys.push_back({key, mods});
  if (key == GLFW_KEY_ESCAPE) {
    // Esc closes what is open, innermost first; only with nothing open does it quit.
    if (st.live.popup.open)
      st.live.popup.open = false;
    else if (!learn_escape(st.learn))
      glfwSetWindowShouldClose(w, GLFW_TRUE);
  }
  if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) return;  // typing in a field
  // A preset frames the whole body as it stands now from that side, easing there (it kept the pan and
  // zoom, so after a close look or in a forward bend it showed an empty background).
  static const char* kPresets[] = {"front", "back", "left", "right"};
  if (key >= GLFW_KEY_1 && key <= GLFW_KEY_4 && !ctrl) st.learn.requests.preset = kPresets[key - GLFW_KEY_1];
  if (ctrl && key == GLFW_KEY_Z) shift ? redo(st.live) : undo(st.live);
  if (ctrl && key == GLFW_KEY_Y) redo(st.live);
}

static void on_key(GLFWwindow* w, int key, int, int action, int mods) {
  if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
  handle_key(w, *state_of(w), key, mods);
}

static void on_char(GLFWwindow* w, unsigned int) {
  state_of(w)->redraw = std::max(state_of(w)->redraw, 2);
}
static void on_refresh(GLFWwindow* w) {
  state_of(w)->redraw = std::max(state_of(w)->redraw, 1);
}

// What the cursor rests on glows (a whole line for a track or station), named in a tooltip.
void show_hover(WindowState& st) {
  const uint32_t id = st.forced_hover ? st.forced_hover : st.picks.hovered();
  Selection hovered = st.model->describe_pick(id);
  st.view.hover_pick = id;
  st.view.lines.hover = hovered.line;
  if (id == 0 || ImGui::GetIO().WantCaptureMouse) return;
  std::string text = hover_text(st.learn, picked_id(*st.model, id));
  if (text.empty()) text = full_name(*st.model, st.model->id_of(id));
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(text.c_str());
  ImGui::TextDisabled("click: inspect, restrict or trace; right-click: hide or fade");
  ImGui::EndTooltip();
}

static void on_resize(GLFWwindow* w, int, int) {
  state_of(w)->resized = true;
  state_of(w)->redraw = std::max(state_of(w)->redraw, 2);
}

void install_input_callbacks(GLFWwindow* w, WindowState& st) {
  glfwSetWindowUserPointer(w, &st);
  glfwSetMouseButtonCallback(w, on_mouse_button);
  glfwSetCursorPosCallback(w, on_cursor);
  glfwSetCursorEnterCallback(w, on_cursor_enter);
  glfwSetScrollCallback(w, on_scroll);
  glfwSetKeyCallback(w, on_key);
  glfwSetCharCallback(w, on_char);
  glfwSetWindowRefreshCallback(w, on_refresh);
  glfwSetFramebufferSizeCallback(w, on_resize);
}

}  // namespace fascia::app

#pragma once
// What the window's event callbacks, its script player and its frame loop share: one WindowState per
// window, reached from GLFW callbacks through the window's user pointer.
#include <optional>
#include <string>

#include "common/app_model.h"
#include "common/ui_layer.h"
#include "ui/handout_export.h"
#include "ui/learn_ui.h"
#include "ui/live.h"
#include "ui/orbit_controls.h"
#include "ui/panel.h"
#include "ui/pick_scheduler.h"
#include "ui/record_take.h"
#include "ui/script.h"
#include "ui/session_menu.h"
#include "ui/therapy_panel.h"

struct GLFWwindow;

namespace fascia::app {

struct ScriptRun {
  const Script* script = nullptr;
  size_t next = 0;
  int wait_frames = 5;    // the first frames lay the panels out before any event
  double wait_until = 0;  // glfwGetTime() seconds
  double deadline = 0;    // for `wait settled`
  bool waiting_settled = false;
  bool waiting_treatment = false;  // `wait treatment`
  bool waiting_handout = false;    // `wait handout`
  std::string screenshot;          // a file to write from the frame being drawn
  std::optional<Error> error;
  double sim_until = -1;  // `wait S s sim` and `wait settled`: the simulation time limit (-1: none)
  bool idle = false;      // in a `wait S s idle`: the window draws only what it would draw unscripted
  bool active() const { return script && next < script->events.size(); }
  // Whether the script keeps the window drawing now (it does, except while it idles).
  bool drives_frames(double now) const { return active() && !(idle && now < wait_until); }
};

// Present mode (ui/present_mode.cpp): on, and the window's place and size to go back to.
struct PresentState {
  bool on = false;
  int x = 0, y = 0, width = 1280, height = 720;
  float font_px = 44;  // the caption's type size (settings.json present_font_px)
};

struct WindowState {
  AppModel* model = nullptr;
  MovementTool movement;
  ViewState view;
  LiveState live;
  scene::RenderScene scene;
  OrbitControls controls;
  UiLayer* ui = nullptr;
  bool resized = false;
  double press_x[2] = {-1, -1}, press_y[2] = {-1, -1};  // where the left and right buttons went down
  PickScheduler picks;                                  // clicks and hovering, in framebuffer pixels
  bool click_right = false;                             // the pending click was a right-click
  vec2 click_at{0};                                     // window pixel of the pending click
  int redraw = 3;                                       // frames still to draw before the window may sleep
  uint64_t frames_drawn = 0;                            // since the window opened (an idle window adds none)
  double last_cursor_move = -1;
  uint32_t forced_hover = 0;       // a scripted hover on a named structure
  std::string script_learn_click;  // a scripted click on a named structure, for the learning panels
  scene::Camera last_camera;       // the camera of the last frame: a move re-picks under a still cursor
  ScriptRun script;
  LearnUi learn;      // names, lines panel, inspector, search, lessons, quizzes
  TherapyUi therapy;  // treatments, posture and range
  PresentState present;
  SessionMenu session_menu;  // the document, autosave, settings, recent files
  TakeRecorder take;         // the "Record" button: a take of what the user does, saved as a scenario
  HandoutExport handout;     // "Export handout...": the client's handout, written by a job
};

WindowState* state_of(GLFWwindow* w);

}  // namespace fascia::app

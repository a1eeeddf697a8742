#include "ui/window_app.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <fstream>
#include "cli/cli_util.h"
#include "common/app_model.h"
#include "common/names.h"
#include "common/quality.h"
#include "common/sim_pose.h"
#include "common/tension.h"
#include "common/ui_layer.h"
#include "core/image.h"
#include "render/renderer.h"
#include "render/swapchain_target.h"
#include "sim/commands.h"
#include "ui/learn_ui.h"
#include "ui/live.h"
#include "ui/orbit_controls.h"
#include "ui/panel.h"
#include "ui/pick_scheduler.h"
#include "ui/script.h"
#include "ui/sim_worker.h"
#include "ui/state_json.h"

namespace fascia::app {
namespace {

struct ScriptRun {
  const Script* script = nullptr;
  size_t next = 0;
  int wait_frames = 5;    // the first frames lay the panels out before any event
  double wait_until = 0;  // glfwGetTime() seconds
  double deadline = 0;    // for `wait settled`
  bool waiting_settled = false;
  std::string screenshot;  // a file to write from the frame being drawn
  std::optional<Error> error;
  bool active() const { return script && next < script->events.size(); }
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
  double last_cursor_move = -1;
  uint32_t forced_hover = 0;  // a scripted hover on a named structure
  ScriptRun script;
  LearnUi learn;  // names, lines panel, inspector, search, lessons, quizzes
};

WindowState* state_of(GLFWwindow* w) {
  return static_cast<WindowState*>(glfwGetWindowUserPointer(w));
}

// Plays the chosen movement: the body follows on the GPU, the lines are re-swept through the joints,
// and with stretch colouring each track shows how much longer it is than standing.
void animate(WindowState& st, float dt) {
  MovementTool& mv = st.movement;
  if (!mv.playing && !mv.changed) return;
  mv.changed = false;
  body::Pose pose = body::rest_pose(st.model->body.skeleton);
  if (mv.movement >= 0) {
    const body::Movement& m = st.model->movements[size_t(mv.movement)];
    if (mv.playing) {
      mv.time += dt;
      if (mv.time > m.duration())
        mv.time = m.loop ? std::fmod(mv.time, std::max(0.01f, m.duration())) : m.duration();
    }
    pose = body::sample_movement(m, st.model->body.skeleton, mv.time);
  } else {
    // Standing again: the body takes the simulated pose back.
    st.live.shown_hinge_q = st.live.snapshot.hinge_q;
    pose = pose_from_sim(st.model->body.skeleton, st.live.worker->model(), st.live.shown_hinge_q);
  }
  st.live.pose_from_simulation = mv.movement < 0;
  st.model->apply_pose(pose);
  st.view.lines.track_value.clear();
  if (mv.colour_by_stretch) st.view.lines.track_value = colour_by_stretch(st.model->track_stretch(), 0.25f);
}

// Window coordinates (what GLFW reports) to framebuffer pixels (what the id buffer holds).
vec2 framebuffer_pixel(GLFWwindow* w, double x, double y) {
  int ww, wh, fw, fh;
  glfwGetWindowSize(w, &ww, &wh);
  glfwGetFramebufferSize(w, &fw, &fh);
  return vec2(float(x) * fw / std::max(1, ww), float(y) * fh / std::max(1, wh));
}

bool ui_has_mouse(GLFWwindow* w) {
  auto* st = state_of(w);
  return st->ui && st->ui->wants_mouse();
}

// A click or right-click at a window pixel: the id buffer says what is under it.
void click_at(GLFWwindow* w, WindowState& st, double x, double y, bool right) {
  st.click_right = right;
  st.click_at = vec2(float(x), float(y));
  st.picks.clicked(framebuffer_pixel(w, x, y));
}

void on_mouse_button(GLFWwindow* w, int button, int action, int) {
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

void on_cursor(GLFWwindow* w, double x, double y) {
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
  st->picks.cursor_moved(framebuffer_pixel(w, x, y), glfwGetTime(), !dragging && !ui_has_mouse(w));
}

void on_scroll(GLFWwindow* w, double, double dy) {
  auto* st = state_of(w);
  st->redraw = std::max(st->redraw, 2);
  if (ui_has_mouse(w)) return;
  st->controls.on_scroll(st->view.camera, dy);
}

// Keys: Esc closes the popup or an overlay (or else the window), 1-4 the view presets, Ctrl+Z undo,
// Ctrl+Shift+Z and Ctrl+Y redo; the rest go to the learning panels.
void handle_key(GLFWwindow* w, WindowState& st, int key, int mods) {
  st.redraw = std::max(st.redraw, 3);
  const bool ctrl = mods & GLFW_MOD_CONTROL, shift = mods & GLFW_MOD_SHIFT;
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
  if (key >= GLFW_KEY_1 && key <= GLFW_KEY_4 && !ctrl)
    OrbitControls::preset(st.view.camera, key - GLFW_KEY_0);
  if (ctrl && key == GLFW_KEY_Z) shift ? redo(st.live) : undo(st.live);
  if (ctrl && key == GLFW_KEY_Y) redo(st.live);
}

void on_key(GLFWwindow* w, int key, int, int action, int mods) {
  if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
  handle_key(w, *state_of(w), key, mods);
}

void on_char(GLFWwindow* w, unsigned int) {
  state_of(w)->redraw = std::max(state_of(w)->redraw, 2);
}
void on_refresh(GLFWwindow* w) {
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

void on_resize(GLFWwindow* w, int, int) {
  state_of(w)->resized = true;
  state_of(w)->redraw = std::max(state_of(w)->redraw, 2);
}

// A world point to the window pixel it is drawn at.
vec2 project(const scene::Camera& camera, vec3 p, vec2 viewport) {
  vec4 clip = camera.projection(viewport.x / std::max(1.0f, viewport.y)) * camera.view() * vec4(p, 1.0f);
  vec2 ndc = vec2(clip) / std::max(1e-6f, clip.w);
  return vec2((ndc.x * 0.5f + 0.5f) * viewport.x, (ndc.y * 0.5f + 0.5f) * viewport.y);
}

// "ctrl+shift+z" -> a GLFW key and modifiers (the script parser checked the spelling).
std::pair<int, int> parse_key(std::string spec) {
  int mods = 0;
  for (auto [name, bit] :
       {std::pair<const char*, int>{"ctrl+", GLFW_MOD_CONTROL}, {"shift+", GLFW_MOD_SHIFT}})
    for (auto at = spec.find(name); at != std::string::npos; at = spec.find(name)) {
      spec.erase(at, std::string(name).size());
      mods |= bit;
    }
  if (spec == "escape") return {GLFW_KEY_ESCAPE, mods};
  if (spec.size() == 1 && spec[0] >= '1' && spec[0] <= '4') return {GLFW_KEY_1 + (spec[0] - '1'), mods};
  if (spec == "z") return {GLFW_KEY_Z, mods};
  if (spec == "y") return {GLFW_KEY_Y, mods};
  return {GLFW_KEY_F, mods};
}

Error script_error(const ScriptRun& r, const ScriptEvent& e, const std::string& what, bool bad_input_kind) {
  std::string msg = r.script->file.string() + ":" + std::to_string(e.line) + ": " + what;
  return bad_input_kind ? bad_input(msg) : internal_error(msg);
}

// Whether an `expect` holds; `got` says what was found.
bool expectation(const WindowState& st, const ScriptEvent& e, std::string& got) {
  const LiveState& l = st.live;
  const session::Session& cur = l.history.current();
  if (e.name == "restrictions") {
    got = std::to_string(cur.restrictions.size());
    return int(cur.restrictions.size()) == std::atoi(e.text.c_str());
  }
  if (e.name == "restricted" || e.name == "not-restricted") {
    bool has = session::find_restriction(cur, e.text) != nullptr;
    got = has ? "restricted" : "not restricted";
    return has == (e.name == "restricted");
  }
  if (e.name == "selection") {
    got = cur.selection.empty() ? "none" : cur.selection;
    return got == e.text;
  }
  if (e.name == "trace-sources") {
    got = l.trace ? std::to_string(l.trace->sources.size()) : "no trace";
    return l.trace && int(l.trace->sources.size()) == std::atoi(e.text.c_str());
  }
  got = l.popup.open ? l.popup.targets.id : "none";  // popup
  return got == e.text;
}

// Replays script events until one has to wait for frames, time or the simulation.
void run_script(GLFWwindow* w, WindowState& st, int fh) {
  ScriptRun& r = st.script;
  if (!r.active() || r.error) return;
  st.redraw = std::max(st.redraw, 1);
  const double now = glfwGetTime();
  if (r.wait_frames > 0) {
    --r.wait_frames;
    return;
  }
  if (now < r.wait_until) return;
  int fw = 0, unused_h = 0;
  glfwGetFramebufferSize(w, &fw, &unused_h);
  const vec2 viewport{float(fw), float(fh)};
  while (r.active()) {
    const ScriptEvent& e = r.script->events[r.next];
    using K = ScriptEvent::Kind;
    if (e.kind == K::WaitSettled) {
      if (!r.waiting_settled) {
        r.waiting_settled = true;
        r.deadline = now + 60;
      }
      const LiveState& l = st.live;
      bool done = l.snapshot.settled && l.snapshot.session_revision == l.sim_revision &&
                  l.posted_revision == l.history.revision() && !l.trace_pending;
      if (!done && now > r.deadline) {
        r.error = script_error(r, e, "wait settled: the simulation did not come to rest within 60 s", false);
        return;
      }
      if (!done) return;
      r.waiting_settled = false;
      ++r.next;
      continue;
    }
    ++r.next;
    switch (e.kind) {
      case K::Key: {
        auto [key, mods] = parse_key(e.name);
        handle_key(w, st, key, mods);
        r.wait_frames = 1;
        return;
      }
      case K::Click:
      case K::Hover: {
        if (e.at_pixel) {
          if (e.kind == K::Click)
            click_at(w, st, e.from.x, e.from.y, e.right);
          else
            st.picks.cursor_moved(framebuffer_pixel(w, e.from.x, e.from.y), now - 1, true);
          r.wait_frames = 3;  // the id buffer answers a frame or two later
          return;
        }
        uint32_t pick = st.model->pick_of(e.name);
        auto anchor = st.model->anchor_of(e.name);
        if (!pick || !anchor) {
          r.error = script_error(r, e,
                                 (e.kind == K::Click ? "click" : "hover") +
                                     std::string(": no track, station or body part '") + e.name + "'",
                                 true);
          return;
        }
        if (e.kind == K::Click)
          clicked(st.live, e.name, project(st.view.camera, *anchor, viewport));
        else
          st.forced_hover = pick;
        r.wait_frames = 1;
        return;
      }
      case K::Drag: {
        st.controls.on_button(!e.right, e.right, e.from.x, e.from.y);
        st.controls.on_move(st.view.camera, e.to.x, e.to.y, fh);
        st.controls.on_button(false, false, e.to.x, e.to.y);
        r.wait_frames = 1;
        return;
      }
      case K::WaitFrames:
        r.wait_frames = int(e.number);
        return;
      case K::WaitSeconds:
        r.wait_until = now + e.number;
        return;
      case K::Slider:
        st.live.slider_values[e.name] = e.number;
        r.wait_frames = 1;
        return;
      case K::Press:
        st.live.pressed.insert(e.name == "source" ? "source:" + std::to_string(int(e.number)) : e.name);
        if (e.name == "close") st.live.pressed.insert("close-trace");
        r.wait_frames = 1;
        return;
      case K::Type:
        st.live.search = e.text;
        r.wait_frames = 1;
        return;
      case K::Screenshot:
        r.screenshot = e.name;
        return;
      case K::State: {
        std::string tmp = e.name + ".tmp";
        std::ofstream out(tmp);
        out << live_state_json(st.live, st.view, viewport).dump(2) << "\n";
        out.close();
        if (!out || std::rename(tmp.c_str(), e.name.c_str()) != 0) {
          r.error = script_error(r, e, "state: cannot write " + e.name, true);
          return;
        }
        continue;
      }
      case K::Expect: {
        std::string got;
        if (!expectation(st, e, got)) {
          r.error = script_error(r, e, "expect " + e.name + " " + e.text + ": got " + got, false);
          return;
        }
        continue;
      }
      case K::Quit:
        glfwSetWindowShouldClose(w, GLFW_TRUE);
        return;
      case K::WaitSettled:
        break;
    }
  }
}

// Events the script asked for but no widget took this frame (a slider of a popup that is not open).
void check_script_leftovers(WindowState& st) {
  ScriptRun& r = st.script;
  if (!r.script || r.error || r.next == 0 || r.wait_frames > 0) return;
  const ScriptEvent& e = r.script->events[r.next - 1];
  if (!st.live.slider_values.empty())
    r.error = script_error(
        r, e, "slider " + st.live.slider_values.begin()->first + ": that slider is not showing", false);
  else if (!st.live.pressed.empty() &&
           !(st.live.pressed.size() == 1 && *st.live.pressed.begin() == "close-trace"))
    r.error = script_error(r, e, "press " + *st.live.pressed.begin() + ": that button is not showing", false);
  st.live.pressed.clear();
}

// Scripted window changes for the resize tests: sizes, a minimise and a restore, repeated every
// kExerciseCycle frames so a long run (the window soak) goes through them many times.
constexpr int kExerciseCycle = 30;

void exercise(GLFWwindow* w, int frame) {
  switch (frame % kExerciseCycle) {
    case 5:
      glfwSetWindowSize(w, 800, 600);
      break;
    case 10:
      glfwIconifyWindow(w);
      break;
    case 15:
      glfwRestoreWindow(w);
      break;
    case 20:
      glfwSetWindowSize(w, 1024, 400);
      break;
    case 25:
      glfwSetWindowSize(w, 640, 900);
      break;
    case 29:
      glfwSetWindowSize(w, 1280, 720);
      break;
    default:
      break;
  }
}

// Resident memory in KiB (/proc/self/statm), for the soak's "memory stays flat".
long resident_kib() {
  long pages = 0, resident = 0;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
  std::fclose(f);
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// A deliberate Vulkan misuse (reserved flags must be zero), so the tests can prove that a validation
// message makes the window fail: FASCIA_EXERCISE_MISUSE=1 with --exercise-resize.
void misuse_for_tests(VkDevice device) {
  const char* v = std::getenv("FASCIA_EXERCISE_MISUSE");
  if (!v || std::string(v) != "1") return;
  VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
  si.flags = 1;
  VkSemaphore s = VK_NULL_HANDLE;
  if (vkCreateSemaphore(device, &si, nullptr, &s) == VK_SUCCESS) vkDestroySemaphore(device, s, nullptr);
}

}  // namespace

bool display_available() {
  const char* x = std::getenv("DISPLAY");
  const char* wl = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (wl && *wl);
}

Status run_window(const ViewOptions& options) {
  if (!display_available()) return bad_input("no display: DISPLAY and WAYLAND_DISPLAY are not set");
  std::optional<Script> script;
  if (!options.script.empty()) {
    auto loaded = load_script(options.script);  // checked whole before the window opens
    if (!loaded) return loaded.error();
    script = std::move(*loaded);
  }
  if (!glfwInit()) return bad_input("no display: GLFW could not connect to the window system");
  if (!glfwVulkanSupported()) {
    glfwTerminate();
    return bad_input("no Vulkan loader usable by GLFW (install libvulkan1 and a driver)");
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  GLFWwindow* window = glfwCreateWindow(1280, 720, "Fascia Atlas", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return bad_input("no display: could not create a window");
  }

  render::ContextOptions co;
  co.validation = want_validation();
  uint32_t n = 0;
  const char** exts = glfwGetRequiredInstanceExtensions(&n);
  for (uint32_t i = 0; i < n; ++i) co.instance_extensions.push_back(exts[i]);
  co.make_surface = [window](VkInstance instance) -> Result<VkSurfaceKHR> {
    VkSurfaceKHR surface;
    if (glfwCreateWindowSurface(instance, window, nullptr, &surface) != VK_SUCCESS)
      return bad_input("cannot create a Vulkan surface for the window");
    return surface;
  };
  auto ctx = render::create_context(co);
  if (!ctx) {
    glfwDestroyWindow(window);
    glfwTerminate();
    return ctx.error();
  }

  auto model = load_app_model(/*reduced_detail=*/true, options.model);
  if (!model) {
    render::destroy_context(**ctx);
    glfwDestroyWindow(window);
    glfwTerminate();
    return model.error();
  }
  WindowState state;
  state.model = model->get();
  {
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window, &fw, &fh);
    state.view =
        (*model)->default_view("front", fw > 0 && fh > 0 ? float(fw) / float(fh) : 16.0f / 9.0f).value();
  }
  state.view.body.reduced_detail = (*ctx)->properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
  if (!options.movement.empty()) {
    const auto& ms = state.model->movements;
    auto it = std::find_if(ms.begin(), ms.end(),
                           [&](const body::Movement& m) { return m.name == options.movement; });
    if (it == ms.end()) {
      render::destroy_context(**ctx);
      glfwDestroyWindow(window);
      glfwTerminate();
      return bad_input("--movement '" + options.movement + "': no such movement in " +
                       body::poses_dir().string());
    }
    state.movement.movement = int(it - ms.begin());
    state.movement.playing = true;
    state.movement.colour_by_stretch = true;
    state.movement.changed = true;
  }
  init_learn_ui(state.learn, *state.model);
  if (script) state.script.script = &*script;
  // The simulation runs on its own thread; each snapshot it publishes wakes the event loop.
  // Stopped (reset) before GLFW is terminated, since it wakes GLFW's event loop from its thread.
  std::optional<SimWorker> worker;
  worker.emplace(sim::default_model(), [] { glfwPostEmptyEvent(); });
  state.live.model = state.model;
  state.live.worker = &*worker;
  if (options.session) state.live.history.reset(*options.session);  // --session: the client's, as saved
  state.live.pose_from_simulation = state.movement.movement < 0;
  glfwSetWindowUserPointer(window, &state);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetCursorPosCallback(window, on_cursor);
  glfwSetScrollCallback(window, on_scroll);
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
  glfwSetWindowRefreshCallback(window, on_refresh);
  glfwSetFramebufferSizeCallback(window, on_resize);

  uint32_t validation_messages = 0;
  Status result = ok_status();
  {
    int fw, fh;
    glfwGetFramebufferSize(window, &fw, &fh);
    render::SwapchainTarget target(**ctx, {uint32_t(fw), uint32_t(fh)});
    // On a software rasteriser (lavapipe) the window trades full detail and 4x MSAA for frame rate.
    const bool software = (*ctx)->properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
    const WindowQuality quality = window_quality(software);
    render::Renderer renderer(**ctx, target.format(), quality.samples, quality.post_filter);
    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(window, &xscale, &yscale);
    const float ui_scale = std::max(1.0f, xscale);
    UiLayer ui(**ctx, target.format(), window, ui_scale);
    state.ui = &ui;
    state.learn.scale = ui_scale;
    auto last = std::chrono::steady_clock::now();
    float frame_ms = 0;
    int frame = 0;
    bool pick_in_flight = false;
    if (options.exercise_resize) misuse_for_tests((*ctx)->device);
    while (!glfwWindowShouldClose(window)) {
      // Render on demand: sleep until input, the simulation or an animation has something to show.
      const double now_s = glfwGetTime();
      const bool hover_due =
          state.last_cursor_move >= 0 && now_s - state.last_cursor_move < 2 * PickScheduler::kRestSeconds;
      const bool busy = state.redraw > 0 || options.max_frames || options.exercise_resize ||
                        state.movement.playing || state.view.lines.flow || state.script.active() ||
                        pick_in_flight || state.live.trace_pending || !state.live.snapshot.settled;
      if (busy)
        glfwPollEvents();
      else
        glfwWaitEventsTimeout(hover_due ? PickScheduler::kRestSeconds : 1.0);
      if (options.exercise_resize) {
        exercise(window, frame);
        // Resident memory at the end of each cycle (stdout), read by the window soak.
        if (frame % kExerciseCycle == kExerciseCycle - 1)
          std::printf("exercise: cycle %d resident %ld KiB\n", frame / kExerciseCycle + 1, resident_kib());
      }
      glfwGetFramebufferSize(window, &fw, &fh);
      if (fw == 0 || fh == 0 || glfwGetWindowAttrib(window, GLFW_ICONIFIED)) {
        // Minimised: nothing to draw into; wait for the next event instead of spinning.
        glfwWaitEventsTimeout(0.05);
        ++frame;
        if (options.max_frames && frame >= options.max_frames) break;
        continue;
      }
      if (sync_with_worker(state.live)) state.redraw = std::max(state.redraw, 1);
      run_script(window, state, fh);
      if (state.script.error) break;
      const bool hover_now = state.picks.next(glfwGetTime()).has_value();
      const bool draw_now = state.redraw > 0 || options.max_frames || options.exercise_resize ||
                            state.movement.playing || state.view.lines.flow || state.script.active() ||
                            pick_in_flight || hover_now || !state.script.screenshot.empty();
      if (!draw_now) {
        last = std::chrono::steady_clock::now();  // the time asleep is not animation time
        continue;
      }
      state.redraw = std::max(0, state.redraw - 1);
      VkExtent2D want{uint32_t(fw), uint32_t(fh)};
      if (state.resized || want.width != target.extent().width || want.height != target.extent().height) {
        renderer.wait_idle();
        target.recreate(want);
        ui.forget_framebuffers();
        state.resized = false;
      }
      auto now = std::chrono::steady_clock::now();
      float dt = std::min(0.1f, std::chrono::duration<float>(now - last).count());
      last = now;
      ui.begin_frame(target.extent(), dt);
      build_panel(state.view, state.live, state.movement, state.model->movements, frame_ms);
      animate(state, dt);
      state.view.time_seconds += dt;
      view_from_session(state.live, state.view);
      draw_popup(state.live);
      draw_trace(state.live);
      check_script_leftovers(state);
      if (state.live.snapshot_changed) state.learn.added_tension_N = added_tension_by_track(state.live);
      if (!state.view.lines.track_profile.empty())
        draw_tension_legend(state.live.tension, ui_scale);
      else if (state.movement.colour_by_stretch)
        draw_legend("Lengthening of each track against standing", "0 %", "12.5 %", "25 %", ui_scale);
      std::string learn_clicked;  // what a click names, for the inspector and the quiz
      if (auto id = renderer.take_pick()) {
        pick_in_flight = false;
        if (auto clicked_id = state.picks.arrived(*id)) {
          learn_clicked = picked_id(*state.model, *clicked_id);
          state.learn.right_click_pending = state.click_right && !learn_clicked.empty();
          // A left click also opens the restrict/trace popup; a right click is the hide/fade menu only.
          if (!state.click_right) clicked(state.live, state.model->id_of(*clicked_id), state.click_at);
        }
        state.redraw = std::max(state.redraw, 1);
      }
      build_learn_ui(state.learn, state.view, learn_clicked, dt);
      if (state.learn.fly.active()) state.redraw = std::max(state.redraw, 2);
      if (state.learn.requests.step || state.learn.requests.end_lesson) {
        apply_step_tools(state.learn.requests.step ? &*state.learn.requests.step : nullptr, state.live,
                         state.movement, state.model->movements);
        state.learn.requests.step.reset();
        state.learn.requests.end_lesson = false;
      }
      if (auto at = state.picks.next(glfwGetTime())) {
        renderer.request_pick(int(at->x), int(at->y));
        pick_in_flight = true;
      }
      show_hover(state);
      state.scene = state.model->build_scene(state.view);
      apply_hidden(state.scene, *state.model, state.learn.hidden);
      auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D extent) {
        ui.record(cmd, image, extent);
      };
      const bool shot = !state.script.screenshot.empty();
      if (shot) target.request_capture();
      if (renderer.draw(state.scene, target, overlay) == render::FrameStatus::OutOfDate) state.resized = true;
      // The work of a frame, without a screenshot's wait and PNG.
      frame_ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - now).count();
      if (shot) {
        renderer.wait_idle();
        auto image = target.take_capture();
        if (!image) {
          state.redraw = std::max(state.redraw, 1);  // the frame was not drawn (resized): next one
        } else {
          if (Status st = write_png(state.script.screenshot, *image); !st) state.script.error = st.error();
          state.script.screenshot.clear();
        }
      }
      ++frame;
      if (options.max_frames && frame >= options.max_frames) break;
    }
    if (state.script.error) result = *state.script.error;
    renderer.wait_idle();
    vkDeviceWaitIdle((*ctx)->device);
    state.ui = nullptr;
    validation_messages = render::validation_message_count(**ctx);
  }
  worker.reset();
  render::destroy_context(**ctx);
  glfwDestroyWindow(window);
  glfwTerminate();
  if (validation_messages)
    return internal_error("the window produced " + std::to_string(validation_messages) +
                          " validation message(s)");
  return result;
}

}  // namespace fascia::app

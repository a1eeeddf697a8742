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

#include "cli/cli_util.h"
#include "common/app_model.h"
#include "common/quality.h"
#include "common/tension.h"
#include "common/ui_layer.h"
#include "render/renderer.h"
#include "render/swapchain_target.h"
#include "ui/learn_ui.h"
#include "ui/orbit_controls.h"
#include "ui/panel.h"
#include "ui/pick_scheduler.h"

namespace fascia::app {
namespace {

struct WindowState {
  AppModel* model = nullptr;
  MovementTool movement;
  ViewState view;
  RestrictionTool tool;
  std::optional<TensionColouring> tension;
  scene::RenderScene scene;
  OrbitControls controls;
  UiLayer* ui = nullptr;
  bool resized = false;
  double press_x = -1, press_y = -1;  // where the left button went down
  PickScheduler picks;                // clicks and hovering, in framebuffer pixels
  LearnUi learn;                      // names, lines panel, inspector, search, lessons, quizzes
};

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
  }
  st.model->apply_pose(pose);
  if (mv.colour_by_stretch && !st.tension) {
    st.view.lines.track_value = colour_by_stretch(st.model->track_stretch(), 0.25f);
  } else if (!st.tension) {
    st.view.lines.track_value.clear();
  }
}

// Window coordinates (what GLFW reports) to framebuffer pixels (what the id buffer holds).
vec2 framebuffer_pixel(GLFWwindow* w, double x, double y) {
  int ww, wh, fw, fh;
  glfwGetWindowSize(w, &ww, &wh);
  glfwGetFramebufferSize(w, &fw, &fh);
  return vec2(float(x) * fw / std::max(1, ww), float(y) * fh / std::max(1, wh));
}

bool ui_has_mouse(GLFWwindow* w) {
  auto* st = static_cast<WindowState*>(glfwGetWindowUserPointer(w));
  return st->ui && st->ui->wants_mouse();
}

void on_mouse_button(GLFWwindow* w, int button, int action, int) {
  if (ui_has_mouse(w)) return;
  auto* st = static_cast<WindowState*>(glfwGetWindowUserPointer(w));
  double x, y;
  glfwGetCursorPos(w, &x, &y);
  if (button == GLFW_MOUSE_BUTTON_LEFT && action == GLFW_PRESS) {
    st->press_x = x;
    st->press_y = y;
  } else if (button == GLFW_MOUSE_BUTTON_LEFT && action == GLFW_RELEASE &&
             std::abs(x - st->press_x) + std::abs(y - st->press_y) < 4) {
    // A click, not a drag: ask the id buffer what is under it.
    st->picks.clicked(framebuffer_pixel(w, x, y));
  } else if (button == GLFW_MOUSE_BUTTON_RIGHT && action == GLFW_PRESS) {
    st->press_x = x;
    st->press_y = y;
  } else if (button == GLFW_MOUSE_BUTTON_RIGHT && action == GLFW_RELEASE &&
             std::abs(x - st->press_x) + std::abs(y - st->press_y) < 4) {
    // A right click (not a pan): the structure's menu (hide, fade) once the pick arrives.
    st->learn.right_click_pending = true;
    st->picks.clicked(framebuffer_pixel(w, x, y));
  }
  st->controls.on_button(glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS,
                         glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                             glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS,
                         x, y);
}

void on_cursor(GLFWwindow* w, double x, double y) {
  auto* st = static_cast<WindowState*>(glfwGetWindowUserPointer(w));
  int fw, fh;
  glfwGetFramebufferSize(w, &fw, &fh);
  st->controls.on_move(st->view.camera, x, y, fh);
  bool dragging = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS ||
                  glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                  glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
  st->picks.cursor_moved(framebuffer_pixel(w, x, y), glfwGetTime(), !dragging && !ui_has_mouse(w));
}

void on_scroll(GLFWwindow* w, double, double dy) {
  if (ui_has_mouse(w)) return;
  static_cast<WindowState*>(glfwGetWindowUserPointer(w))
      ->controls.on_scroll(static_cast<WindowState*>(glfwGetWindowUserPointer(w))->view.camera, dy);
}

void on_key(GLFWwindow* w, int key, int, int action, int mods) {
  if (action != GLFW_PRESS) return;
  auto* st = static_cast<WindowState*>(glfwGetWindowUserPointer(w));
  st->learn.keys.push_back({key, mods});
  if (ImGui::GetIO().WantTextInput) return;  // typing into the search box
  if (key == GLFW_KEY_ESCAPE && !learn_escape(st->learn)) glfwSetWindowShouldClose(w, GLFW_TRUE);
  if (key >= GLFW_KEY_1 && key <= GLFW_KEY_4) OrbitControls::preset(st->view.camera, key - GLFW_KEY_0);
}

// What the cursor rests on glows (a whole line for a track or station), named in a tooltip.
void show_hover(WindowState& st) {
  const uint32_t id = st.picks.hovered();
  Selection hovered = st.model->describe_pick(id);
  st.view.hover_pick = id;
  st.view.lines.hover = hovered.line;
  const std::string text = hover_text(st.learn, picked_id(*st.model, id));
  if (text.empty() || ImGui::GetIO().WantCaptureMouse) return;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(text.c_str());
  ImGui::EndTooltip();
}

void on_resize(GLFWwindow* w, int, int) {
  static_cast<WindowState*>(glfwGetWindowUserPointer(w))->resized = true;
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
  glfwSetWindowUserPointer(window, &state);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetCursorPosCallback(window, on_cursor);
  glfwSetScrollCallback(window, on_scroll);
  glfwSetKeyCallback(window, on_key);
  glfwSetFramebufferSizeCallback(window, on_resize);

  uint32_t validation_messages = 0;
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
    if (options.exercise_resize) misuse_for_tests((*ctx)->device);
    while (!glfwWindowShouldClose(window)) {
      glfwPollEvents();
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
      VkExtent2D want{uint32_t(fw), uint32_t(fh)};
      if (state.resized || want.width != target.extent().width || want.height != target.extent().height) {
        renderer.wait_idle();
        target.recreate(want);
        ui.forget_framebuffers();
        state.resized = false;
      }
      auto now = std::chrono::steady_clock::now();
      float dt = std::chrono::duration<float>(now - last).count();
      last = now;
      frame_ms = frame_ms == 0 ? dt * 1000 : frame_ms * 0.9f + dt * 100;  // smoothed for reading
      ui.begin_frame(target.extent(), dt);
      build_panel(state.view, state.tool, state.movement, state.model->movements, frame_ms);
      animate(state, dt);
      state.view.time_seconds += dt;
      if (state.tool.changed) {
        state.tool.changed = false;
        state.tension.reset();
        state.view.lines.track_value.clear();
        state.learn.added_tension_N.clear();
        if (state.tool.colour_by_tension) {
          if (auto c = colour_by_tension(*state.model, state.tool.active)) {
            state.tension = std::move(*c);
            state.view.lines.track_value = state.tension->track_value;
            state.learn.added_tension_N =
                added_tension_newtons(state.tension->track_value, state.tension->scale_N);
            state.view.body.muscle.opacity = std::min(state.view.body.muscle.opacity, 0.18f);
          }
        }
      }
      if (state.tension)
        draw_tension_legend(*state.tension, ui_scale);
      else if (state.movement.colour_by_stretch)
        draw_legend("Lengthening of each track against standing", "0 %", "12.5 %", "25 %", ui_scale);
      std::string clicked;
      if (auto id = renderer.take_pick())
        if (auto pick = state.picks.arrived(*id)) {
          clicked = picked_id(*state.model, *pick);
          if (clicked.empty()) state.learn.right_click_pending = false;  // nothing under it
        }
      if (auto at = state.picks.next(glfwGetTime())) renderer.request_pick(int(at->x), int(at->y));
      show_hover(state);
      build_learn_ui(state.learn, state.view, clicked, dt);
      if (state.learn.requests.step || state.learn.requests.end_lesson) {
        apply_step_tools(state.learn.requests.step ? &*state.learn.requests.step : nullptr, state.tool,
                         state.movement, state.model->movements);
        state.learn.requests.step.reset();
        state.learn.requests.end_lesson = false;
      }
      state.scene = state.model->build_scene(state.view);
      apply_hidden(state.scene, *state.model, state.learn.hidden);
      auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D extent) {
        ui.record(cmd, image, extent);
      };
      if (renderer.draw(state.scene, target, overlay) == render::FrameStatus::OutOfDate) state.resized = true;
      ++frame;
      if (options.max_frames && frame >= options.max_frames) break;
    }
    renderer.wait_idle();
    vkDeviceWaitIdle((*ctx)->device);
    state.ui = nullptr;
    validation_messages = render::validation_message_count(**ctx);
  }
  render::destroy_context(**ctx);
  glfwDestroyWindow(window);
  glfwTerminate();
  if (validation_messages)
    return internal_error("the window produced " + std::to_string(validation_messages) +
                          " validation message(s)");
  return ok_status();
}

}  // namespace fascia::app

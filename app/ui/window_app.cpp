#include "ui/window_app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "cli/cli_util.h"
#include "common/app_model.h"
#include "common/names.h"
#include "common/quality.h"
#include "common/sim_pose.h"
#include "common/tension.h"
#include "common/ui_layer.h"
#include "core/image.h"
#include "core/process_memory.h"
#include "render/renderer.h"
#include "render/swapchain_target.h"
#include "sim/commands.h"
#include "ui/learn_ui.h"
#include "ui/live.h"
#include "ui/panel.h"
#include "ui/present_mode.h"
#include "ui/session_camera.h"
#include "ui/session_menu.h"
#include "ui/sim_worker.h"
#include "ui/therapy_panel.h"
#include "ui/window_exercise.h"
#include "ui/window_input.h"
#include "ui/window_script.h"
#include "ui/window_state.h"

namespace fascia::app {
namespace {

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

// Whether the camera moved since the last frame (by more than rounding).
bool view_changed(const scene::Camera& a, const scene::Camera& b) {
  return glm::distance(a.target, b.target) > 1e-5f || std::abs(a.distance - b.distance) > 1e-5f ||
         std::abs(a.yaw_deg - b.yaw_deg) > 1e-3f || std::abs(a.pitch_deg - b.pitch_deg) > 1e-3f;
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
  std::string settings_warning;
  const session::Settings settings = load_app_settings(settings_warning);
  GLFWwindow* window =
      glfwCreateWindow(settings.window_width, settings.window_height, "Fascia Atlas", nullptr, nullptr);
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
  if (options.session) {  // --session: the client's, as saved, seen as it was when saved
    state.live.history.reset(*options.session);
    restore_camera(options.session->camera, state.view.camera);
  }
  init_session_menu(state, settings, settings_warning, options.session ? options.session_path : "");
  state.live.pose_from_simulation = state.movement.movement < 0;
  install_input_callbacks(window, state);

  uint32_t validation_messages = 0;
  Status result = ok_status();
  {
    int fw, fh;
    glfwGetFramebufferSize(window, &fw, &fh);
    render::SwapchainTarget target(**ctx, {uint32_t(fw), uint32_t(fh)});
    // On a software rasteriser (lavapipe) the window trades full detail and 4x MSAA for frame rate.
    const bool software = (*ctx)->properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
    const WindowQuality quality = window_quality(software);
    render::Renderer renderer(**ctx, target.format(), quality.samples, quality.post_filter,
                              quality.render_scale);
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
    // Closing (Esc, Ctrl+Q, the window's close button) asks first when there are unsaved changes.
    while (!(glfwWindowShouldClose(window) && confirm_close(window, state))) {
      // Render on demand: sleep until input, the simulation or an animation has something to show.
      const double now_s = glfwGetTime();
      const bool hover_due =
          state.picks.pending() ||
          (state.last_cursor_move >= 0 && now_s - state.last_cursor_move < 2 * PickScheduler::kRestSeconds);
      const bool busy = state.redraw > 0 || options.max_frames || options.exercise_resize ||
                        state.movement.playing || state.view.lines.flow ||
                        state.script.drives_frames(now_s) || pick_in_flight || state.live.trace_pending ||
                        !state.live.snapshot.settled;
      if (busy)
        glfwPollEvents();
      else
        glfwWaitEventsTimeout(state.script.idle ? std::max(0.0, state.script.wait_until - now_s)
                              : hover_due       ? PickScheduler::kRestSeconds
                                                : 1.0);
      if (options.exercise_resize) {
        exercise(window, frame);
        // Resident memory at the end of each cycle (stdout), read by the window soak.
        if (frame % kExerciseCycle == kExerciseCycle - 1)
          std::printf("exercise: cycle %d resident %ld KiB\n", frame / kExerciseCycle + 1,
                      long(resident_mib() * 1024));
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
      finish_treatments(state.live);
      if (poll_window_handout(state)) state.redraw = std::max(state.redraw, 2);
      run_script(window, state, fh);
      if (state.script.error) break;
      const bool pick_due = state.picks.due(glfwGetTime());  // asked below, after the panels
      const bool draw_now = state.redraw > 0 || options.max_frames || options.exercise_resize ||
                            state.movement.playing || state.view.lines.flow ||
                            state.script.drives_frames(glfwGetTime()) || pick_in_flight || pick_due ||
                            !state.script.screenshot.empty();
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
      const bool presenting = state.present.on;
      if (!presenting) {
        const PanelRequests asks =
            build_panel(state.view, state.live, state.movement, state.model->movements, frame_ms);
        if (asks.preset) state.learn.requests.preset = asks.preset;  // framed as the keys 1-4 do
      }
      animate(state, dt);
      state.view.time_seconds += dt;
      view_from_session(state.live, state.view);
      if (presenting) {
        draw_present_overlay(state);
      } else {
        draw_popup(state.live);
        draw_trace(state.live);
        state.learn.inspector_covered = draw_therapy_panels(state.live, state.therapy, ui_scale);
      }
      draw_session_menu(window, state);
      check_script_leftovers(state);
      if (state.live.snapshot_changed) state.learn.added_tension_N = added_tension_by_track(state.live);
      // (present mode draws its own legend, in plain words)
      if (!presenting && !state.view.lines.track_profile.empty())
        draw_tension_legend(state.live.tension, ui_scale);
      else if (!presenting && state.movement.colour_by_stretch)
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
      if (learn_clicked.empty()) learn_clicked = std::exchange(state.script_learn_click, std::string());
      if (presenting)
        state.learn.keys.clear();  // the learning panels are hidden: their keys wait for nothing
      else
        build_learn_ui(state.learn, state.view, learn_clicked, dt);
      check_learn_script_leftovers(state);
      if (state.learn.fly.active()) state.redraw = std::max(state.redraw, 2);
      if (state.learn.requests.step || state.learn.requests.end_lesson) {
        apply_step_tools(state.learn.requests.step ? &*state.learn.requests.step : nullptr, state.live,
                         state.movement, state.model->movements);
        state.learn.requests.step.reset();
        state.learn.requests.end_lesson = false;
      }
      draw_record_panel(state, ui_scale);  // after every change of this frame: the take records them
      // A still cursor over a view that moved (a fly, a preset, a pose) rests on something else now.
      if (view_changed(state.last_camera, state.view.camera)) state.picks.view_moved(glfwGetTime());
      state.last_camera = state.view.camera;
      if (auto at = state.picks.next(glfwGetTime())) {
        renderer.request_pick(int(at->x), int(at->y));
        pick_in_flight = true;
      }
      if (!presenting) show_hover(state);
      state.view.ghost_palette = ghost_palette(state.live, state.therapy);  // also in present mode
      state.scene = state.model->build_scene(state.view);
      apply_hidden(state.scene, *state.model, state.learn.hidden);
      auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D extent) {
        ui.record(cmd, image, extent);
      };
      const bool shot = !state.script.screenshot.empty();
      if (shot) target.request_capture();
      ++state.frames_drawn;
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
    wait_handout_export(state.handout);  // its job wakes GLFW when done: never after glfwTerminate
    // A counted run (tests, benchmarks) leaves the user's settings and autosave alone.
    if (!options.max_frames && !options.exercise_resize) session_on_exit(window, state);
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

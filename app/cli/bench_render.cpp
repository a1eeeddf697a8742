#include "cli/bench_render.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include "cli/cli_util.h"
#include "common/app_model.h"
#include "common/quality.h"
#include "common/tension.h"
#include "common/ui_layer.h"
#include "core/json.h"
#include "core/process_memory.h"
#include "render/offscreen.h"
#include "sim/commands.h"
#include "ui/live.h"
#include "ui/panel.h"
#include "ui/sim_worker.h"

namespace fascia::app {
namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the whole process (every lavapipe thread), ms: steadier than wall time on a busy machine.
double process_cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Median time a frame of the whole app (body, all lines, the panel) takes at `extent`, drawn back to
// back with two frames in flight, as the window draws them.
Json frame_time(AppModel& model, VkExtent2D extent, int frames, bool reduced, WindowQuality quality) {
  auto off = render::create_offscreen(extent, false);
  if (!off) return {{"error", off.error().message}};
  (*off)->renderer = std::make_unique<render::Renderer>(
      *(*off)->context, (*off)->target->format(), quality.samples, quality.post_filter, quality.render_scale);
  ViewState view = model.default_view("front").value();
  view.body.reduced_detail = reduced;
  UiLayer ui(*(*off)->context, (*off)->target->format(), nullptr, ui_scale_for_height(extent.height));
  auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D e) {
    ui.record(cmd, image, e);
  };
  // The window's frame with its sim worker running a calf restriction under a release (a treatment),
  // so the body keeps moving and every frame takes a new snapshot, recolours and re-poses.
  const auto t_start = Clock::now();
  SimWorker worker(sim::default_model());
  LiveState live;
  live.model = &model;
  live.worker = &worker;
  apply(live, session::SetRestriction{{"gastrocnemius.l", 3.0, 4.0}});
  apply(live, session::StartRelease{"gastrocnemius.l", 0.0});
  MovementTool movement;
  std::vector<double> times, cpu;
  for (int i = 0; i < frames + 3; ++i) {
    auto t = Clock::now();
    double c0 = process_cpu_ms();
    ui.begin_frame(extent, 1.0f / 30.0f);
    sync_with_worker(live);
    (void)build_panel(view, live, movement, model.movements, 0.0f);
    view_from_session(live, view);
    draw_popup(live);
    if (!view.lines.track_profile.empty()) draw_tension_legend(live.tension, extent.height / 720.0f);
    (*off)->renderer->draw(model.build_scene(view), *(*off)->target, overlay);
    if (i >= 3) {  // the first frames upload meshes
      times.push_back(ms_since(t));
      cpu.push_back(process_cpu_ms() - c0);
    }
  }
  (*off)->renderer->wait_idle();
  WorkerStats ws = worker.stats();
  const double wall_s = ms_since(t_start) / 1000.0;
  size_t triangles = 0, draws = 0;
  for (const auto& inst : model.build_scene(view).instances) {
    triangles += inst.mesh->indices.size() / 3;
    ++draws;
  }
  return {{"median_ms", median(times)},
          {"median_cpu_ms", median(cpu)},
          {"frames", frames},
          {"width", extent.width},
          {"height", extent.height},
          {"triangles", triangles},
          {"draws", draws},
          {"msaa", int((*off)->renderer->samples())},
          {"post_filter", (*off)->renderer->post_filter()},
          {"detail", reduced ? "reduced" : "full"},
          {"worker",
           {{"steps", ws.steps},
            {"steps_per_second", wall_s > 0 ? double(ws.steps) / wall_s : 0.0},
            {"real_time_steps_per_second", 1.0 / sim::default_model().opt.timestep},
            {"step_cpu_ms", ws.steps ? 1e3 * ws.step_seconds / double(ws.steps) : 0.0},
            {"dropped_steps", ws.dropped_steps}}}};
}

}  // namespace

Json bench_render(const RenderBenchOptions& o) {
  Json out;
  auto t0 = Clock::now();
  auto model = load_app_model(true);
  if (!model) return {{"error", model.error().message}};
  double load_ms = ms_since(t0);
  {
    auto off = render::create_offscreen({1280, 720}, false);
    if (!off) return {{"error", off.error().message}};
    ViewState view = (*model)->default_view("front").value();
    (*off)->render((*model)->build_scene(view));
  }
  out["start_to_first_frame_ms"] = ms_since(t0);
  out["start_to_first_frame_target_ms"] = 1000;
  out["model_load_ms"] = load_ms;
  // Full detail is what stills and videos draw; reduced detail is what the window draws on lavapipe.
  // The window's settings on this device, then the full quality that stills and videos use.
  auto ctx_kind = render::create_offscreen({16, 16}, false);
  bool software = ctx_kind && (*ctx_kind)->context->properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
  ctx_kind = internal_error("");
  const WindowQuality window = window_quality(software);
  out["frame_1280x720"] = frame_time(**model, {1280, 720}, o.frames, software, window);
  out["frame_1280x720"]["target_ms"] = 33;
  out["frame_1280x720"]["render_scale"] = window.render_scale;
  // What the reduced scene size saves: the same frame with the scene at the window's full size.
  if (window.render_scale < 1.0f)
    out["frame_1280x720_full_res"] =
        frame_time(**model, {1280, 720}, o.frames, software, {VK_SAMPLE_COUNT_1_BIT, true, 1.0f});
  if (o.window_frame_only) return out;
  // What the anti-aliasing costs: the same frame with none, and with 4x MSAA instead of the filter.
  if (window.post_filter) {
    out["frame_1280x720_without_aa"] =
        frame_time(**model, {1280, 720}, o.frames, software, {VK_SAMPLE_COUNT_1_BIT, false, 1.0f});
    out["frame_1280x720_msaa4"] =
        frame_time(**model, {1280, 720}, o.frames, software, {VK_SAMPLE_COUNT_4_BIT, false, 1.0f});
  }
  out["frame_1920x1080"] = frame_time(**model, {1920, 1080}, o.frames, software, window);
  out["frame_1280x720_full_quality"] =
      frame_time(**model, {1280, 720}, o.frames, false, {VK_SAMPLE_COUNT_4_BIT, false});
  out["peak_resident_memory_mb"] = peak_resident_mib();
  out["peak_resident_memory_target_mb"] = 300;
  return out;
}

}  // namespace fascia::app

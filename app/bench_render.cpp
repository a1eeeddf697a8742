#include "bench_render.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "app_model.h"
#include "cli_util.h"
#include "panel.h"
#include "render/offscreen.h"
#include "ui_layer.h"

namespace fascia::app {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Peak resident set size of this process, MB.
double peak_rss_mb() {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  double kb = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::atof(line + 6);
  std::fclose(f);
  return kb / 1024.0;
}

// Median time a frame of the whole app (body, all lines, the panel) takes at `extent`, drawn back to
// back with two frames in flight, as the window draws them.
Json frame_time(const AppModel& model, VkExtent2D extent, int frames) {
  auto off = render::create_offscreen(extent, false);
  if (!off) return {{"error", off.error().message}};
  ViewState view = model.default_view("front").value();
  UiLayer ui(*(*off)->context, (*off)->target->format(), nullptr, extent.height / 720.0f);
  auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D e) { ui.record(cmd, image, e); };
  RestrictionTool tool;
  std::vector<double> times;
  for (int i = 0; i < frames + 3; ++i) {
    auto t = Clock::now();
    ui.begin_frame(extent, 1.0f / 30.0f);
    build_panel(view, tool, 0.0f);
    (*off)->renderer->draw(model.build_scene(view), *(*off)->target, overlay);
    if (i >= 3) times.push_back(ms_since(t));  // the first frames upload meshes
  }
  (*off)->renderer->wait_idle();
  return {{"median_ms", median(times)}, {"frames", frames}, {"width", extent.width}, {"height", extent.height}};
}

}  // namespace

Json bench_render(const RenderBenchOptions& o) {
  Json out;
  auto t0 = Clock::now();
  auto model = load_app_model();
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
  out["frame_1280x720"] = frame_time(**model, {1280, 720}, o.frames);
  out["frame_1280x720"]["target_ms"] = 33;
  out["frame_1920x1080"] = frame_time(**model, {1920, 1080}, o.frames);
  out["peak_resident_memory_mb"] = peak_rss_mb();
  out["peak_resident_memory_target_mb"] = 300;
  return out;
}

}  // namespace fascia::app

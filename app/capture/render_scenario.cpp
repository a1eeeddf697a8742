#include "capture/render_scenario.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "body/skeleton.h"
#include "capture/frame_sink.h"
#include "capture/interrupt.h"
#include "capture/progress.h"
#include "capture/scenario_view.h"
#include "cli/cli_util.h"
#include "common/sim_snapshot.h"
#include "common/tension.h"
#include "common/ui_layer.h"
#include "core/file_io.h"
#include "render/offscreen.h"
#include "scenario/parse.h"
#include "scenario/sim_timeline.h"
#include "scenario/srt.h"
#include "sim/commands.h"

namespace fascia::app {
namespace fs = std::filesystem;

Result<std::pair<int, int>> parse_frame_range(const std::string& text, int count) {
  int a = -1, b = -1;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d-%d%c", &a, &b, &tail) != 2 || a < 0 || b < a)
    return bad_input("--frames '" + text +
                     "': expected FIRST-LAST, e.g. 0-89 (frames from 0, both included)");
  if (b >= count)
    return bad_input("--frames '" + text + "': the scenario has frames 0-" + std::to_string(count - 1));
  return std::pair{a, b};
}

namespace {

bool simulates(const scenario::Scenario& s) {
  return !s.restrictions.empty() || !s.loads.empty() || !s.holds.empty() || !s.breathing.empty();
}

// The scale of tension colouring: the scenario's, else a fixed 20 N, so that every frame (and every
// part of a split render) uses the same colours. 20 N is about the largest mean change a 3x, 4 %
// calf restriction makes in this model (tuned by eye, no source: it is a display scale).
constexpr double kDefaultTensionScaleN = 20.0;

// Holds the picture shows: a hip held in flexion lifts the straight leg (a passive straight-leg
// raise). The simulation takes every hold; the picture only hips, whose sign on the skeleton is
// known (hip flexion turns the femur about -X, as in the forward bend of assets/poses).
std::vector<session::Hold> shown_holds(const session::Session& s) {
  std::vector<session::Hold> out;
  for (const auto& h : s.holds)
    if (h.joint == "hip.l" || h.joint == "hip.r" || h.joint == "femur.l" || h.joint == "femur.r")
      out.push_back(h);
  return out;
}

void apply_holds(const body::Skeleton& skeleton, const std::vector<session::Hold>& holds, body::Pose& pose) {
  for (const auto& h : holds) {
    int j = skeleton.find("femur" + h.joint.substr(h.joint.find('.')));
    if (j < 0) continue;
    vec3 deg = body::degrees_from_rotation(pose.local_rotation[j]);
    deg.x -= float(h.degrees);
    pose.local_rotation[j] = body::rotation_from_degrees(deg);
  }
}

}  // namespace

Result<ScenarioRenderReport> render_scenario(const ScenarioRenderOptions& o) {
  watch_interrupts();
  auto loaded = scenario::load_scenario(o.scenario);
  if (!loaded) return loaded.error();
  scenario::Scenario s = std::move(*loaded);

  auto kind = sink_kind_for(o.output);
  if (!kind) return kind.error();
  if (o.fps != -1) {
    if (o.fps < 1 || o.fps > scenario::kMaxFps)
      return bad_input("--fps " + std::to_string(o.fps) + ": expected 1 to 120");
    s.fps = o.fps;
  }
  VkExtent2D extent{uint32_t(s.width), uint32_t(s.height)};
  if (!o.size.empty()) {
    auto e = parse_size(o.size, "--size");
    if (!e) return e.error();
    extent = *e;
  }
  if (o.quality != "draft" && o.quality != "final")
    return bad_input("--quality '" + o.quality + "': expected draft or final");

  const int count = s.frame_count();
  int first = 0, last = count - 1;
  if (o.at_s) {
    if (*kind != SinkKind::Png) return bad_input("--at renders one picture: give -o OUT.png");
    if (!o.frames.empty()) return bad_input("--at and --frames: give one or the other");
    if (!std::isfinite(*o.at_s) || *o.at_s < 0 || *o.at_s > s.duration_s)
      return bad_input("--at " + std::to_string(*o.at_s) + ": expected 0 to the scenario's duration, " +
                       std::to_string(s.duration_s) + " s");
    first = last = std::min(count - 1, int(std::lround(*o.at_s * s.fps)));
  } else if (*kind == SinkKind::Png) {
    if (!o.frames.empty()) return bad_input("--frames with a .png: give a folder (OUT/) for a PNG sequence");
    first = last = 0;
  } else if (!o.frames.empty()) {
    auto r = parse_frame_range(o.frames, count);
    if (!r) return r.error();
    first = r->first;
    last = r->second;
  }
  if (o.transparent && *kind == SinkKind::Mp4)
    return bad_input(o.output.string() +
                     ": H.264 MP4 has no alpha; for --transparent write .webm or a folder of PNGs");
  // The cheap checks of the output before the body loads (seconds): folder, ffmpeg.
  if (*kind != SinkKind::PngSequence) FASCIA_TRY(check_writable(o.output));
  if (*kind == SinkKind::Mp4 || *kind == SinkKind::WebM) {
    auto ff = find_ffmpeg();
    if (!ff) return ff.error();
  }

  auto model = load_app_model(o.quality == "draft");
  if (!model) return model.error();
  AppModel& am = **model;
  scenario::Catalog catalog = scenario_catalog(am);
  catalog.model = &sim::default_model();
  FASCIA_TRY(scenario::bind(s, catalog));

  SinkOptions so;
  so.output = o.output;
  so.kind = *kind;
  so.width = int(extent.width);
  so.height = int(extent.height);
  so.fps = s.fps;
  so.transparent = o.transparent;
  auto sink = open_sink(so);
  if (!sink) return sink.error();

  // Draft is the window's settings: on a software rasteriser, 1x samples (lavapipe pays ~2.7x for 4x).
  auto probe = render::create_offscreen({16, 16}, false);
  const bool software = probe && (*probe)->context->properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
  probe = internal_error("");
  const bool draft = o.quality == "draft";
  auto off = render::create_offscreen(extent, want_validation(),
                                      draft && software ? VK_SAMPLE_COUNT_1_BIT : VK_SAMPLE_COUNT_4_BIT);
  if (!off) {
    (*sink)->abandon();
    return off.error();
  }
  const float scale = float(extent.height) / 720.0f;
  UiLayer ui(*(*off)->context, (*off)->target->format(), nullptr, scale);

  const bool with_sim = simulates(s);
  const sim::Model& sm = sim::default_model();
  scenario::SimTimeline timeline(sm, s);
  const double tension_scale = s.tension_scale_n > 0 ? s.tension_scale_n : kDefaultTensionScaleN;
  // The window's encoding (dB below 0 dB per element, a gradient along each track), with 0 dB held
  // at the scenario's scale so that every frame is coloured alike.
  TensionColouring legend;
  legend.max_change_N = tension_scale;
  SimSnapshot base_snapshot, now_snapshot;
  const bool show_legend = with_sim && s.colouring == scenario::Colouring::Tension;

  std::string posed_movement = "";
  std::vector<session::Hold> posed_holds;
  double posed_time = -1;
  Progress progress(last - first + 1, o.progress);
  auto start = std::chrono::steady_clock::now();
  auto fail = [&](const Error& e) -> Error {
    (*sink)->abandon();
    return e;
  };
  for (int f = first; f <= last; ++f) {
    if (int sig = interrupt_signal())
      return fail(bad_input("interrupted by signal " + std::to_string(sig) + "; nothing written"));
    auto moment = scenario::evaluate_frame(s, f);
    if (!moment) return fail(moment.error());
    const double t = s.frame_time(f);

    // The pose: the movement at its time, or standing.
    const auto& sess = moment->session;
    std::vector<session::Hold> holds = shown_holds(sess);
    if (sess.movement != posed_movement || sess.movement_time_s != posed_time || holds != posed_holds) {
      body::Pose pose = body::rest_pose(am.body.skeleton);
      for (const auto& mv : am.movements)
        if (mv.name == sess.movement)
          pose = body::sample_movement(mv, am.body.skeleton, float(sess.movement_time_s));
      apply_holds(am.body.skeleton, holds, pose);
      am.apply_pose(pose);
      posed_movement = sess.movement;
      posed_time = sess.movement_time_s;
      posed_holds = holds;
    }
    ViewState view = moment_view(am, *moment, t, o.transparent);
    view.body.reduced_detail = draft && software;
    if (s.colouring == scenario::Colouring::Tension && with_sim) {
      if (auto st = timeline.seek(f); !st) return fail(st.error());
      if (base_snapshot.element_tension.empty()) fill_snapshot(timeline.baseline(), base_snapshot);
      fill_snapshot(timeline.data(), now_snapshot);
      now_snapshot.reference_change_N = tension_scale;
      legend = colour_by_tension(sm, now_snapshot, base_snapshot);
      view.lines.track_profile = legend.track_profile;
      view.body.muscle.opacity =
          std::min(view.body.muscle.opacity, 0.3f);  // the coloured lines are the subject
    } else if (s.colouring == scenario::Colouring::Stretch) {
      view.lines.track_value = colour_by_stretch(am.track_stretch(), 0.15f);
    }

    ui.begin_frame(extent, 1.0f / float(s.fps));
    draw_presentation(moment->presentation, view.camera, extent, scale, show_legend ? 370 * scale : 0);
    if (show_legend) draw_tension_legend(legend, scale);
    auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D e) {
      ui.record(cmd, image, e);
    };
    // The ring: frame f renders while frame f-1 is copied out and handed to the encoder.
    (*off)->submit(am.build_scene(view), overlay);
    if (auto image = (*off)->take()) {
      if (auto st = (*sink)->write(f - 1, *image); !st) return fail(st.error());
      progress.update(f - first);
    }
  }
  if (auto image = (*off)->flush()) {
    if (auto st = (*sink)->write(last, *image); !st) return fail(st.error());
  }
  progress.update(last - first + 1);
  progress.finish();
  if (uint32_t n = (*off)->validation_messages())
    return fail(internal_error("the renderer produced " + std::to_string(n) + " validation message(s)"));
  if (int sig = interrupt_signal())
    return fail(bad_input("interrupted by signal " + std::to_string(sig) + "; nothing written"));
  FASCIA_TRY((*sink)->finish());

  ScenarioRenderReport r;
  r.frames = last - first + 1;
  r.width = int(extent.width);
  r.height = int(extent.height);
  r.fps = s.fps;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if ((*kind == SinkKind::Mp4 || *kind == SinkKind::WebM) && !s.captions.empty()) {
    r.subtitles = fs::path(o.output).replace_extension(".srt");
    FASCIA_TRY(write_file_atomic(r.subtitles, scenario::to_srt(s, first, last)));
  }
  return r;
}

}  // namespace fascia::app

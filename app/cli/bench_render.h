#pragma once
// Rendering figures for `fascia bench`: start to first frame, frame time with body, lines and UI
// at 1280x720 and 1920x1080 (headless, so they can be measured anywhere), and resident memory.
#include "core/json.h"

namespace fascia::app {

struct RenderBenchOptions {
  int frames = 24;                 // timed frames per size, after warm-up
  bool window_frame_only = false;  // only the window's frame at 1280x720
};

Json bench_render(const RenderBenchOptions& options = {});

}  // namespace fascia::app

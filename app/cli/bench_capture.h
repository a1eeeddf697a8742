#pragma once
// Capture figures for `fascia bench`: a scenario rendered end to end to H.264 MP4 (timeline, sim,
// scene, render, readback ring, ffmpeg) at 1280x720 draft, 1280x720 final and 1920x1080 draft, and
// ffmpeg's own speed on this machine from an RGBA pipe, for comparison.
#include "core/json.h"

namespace fascia::app {

Json bench_capture(int frames);

}  // namespace fascia::app

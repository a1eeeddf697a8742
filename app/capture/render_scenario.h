#pragma once
// `fascia render SCENARIO.json -o OUT`: a scenario rendered headless to MP4, WebM, a PNG sequence or
// one PNG. Everything that can be wrong (the scenario, the options, the output, ffmpeg) is reported
// before the first frame; frames are a function of their number, so a part rendered with --frames
// holds exactly the frames a whole render would.
#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"

namespace fascia::app {

struct ScenarioRenderOptions {
  std::filesystem::path scenario;
  std::filesystem::path output;
  std::string size;               // "WxH"; empty = the scenario's
  int fps = -1;                   // -1 = the scenario's
  std::string frames;             // "A-B", inclusive; empty = all
  std::string quality = "draft";  // draft: the window's simplified meshes; final: full meshes
  bool transparent = false;
  std::optional<double> at_s;  // one PNG of the moment at this time
  bool progress = true;        // the progress bar or lines on stderr
};

struct ScenarioRenderReport {
  int frames = 0;
  int width = 0, height = 0, fps = 0;
  double seconds = 0;               // wall time of the frame loop
  std::filesystem::path subtitles;  // the .srt written beside the video, empty when none
};

Result<ScenarioRenderReport> render_scenario(const ScenarioRenderOptions& options);

// "A-B" within [0, count): the first and last frame.
Result<std::pair<int, int>> parse_frame_range(const std::string& text, int count);

}  // namespace fascia::app

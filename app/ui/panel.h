#pragma once
// The control panel of the window (Dear ImGui), also drawn by the benchmark so it measures the UI.
#include "common/app_model.h"

namespace fascia::app {

// The restriction tool's inputs and the restrictions in force (the --restrict syntax).
struct RestrictionTool {
  int track = 0;             // index into the simulation's tracks
  float stiffness_x = 3.0f;  // [0.1, 10]
  float shorten_pct = 4.0f;  // [0, 10]
  bool colour_by_tension = false;
  std::vector<std::string> active;
  bool changed = false;  // set when the restrictions or the colouring changed this frame
};

// Movement playback: which movement, where in it, and whether the lines show their stretch.
struct MovementTool {
  int movement = -1;  // index into AppModel::movements; -1 = standing
  bool playing = false;
  float time = 0.0f;  // seconds
  bool colour_by_stretch = false;
  bool changed = false;
};

// Builds the panel's widgets for this frame; edits `view` and `tool` as the user clicks.
void build_panel(ViewState& view, RestrictionTool& tool, MovementTool& movement,
                 const std::vector<body::Movement>& movements, float frame_ms);

}  // namespace fascia::app

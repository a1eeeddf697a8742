#pragma once
// The control panel of the window (Dear ImGui), also drawn by the benchmark so it measures the UI.
#include <optional>
#include <string>

#include "common/app_model.h"
#include "ui/live.h"

namespace fascia::app {

// Movement playback: which movement, where in it, and whether the lines show their stretch.
struct MovementTool {
  int movement = -1;  // index into AppModel::movements; -1 = standing
  bool playing = false;
  float time = 0.0f;  // seconds
  bool colour_by_stretch = false;
  bool changed = false;
};

// What the panel asks of the window this frame.
struct PanelRequests {
  // A view button ("front", "back", "left", "right"): the window frames the whole body from there
  // as the keys 1-4 do (LearnRequests::preset), one framing for both.
  std::optional<std::string> preset;
};

// Builds the panel's widgets for this frame. Layers, lines and restrictions change the session
// through actions (`live`); movement playback is view state and changes `view`; the view buttons
// are requests the window carries out.
PanelRequests build_panel(ViewState& view, LiveState& live, MovementTool& movement,
                          const std::vector<body::Movement>& movements, float frame_ms);

}  // namespace fascia::app

#pragma once
// The control panel of the window (Dear ImGui), also drawn by the benchmark so it measures the UI.
#include "app_model.h"

namespace fascia::app {

// Builds the panel's widgets for this frame; edits `view` as the user clicks.
void build_panel(ViewState& view, float frame_ms);

}  // namespace fascia::app

#pragma once
// The live window's state as JSON, for `--script`'s `state FILE.json` (tests assert on it): the
// session (restrictions, selection, layers, lines), the undo history, the popup, the trace and the
// simulation (time, at rest, the largest added tension). Format: docs/script.md.
#include "core/json.h"
#include "ui/live.h"

namespace fascia::app {

// `view` and `viewport` (window pixels) add where each track is drawn: "screen_tracks", id -> its
// path's points as [x, y] pixels from the top left, for pixel tests.
Json live_state_json(const LiveState& s, const ViewState& view, vec2 viewport);

}  // namespace fascia::app

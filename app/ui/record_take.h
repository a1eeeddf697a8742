#pragma once
// Recording a take in the window (issue 12): the "Record" button starts a scenario::Recorder, each
// frame hands it the session as the user sees it (the session's inputs with the window's camera),
// and "Stop" saves the take as a scenario to $XDG_DATA_HOME/fascia/takes/take-N.json, written
// atomically, for `fascia render FILE -o out.mp4`. Script events: `press record`, `press stop-record`.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/recorder.h"
#include "scene/camera.h"
#include "session/session.h"
#include "ui/script.h"

namespace fascia::app {

struct WindowState;

struct TakeRecorder {
  std::optional<scenario::Recorder> recorder;
  std::chrono::steady_clock::time_point started;
  std::filesystem::path saved;  // the last take saved, shown under the button
  std::string error;            // why the last save failed
  bool recording() const { return recorder.has_value(); }
};

// The session as the take records it: the session's inputs and views, the camera the window shows.
session::Session take_session(const session::Session& current, const scene::Camera& camera);

// Where takes go: $XDG_DATA_HOME/fascia/takes (~/.local/share/fascia/takes).
std::filesystem::path takes_dir();

void start_take(TakeRecorder& take, const session::Session& now);
// Called every frame: a change since the last frame becomes a key of the take.
void record_take_frame(TakeRecorder& take, const session::Session& now);
// Ends the take and saves it as the next take-N.json of `dir`.
Result<std::filesystem::path> stop_take(TakeRecorder& take, const std::filesystem::path& dir = takes_dir());

// The window's record panel (a small ImGui window at the top right): Record / Stop, the time and the
// number of changes while recording, where the last take was saved.
void draw_record_panel(WindowState& st, float scale);

// `press record` / `press stop-record`: true when the words are one (then `error` says what is wrong
// with them, or is empty and `e` is filled).
bool parse_take_event(const std::vector<std::string>& words, ScriptEvent& e, std::string& error);
// Replays one; `error` says why it could not ("press stop-record: not recording").
void run_take_event(WindowState& st, const ScriptEvent& e, std::string& error);

}  // namespace fascia::app

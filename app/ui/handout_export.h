#pragma once
// "Export handout..." in the session bar: the current session as the client's one-page handout, PDF
// and PNG (app/capture/handout.*), without stopping the window. The export runs as a job: the
// session is written to a temporary file and `fascia handout` renders it in a child process, which
// has its own Vulkan device and ImGui context (ImGui's context is one per process, so the headless
// stills cannot be drawn on a thread beside the window's frames). The window polls the job each
// frame and shows where the handout went, or why it did not.
#include <filesystem>
#include <future>
#include <string>

#include "session/session.h"

namespace fascia::app {

struct WindowState;

struct HandoutPaths {
  std::filesystem::path pdf, png;
};

// Where a session's handout goes: beside its saved file (Client_A.fascia -> Client_A.pdf and .png),
// else `data_dir`/handouts/LABEL.pdf and .png (LABEL from the client label, "session" without one).
HandoutPaths handout_paths(const std::filesystem::path& session_file, const std::string& client_label,
                           const std::filesystem::path& data_dir);

struct HandoutJobResult {
  bool ok = false;
  std::string error;  // what `fascia handout` said (names the file), when not ok
};

struct HandoutExport {
  std::future<HandoutJobResult> job;  // valid while an export runs
  HandoutPaths paths;                 // of the export running or last finished
  bool written = false;               // the last export finished and wrote both files
  std::string error;                  // why the last export failed
  bool running() const { return job.valid(); }
};

// Starts exporting `s` to `paths` with `fascia_exe handout ...`; false (with `error` set) when it
// cannot start or one is running. `on_done` is called from the job's thread when the child process
// has ended (it wakes the window).
bool start_handout_export(HandoutExport& h, const session::Session& s, const HandoutPaths& paths,
                          const std::filesystem::path& fascia_exe, void (*on_done)());
// Takes the finished job's result; true when one finished now (the window redraws to show it).
bool poll_handout_export(HandoutExport& h);
// Waits for a running export (before the window closes, so the job never outlives GLFW).
void wait_handout_export(HandoutExport& h);

// The line the session bar shows about the last export: where it was written, or the error.
std::string handout_message(const HandoutExport& h);

// The session bar's button: starts the export of the window's session (the window's camera with
// it), greyed while one runs; `press export-handout` in a script presses it.
void draw_export_handout_button(WindowState& st);
// Each frame, before drawing: a finished export's message goes to the session bar; true then.
bool poll_window_handout(WindowState& st);

}  // namespace fascia::app

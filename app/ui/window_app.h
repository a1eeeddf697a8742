#pragma once
// `fascia view`: the interactive window (GLFW + Vulkan swapchain).
#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"
#include "session/session.h"

namespace fascia::app {

struct ViewOptions {
  int max_frames = 0;            // 0 = until closed; tests and benchmarks set a count
  bool exercise_resize = false;  // resize, minimise and restore while running (tests)
  std::string movement;          // start playing this movement of assets/poses, lines by stretch
  std::filesystem::path model;   // an imported rigged model to show instead of the built-in body
  std::filesystem::path script;  // replay these input events (docs/script.md), then carry on or quit
  std::optional<session::Session> session;  // --session: opened from a file (already checked)
  std::string session_path;
};

// True when a window system is reachable (DISPLAY or WAYLAND_DISPLAY is set).
bool display_available();

Status run_window(const ViewOptions& options);

}  // namespace fascia::app

#include "ui/record_take.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <imgui.h>

#include "core/file_io.h"
#include "session/user_files.h"
#include "ui/panel_layout.h"
#include "ui/window_state.h"

namespace fascia::app {

session::Session take_session(const session::Session& current, const scene::Camera& camera) {
  session::Session s = current;
  // Always a placed camera (distance and target), so the render frames what the window showed.
  s.camera.yaw_deg = camera.yaw_deg;
  s.camera.pitch_deg = std::clamp(camera.pitch_deg, -90.0f, 90.0f);
  s.camera.distance_m = std::clamp(camera.distance, 0.01f, 100.0f);
  s.camera.target = {camera.target.x, camera.target.y, camera.target.z};
  s.camera.fov_deg = std::clamp(camera.fov_y_deg, 5.0f, 120.0f);
  return s;
}

std::filesystem::path takes_dir() {
  return session::data_dir() / "takes";
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The first take-N.json not yet in `dir`, N from 1.
std::filesystem::path next_take_path(const std::filesystem::path& dir) {
  for (int n = 1;; ++n) {
    auto p = dir / ("take-" + std::to_string(n) + ".json");
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) return p;
  }
}

// `path` with the home folder as "~", for showing.
std::string home_relative(const std::filesystem::path& path) {
  const char* home = std::getenv("HOME");
  std::string p = path.string();
  if (home && *home && p.rfind(home, 0) == 0 &&
      (p.size() == std::strlen(home) || p[std::strlen(home)] == '/'))
    return "~" + p.substr(std::strlen(home));
  return p;
}

}  // namespace

void start_take(TakeRecorder& take, const session::Session& now) {
  take.recorder.emplace(now);
  take.started = std::chrono::steady_clock::now();
  take.error.clear();
}

void record_take_frame(TakeRecorder& take, const session::Session& now) {
  if (take.recorder) take.recorder->record(seconds_since(take.started), now);
}

Result<std::filesystem::path> stop_take(TakeRecorder& take, const std::filesystem::path& dir) {
  if (!take.recorder) return bad_input("not recording");
  const Json doc = take.recorder->scenario(seconds_since(take.started));
  take.recorder.reset();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return bad_input("cannot create " + dir.string() + ": " + ec.message());
  const auto path = next_take_path(dir);
  if (Status st = write_file_atomic(path, doc.dump(2) + "\n"); !st) return st.error();
  return path;
}

void draw_record_panel(WindowState& st, float scale) {
  TakeRecorder& take = st.take;
  // At the top, right of the main panel: the background there is free of panels and of the body.
  place_record_panel(scale);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(250 * scale, 400 * scale));
  ImGui::SetNextWindowBgAlpha(0.85f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav;
  if (ImGui::Begin(kRecordPanel, nullptr, flags)) {
    if (!take.recording()) {
      if (ImGui::Button("Record")) start_take(take, take_session(st.live.history.current(), st.view.camera));
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Record a take: camera, layers, lines, restrictions and treatments, as a scenario");
    } else {
      ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.75f, 0.12f, 0.12f, 1));
      if (ImGui::Button("Stop")) {
        auto saved = stop_take(take);
        take.saved = saved.ok() ? *saved : std::filesystem::path();
        take.error = saved.ok() ? std::string() : saved.error().message;
      }
      ImGui::PopStyleColor();
      ImGui::SameLine();
      ImGui::Text("REC %.1f s, %zu changes", seconds_since(take.started), take.recorder->changes() - 1);
    }
    if (!take.error.empty())
      ImGui::TextColored(ImVec4(1, 0.4f, 0.4f, 1), "Not saved: %s", take.error.c_str());
    else if (!take.saved.empty()) {
      ImGui::Text("Saved %s", take.saved.filename().string().c_str());
      ImGui::PushTextWrapPos(240 * scale);
      ImGui::TextDisabled("in %s", home_relative(take.saved.parent_path()).c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::End();
  if (take.recording()) {
    record_take_frame(take, take_session(st.live.history.current(), st.view.camera));
    st.redraw = std::max(st.redraw, 1);  // the REC clock runs
  }
}

bool parse_take_event(const std::vector<std::string>& w, ScriptEvent& e, std::string& error) {
  if (w.size() < 2 || w[0] != "press" || (w[1] != "record" && w[1] != "stop-record")) return false;
  if (w.size() != 2) {
    error = "'press " + w[1] + "' takes nothing after it";
    return true;
  }
  e.kind = ScriptEvent::Kind::Take;
  e.name = w[1];
  return true;
}

void run_take_event(WindowState& st, const ScriptEvent& e, std::string& error) {
  TakeRecorder& take = st.take;
  if (e.name == "record") {
    if (take.recording()) {
      error = "press record: already recording";
      return;
    }
    start_take(take, take_session(st.live.history.current(), st.view.camera));
    return;
  }
  if (!take.recording()) {
    error = "press stop-record: not recording";
    return;
  }
  // What changed since the last frame belongs to the take too.
  record_take_frame(take, take_session(st.live.history.current(), st.view.camera));
  auto saved = stop_take(take);
  if (!saved.ok()) {
    take.error = error = "press stop-record: " + saved.error().message;
    return;
  }
  take.saved = *saved;
  std::printf("take saved: %s\n", saved->string().c_str());
  std::fflush(stdout);
}

}  // namespace fascia::app

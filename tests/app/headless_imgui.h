#pragma once
// The student's window panels driven without a window: ImGui runs headless (no backend; a frame is
// built and discarded), and progress goes to a private XDG data folder. Shared by the learn UI tests.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>
#include <imgui.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "common/app_model.h"
#include "support/test_support.h"
#include "ui/learn_ui.h"

namespace fascia::app::test_ui {

inline const AppModel& model() {
  static auto m = load_app_model();
  if (!m) FAIL("the app model does not load: " << m.error().message);
  return **m;
}

struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 720);
    io.IniFilename = nullptr;
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    for (int i = 0; i < 512; ++i) io.KeyMap[i % ImGuiKey_COUNT] = -1;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
};

// One frame of the learning UI, then `seconds` more of camera flight.
inline void frame(LearnUi& ui, ViewState& view, const std::string& clicked = "", float seconds = 0) {
  ImGui::GetIO().DeltaTime = 1.0f / 30;
  ImGui::NewFrame();
  build_learn_ui(ui, view, clicked, 1.0f / 30);
  ImGui::Render();
  for (float t = 0; t < seconds; t += 0.1f) ui.fly.update(view.camera, 0.1f);
}

// $XDG_DATA_HOME in the test output folder, empty, for as long as it lives.
struct TempData {
  explicit TempData(const std::string& name = "learn_ui_data") {
    // Per process: ctest runs the cases that use it side by side.
    dir = fascia::test::output_dir() / (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    if (const char* was = std::getenv("XDG_DATA_HOME")) previous = was;
    setenv("XDG_DATA_HOME", dir.c_str(), 1);
  }
  ~TempData() { setenv("XDG_DATA_HOME", previous.c_str(), 1); }  // the process's private one
  std::filesystem::path dir;
  std::string previous;
};

}  // namespace fascia::app::test_ui

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.h"

// app/learn has no UI: none of its files may include Vulkan, GLFW, ImGui or the app's window code,
// so quizzes and lessons are tested (and graded) without a display.
TEST_CASE("app/learn: includes no Vulkan, GLFW, ImGui, render or ui header") {
  const auto dir = fascia::test::tests_dir().parent_path() / "app" / "learn";
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const auto ext = e.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    ++files;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("#include", 0) != 0) continue;
      INFO(e.path().string() << ": " << line);
      for (const char* banned :
           {"vulkan", "GLFW", "glfw", "imgui", "render/", "ui/", "common/", "cli/", "capture/"})
        CHECK(line.find(banned) == std::string::npos);
    }
  }
  CHECK(files >= 10);
}

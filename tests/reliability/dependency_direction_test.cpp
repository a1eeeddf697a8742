#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "support/test_support.h"

// The direction of design.md, checked over every #include of engine/ and app/:
//   core -> body -> atlas -> sim -> scene -> session -> scenario -> render -> app
// (a file may include its own layer and those before it), and the libraries that must build
// without a GPU stack (body, atlas, sim, scene, session, scenario, app/learn) include no Vulkan,
// GLFW or ImGui header, directly or through render/ or the app.
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kLayers = {"core",    "body",     "atlas",  "sim", "scene",
                                          "session", "scenario", "render", "app"};
// Folders of app/ (included as "cli/...", "ui/..."): all in the app layer.
const std::vector<std::string> kAppParts = {"cli", "ui", "capture", "common", "learn"};
const std::vector<std::string> kGpuFree = {"body", "atlas", "sim", "scene", "session", "scenario", "learn"};
const std::vector<std::string> kGpuHeaders = {"vulkan/", "GLFW/", "imgui", "backends/imgui", "vk_mem_alloc"};

int layer_of_include(const std::string& first) {
  auto it = std::find(kLayers.begin(), kLayers.end(), first);
  if (it != kLayers.end()) return int(it - kLayers.begin());
  if (std::find(kAppParts.begin(), kAppParts.end(), first) != kAppParts.end()) return int(kLayers.size()) - 1;
  return -1;  // a system or third-party header, or one beside the file
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

// Every violation under `root` (a checkout: engine/ and app/), as "file:line: what".
static std::vector<std::string> dependency_violations(const fs::path& root) {
  static const std::regex include(R"re(^\s*#\s*include\s*([<"])([^>"]+)[>"])re");
  std::vector<std::string> out;
  for (const char* top : {"engine", "app"}) {
    if (!fs::is_directory(root / top)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / top)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".cpp" && ext != ".h" && ext != ".hpp")) continue;
      const fs::path rel = fs::relative(e.path(), root);
      auto part = rel.begin();
      const std::string area = *part == "engine" ? (++part)->string() : "app";
      const std::string sub = (*rel.begin() == "app" && std::next(rel.begin()) != rel.end())
                                  ? std::next(rel.begin())->string()
                                  : area;  // app/learn/... -> "learn"
      const int own = layer_of_include(area == "app" ? "app" : area);
      if (own < 0) continue;
      const bool gpu_free = contains(kGpuFree, area) || (area == "app" && sub == "learn");
      std::ifstream in(e.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        std::smatch m;
        if (!std::regex_search(line, m, include)) continue;
        const std::string header = m[2];
        const std::string where = rel.string() + ":" + std::to_string(n) + ": ";
        const std::string first = header.substr(0, header.find('/'));
        const int target = header.find('/') == std::string::npos ? -1 : layer_of_include(first);
        if (target > own)
          out.push_back(where + area + " includes \"" + header + "\" of " + kLayers[target] +
                        ", a later layer (the direction is core -> body -> atlas -> sim -> scene -> "
                        "session -> scenario -> render -> app)");
        if (gpu_free) {
          const std::string lib = area == "app" ? "app/learn" : area;
          for (const std::string& gpu : kGpuHeaders)
            if (header.rfind(gpu, 0) == 0)
              out.push_back(where + lib + " must stay free of Vulkan, GLFW and ImGui, but includes <" +
                            header + ">");
          if (area == "app" && target == own && first != "learn")
            out.push_back(where + "app/learn includes \"" + header + "\" of the app's GPU side");
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("dependencies: every #include of engine and app follows the layer direction") {
  const fs::path root = fascia::test::tests_dir().parent_path();
  const std::vector<std::string> v = dependency_violations(root);
  for (const auto& s : v) INFO(s);
  std::string all;
  for (const auto& s : v) all += s + "\n";
  CHECK_MESSAGE(v.empty(), all);
}

TEST_CASE("dependencies: the check catches a planted violation of each kind") {
  const fs::path root = fascia::test::output_dir() / "planted-tree";
  fs::remove_all(root);
  auto plant = [&](const fs::path& file, const std::string& text) {
    fs::create_directories((root / file).parent_path());
    std::ofstream(root / file) << text;
  };
  plant("engine/sim/ok.cpp", "#include \"sim/model.h\"\n#include \"atlas/atlas.h\"\n#include <vector>\n");
  plant("engine/sim/bad.cpp", "#include \"core/log.h\"\n#include \"render/renderer.h\"\n");
  plant("engine/scene/gpu.h", "#pragma once\n#include <vulkan/vulkan.h>\n");
  plant("engine/session/back.cpp", "  #  include \"scenario/timeline.h\"\n");
  plant("engine/render/ok.cpp", "#include \"scenario/timeline.h\"\n#include <vulkan/vulkan.h>\n");
  plant("app/learn/quiz.cpp", "#include \"atlas/ids.h\"\n#include <imgui.h>\n#include \"ui/panel.h\"\n");
  plant("app/cli/ok.cpp", "#include \"ui/panel.h\"\n#include <GLFW/glfw3.h>\n");
  const std::vector<std::string> v = dependency_violations(root);
  std::string all;
  for (const auto& s : v) all += s + "\n";
  INFO(all);
  REQUIRE(v.size() == 5);
  CHECK(
      v[0].rfind(
          "app/learn/quiz.cpp:2: app/learn must stay free of Vulkan, GLFW and ImGui, but includes <imgui.h>",
          0) == 0);
  CHECK(v[1].rfind("app/learn/quiz.cpp:3: app/learn includes \"ui/panel.h\"", 0) == 0);
  CHECK(v[2].rfind("engine/scene/gpu.h:2: scene must stay free of Vulkan", 0) == 0);
  CHECK(v[3].rfind(
            "engine/session/back.cpp:1: session includes \"scenario/timeline.h\" of scenario, a later layer",
            0) == 0);
  CHECK(v[4].rfind("engine/sim/bad.cpp:2: sim includes \"render/renderer.h\" of render, a later layer", 0) ==
        0);
}

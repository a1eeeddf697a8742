#pragma once
// `fascia render --still`: one picture of the scene, written atomically to a PNG.
#include <filesystem>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "core/result.h"
#include "scene/render_scene.h"

namespace fascia::app {

struct StillOptions {
  std::filesystem::path output;
  VkExtent2D size{1280, 720};
  std::string view = "front";  // front | back | left | right
  std::vector<std::string> lines;
  bool transparent = false;
};

// The scene a still or the window starts from, seen from a named view.
Result<scene::RenderScene> default_scene(const std::string& view);

Status render_still(const StillOptions& options);

}  // namespace fascia::app

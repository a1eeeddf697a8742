#pragma once
// `fascia render --still`: one picture of the body and lines, written atomically to a PNG.
#include <filesystem>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "core/result.h"

namespace fascia::app {

struct StillOptions {
  std::filesystem::path output;
  VkExtent2D size{1280, 720};
  std::string view = "front";      // front | back | left | right
  std::vector<std::string> lines;  // line ids to show ("sbl", "sbl.l"); empty = all
  bool transparent = false;
  std::vector<std::string> restrict;  // --restrict values: colour the lines by added tension
  bool labels = true;
  std::string pose;                  // a movement of assets/poses, shown at its last key; empty = standing
  std::filesystem::path model;       // an imported rigged model to draw instead of the built-in body
  std::string pose_flag = "--pose";  // the flag that gave `pose`, for the error message                  //
                                     // station labels when one or two lines are shown
};

Status render_still(const StillOptions& options);

}  // namespace fascia::app

#include "cli/cli_util.h"

#include <cstdio>
#include <regex>

#include "render/context.h"

namespace fascia::app {

Result<VkExtent2D> parse_size(const std::string& text, const std::string& flag) {
  static const std::regex re(R"((\d{1,5})x(\d{1,5}))");
  std::smatch m;
  if (!std::regex_match(text, m, re))
    return bad_input(flag + " '" + text + "': expected WIDTHxHEIGHT, e.g. 1280x720");
  unsigned w = std::stoul(m[1]), h = std::stoul(m[2]);
  if (w < 16 || h < 16 || w > 8192 || h > 8192)
    return bad_input(flag + " '" + text + "': each side must be between 16 and 8192 pixels");
  return VkExtent2D{w, h};
}

int report(const Error& error) {
  std::fprintf(stderr, "fascia: %s\n", error.message.c_str());
  return error.exit_status();
}

bool want_validation() {
  return render::validation_requested_by_default();
}

}  // namespace fascia::app

#include "cli/cli_util.h"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "core/printable.h"
#include "render/context.h"

namespace fascia::app {

Result<VkExtent2D> parse_size(const std::string& text, const std::string& flag) {
  static const std::regex re(R"((\d+)x(\d+))");
  std::smatch m;
  if (!std::regex_match(text, m, re))
    return bad_input(flag + " '" + text + "': expected WIDTHxHEIGHT, e.g. 1280x720");
  // Any count of digits is a size, just maybe out of range: compare lengths before converting.
  auto side = [](std::string digits) -> unsigned {
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    return digits.size() > 5 ? 100000u : unsigned(std::stoul(digits));
  };
  const unsigned w = side(m[1]), h = side(m[2]);
  if (w < 16 || h < 16 || w > 8192 || h > 8192)
    return bad_input(flag + " '" + text + "': each side must be between 16 and 8192 pixels");
  return VkExtent2D{w, h};
}

int report(const Error& error) {
  std::fprintf(stderr, "fascia: %s\n", printable(error.message).c_str());
  return error.exit_status();
}

bool want_validation() {
  return render::validation_requested_by_default();
}

}  // namespace fascia::app

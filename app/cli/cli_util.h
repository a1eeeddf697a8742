#pragma once
// Small parsers and checks shared by the subcommands.
#include <string>

#include <vulkan/vulkan.h>

#include "core/result.h"

namespace fascia::app {

// "1280x720" -> extent; errors name the flag and the expected form.
Result<VkExtent2D> parse_size(const std::string& text, const std::string& flag);

// Prints "fascia: MESSAGE" to stderr and returns the error's exit status.
int report(const Error& error);

// Validation is on in debug builds and wherever FASCIA_VALIDATION=1.
bool want_validation();

}  // namespace fascia::app

#pragma once
// Reading files whole, and writing them atomically: the bytes go to a temporary file beside the
// target, which is renamed over it only when complete, so a crash or a full disk never leaves a
// half-written file.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace fascia {

Result<std::string> read_file(const std::filesystem::path& path);

Status write_file_atomic(const std::filesystem::path& path, std::span<const uint8_t> bytes);
Status write_file_atomic(const std::filesystem::path& path, std::string_view text);

// Checks that `path` can be written (its folder exists and is writable) before expensive work starts.
Status check_writable(const std::filesystem::path& path);

}  // namespace fascia

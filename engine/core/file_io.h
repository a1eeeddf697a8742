#pragma once
// Reading files whole, and writing them atomically: the bytes go to a temporary file beside the
// target, which is renamed over it only when complete, so a crash or a full disk never leaves a
// half-written file, and SIGINT/SIGTERM remove the temporary (core/temp_files.h).
//
// Outputs through links and devices: a symbolic link to a regular file is written through (the
// target file is replaced, the link stays); a path that is, or links to, anything else (a device
// such as /dev/full, a FIFO, a socket, a folder, a dangling link) is refused as bad input.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace fascia {

Result<std::string> read_file(const std::filesystem::path& path);

// Reads `path` only if it is a regular file (not a link, FIFO or device) of at most `max_bytes`;
// never blocks on a FIFO. For files the program wrote itself and must not trust (caches).
Result<std::string> read_regular_file(const std::filesystem::path& path, uint64_t max_bytes);

Status write_file_atomic(const std::filesystem::path& path, std::span<const uint8_t> bytes);
Status write_file_atomic(const std::filesystem::path& path, std::string_view text);

// The file an output path really names: `path` itself, or the regular file a symbolic link points
// to. Errors (exit status 2) for devices, FIFOs, folders and links to them, as described above.
Result<std::filesystem::path> resolve_output_path(const std::filesystem::path& path);

// Checks that `path` can be written (its folder exists and is writable, and it is not a device or
// a folder) before expensive work starts.
Status check_writable(const std::filesystem::path& path);

}  // namespace fascia

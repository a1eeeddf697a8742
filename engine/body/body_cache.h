#pragma once
// The body cache's file format, exposed for its tests: a header (magic, generator version, the body
// parameters), the meshes, and a trailing FNV-1a checksum of everything before it. Decoding checks
// every count, value and index, so a damaged or hostile cache is refused (and the body regenerated)
// instead of drawn.
#include <string>
#include <string_view>
#include <vector>

#include "body/body.h"
#include "core/result.h"

namespace fascia::body {

// Largest cache file read; the real one is 4-11 MB.
constexpr uint64_t kMaxCacheBytes = 256ull << 20;

std::vector<uint8_t> encode_body_cache(const BodyParams& params, const std::vector<BodyMesh>& meshes);

// The meshes, or why the bytes are not a valid cache for `params` with `njoint` joints.
Result<std::vector<BodyMesh>> decode_body_cache(std::string_view bytes, const BodyParams& params,
                                                size_t njoint);

// Why the cache cannot be written in `dir`, in plain words ("'/x' is a file, not a folder"), or
// empty when the folder exists and is writable.
std::string cache_folder_problem(const std::filesystem::path& dir);

}  // namespace fascia::body

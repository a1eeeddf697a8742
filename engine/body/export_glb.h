#pragma once
// The body as glTF 2.0 binary: the skeleton as a node hierarchy with a skin, one named mesh per
// bone, muscle and the skin, with a material per layer. Written atomically.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "body/body.h"
#include "core/result.h"

namespace fascia::body {

// The .glb file's bytes (deterministic: the same body gives the same bytes).
std::vector<uint8_t> encode_glb(const Body& body);

Status export_glb(const Body& body, const std::filesystem::path& path);

}  // namespace fascia::body

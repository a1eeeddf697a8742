#pragma once
// The built-in body: skeleton, landmarks, and the bone, muscle and skin meshes skinned to it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/gtc/type_precision.hpp>

#include "body/landmarks.h"
#include "body/skeleton.h"

namespace fascia::body {

enum class Layer : uint8_t { Bone = 0, Muscle = 1, Skin = 2 };
const char* layer_name(Layer layer);

// One named mesh in the rest pose, skinned with up to four joints a vertex.
struct BodyMesh {
  std::string name;  // "femur.l", "gastrocnemius.r", "skin"
  Layer layer = Layer::Bone;
  std::vector<vec3> positions, normals;  // (nvertex) rest pose, metres
  std::vector<uint32_t> indices;         // triangles, counter-clockwise from outside
  std::vector<glm::u16vec4> joints;      // (nvertex) joint indices
  std::vector<vec4> weights;             // (nvertex) summing to 1, largest first
};

struct Body {
  BodyParams params;
  Skeleton skeleton;
  std::vector<Landmark> landmarks;
  std::vector<BodyMesh> meshes;
  std::vector<mat4> inverse_bind;  // (njoint) inverse of each joint's rest world transform

  const BodyMesh* find_mesh(std::string_view name) const;
};

// Generates the body from scratch (deterministic: same params, same bytes).
Body build_body(const BodyParams& params);

// The body from the cache when a valid one exists for these params and this code version, otherwise
// generated and cached. `cache_dir` empty: $XDG_CACHE_HOME/fascia (or ~/.cache/fascia).
Body load_or_build_body(const BodyParams& params, const std::filesystem::path& cache_dir = {});

}  // namespace fascia::body

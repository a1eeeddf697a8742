#pragma once
// Where meshes can land on screen, so full-screen passes (translucency) work only on those pixels.
// Pure functions over the render scene's meshes: no Vulkan objects, tested without a device.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/math.h"
#include "scene/mesh.h"

namespace fascia::render {

struct Box {
  vec3 lo{1e30f}, hi{-1e30f};
  bool empty() const { return lo.x > hi.x; }
};

// The box of all vertices, and for a skinned mesh one box per joint of the vertices that joint
// moves: a skinned vertex is a weighted mean of its joints' transforms of it, so it lies within the
// hull of its joints' boxes, each moved by that joint's palette matrix.
struct MeshBounds {
  Box box;
  std::vector<std::pair<uint32_t, Box>> joint_boxes;
};
MeshBounds mesh_bounds(const scene::Mesh& mesh);

// Pixel rectangle (x0, y0, x1, y1: x1, y1 exclusive) that accumulates boxes through a camera.
class ScreenRect {
 public:
  ScreenRect(const mat4& view_proj, uint32_t width, uint32_t height)
      : view_proj_(view_proj), width_(width), height_(height) {}

  // Adds an instance: `model` places it; `palette` (when skinned) moves each joint's box.
  void add(const MeshBounds& bounds, const mat4& model, const std::vector<mat4>* palette);

  // Whole pixels with two pixels' margin for rasterisation and multisample coverage, clamped to the
  // target: nullopt when a box reaches behind the camera (use the whole target), an empty
  // rectangle (x1 <= x0) when nothing is on screen.
  std::optional<glm::ivec4> pixels() const;

 private:
  void add_box(const mat4& to_clip, const Box& box);

  mat4 view_proj_;
  uint32_t width_, height_;
  vec2 lo_{1e30f}, hi_{-1e30f};  // normalised device coordinates
  bool behind_ = false;
};

}  // namespace fascia::render

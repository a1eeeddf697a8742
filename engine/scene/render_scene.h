#pragma once
// The plain render scene: everything the renderer draws, and nothing it must look up elsewhere.
// engine/scene fills it from body, atlas, sim and view state; engine/render only reads it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/math.h"
#include "scene/camera.h"
#include "scene/mesh.h"

namespace fascia::scene {

struct MeshInstance {
  // Shared so the renderer can cache GPU buffers per mesh and the scene can be copied freely.
  std::shared_ptr<const Mesh> mesh;
  mat4 transform{1.0f};
  vec4 color{0.8f, 0.8f, 0.8f, 1.0f};  // linear RGB, alpha
  uint32_t pick_id = 0;                // 0 = not pickable
  // Which layer it belongs to (bone 0, muscle 1, skin 2, lines 3), for tests and tools. Translucency
  // needs no order: the renderer blends translucent instances order-independently.
  uint32_t layer = 0;
  // Skinning matrices (joint world * inverse bind) for a skinned mesh, deformed on the GPU.
  std::shared_ptr<const std::vector<mat4>> palette;
  bool flow = false;  // animate pulses along the tube (lines)
  bool glow = false;  // hovered: lit from within with a bright rim
  // A line's tube, its radius in metres: drawn with a dark rim where its surface turns away from the
  // eye, so the line reads as an outlined stroke against muscle of its own hue, pale skin or ivory
  // bone (only where the tube is wide enough on screen to keep its colour). 0: no rim.
  float outline_radius = 0.0f;
};

struct Lighting {
  vec3 key_direction =
      glm::normalize(vec3(0.55f, -0.6f, -0.4f));  // travels down and right, from the upper left
  vec3 key_color{1.0f, 0.97f, 0.92f};
  vec3 fill_color{0.35f, 0.42f, 0.55f};
  float ambient = 0.18f;
};

struct Background {
  vec4 top{0.16f, 0.19f, 0.24f, 1.0f};  // linear RGB
  vec4 bottom{0.035f, 0.04f, 0.05f, 1.0f};
  bool transparent = false;  // clear to alpha 0 for video compositing
};

struct RenderScene {
  float time_seconds = 0.0f;  // drives the flow animation
  std::vector<MeshInstance> instances;
  Camera camera;
  Lighting lighting;
  Background background;
};

// The first picture: a lit torus knot on the background gradient. Used by the foundation test.
RenderScene make_test_scene();

}  // namespace fascia::scene

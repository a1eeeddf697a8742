// Layouts and constants shared by C++ and GLSL, so the two cannot drift apart.
#ifndef FASCIA_SHADERS_SHARED_H
#define FASCIA_SHADERS_SHARED_H

#ifdef __cplusplus
#include <glm/glm.hpp>
namespace fascia::gpu {
using mat4 = glm::mat4;
using vec4 = glm::vec4;
using uint = uint32_t;
#define FASCIA_CONST inline constexpr
#else
#define FASCIA_CONST const
#endif

FASCIA_CONST uint kFrameUniformsBinding = 0;
FASCIA_CONST uint kPaletteBinding = 1;  // storage buffer of skinning matrices, all instances
FASCIA_CONST uint kDrawBinding = 2;     // storage buffer of DrawData, one per instance
// The translucency composite's own set: the resolved sums of the accumulation pass.
FASCIA_CONST uint kAccumBinding = 0;   // weighted colour sum, product of (1 - alpha)
FASCIA_CONST uint kWeightBinding = 1;  // sum of weighted alphas

// Per frame: camera and lights. std140; every member is 16-byte aligned.
struct FrameUniforms {
  mat4 view_proj;
  vec4 eye;         // xyz: camera position (world)
  vec4 key_dir;     // xyz: direction the key light travels
  vec4 key_color;   // rgb
  vec4 fill_color;  // rgb; w: ambient strength
  vec4 bg_top;      // background gradient, linear RGB + alpha
  vec4 bg_bottom;
  vec4 time;      // x: seconds, for the flow animation along the lines
  vec4 viewport;  // xy: the picture's size in pixels
};

FASCIA_CONST uint kDrawFlow = 1u;
FASCIA_CONST uint kDrawRadiusShift = 8u;  // DrawData::flow bits 8-31: a line tube's radius, micrometres

// Per instance, in a storage buffer the vertex shader indexes with gl_InstanceIndex (each draw's
// firstInstance). Push constants would change state on every draw, which costs a software
// rasteriser more than the draw itself.
struct DrawData {
  mat4 model;
  vec4 color;  // linear RGB, alpha
  uint pick_id;
  uint palette_offset;  // first matrix of this instance's palette (skinned meshes)
  // Bit 0 (kDrawFlow): pulses run along the line (arc length in the vertex's u) toward its upper end.
  // Bits 8-31 (kDrawRadiusShift): a line tube's radius in micrometres, drawn with its dark rim; 0: none.
  uint flow;
  uint glow;  // 1: hovered, lit from within with a bright rim
};

#ifdef __cplusplus
static_assert(sizeof(DrawData) == 96, "std430 layout: no padding between C++ and GLSL");
}  // namespace fascia::gpu
#endif
#undef FASCIA_CONST
#endif

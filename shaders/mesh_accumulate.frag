#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// Weighted blended order-independent transparency (McGuire and Bavoil 2013), first pass. With one
// blend state for both targets (colour adds, alpha multiplies by 1 - source alpha):
//   accum.rgb  = sum of weighted premultiplied colours    accum.a = product of (1 - alpha)
//   weight.r   = sum of weighted alphas
// Neither depends on the order the fragments arrive in, so nothing is sorted and nothing pops as the
// camera turns.
layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };

layout(location = 0) in vec3 world_position;
layout(location = 1) in vec3 world_normal;
layout(location = 2) in float arc;
layout(location = 3) flat in vec4 draw_color;
layout(location = 4) flat in uvec3 flags;  // pick id, flow, glow
layout(location = 5) in float ao;
layout(location = 6) in float rim;
layout(location = 0) out vec4 accum;
layout(location = 1) out vec4 weight;

#include "surface.glsl"

void main() {
  vec4 c = surface_color();
  // Nearer surfaces weigh more (the paper's equation 7, distances in metres); the ceiling keeps a
  // close-up through many layers inside half-float range.
  float d = distance(world_position, frame.eye.xyz);
  float w = c.a * clamp(10.0 / (1e-5 + pow(d / 5.0, 2.0) + pow(d / 200.0, 6.0)), 1e-2, 300.0);
  accum = vec4(c.rgb * w, c.a);
  weight = vec4(w, 0.0, 0.0, c.a);
}

#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };
layout(set = 0, binding = kDrawBinding) readonly buffer Draws { DrawData draws[]; };

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 4) in float in_u;
layout(location = 5) in float in_ao;
layout(location = 0) out vec3 world_position;
layout(location = 1) out vec3 world_normal;
layout(location = 2) out float arc;
layout(location = 3) flat out vec4 color;
layout(location = 4) flat out uvec3 flags;  // pick id, flow, glow
layout(location = 5) out float ao;
layout(location = 6) out float rim;  // a line tube's dark rim, 0..1 (outline.glsl)

#include "outline.glsl"

void main() {
  DrawData d = draws[gl_InstanceIndex];
  vec4 wp = d.model * vec4(in_position, 1.0);
  world_position = wp.xyz;
  world_normal = mat3(d.model) * in_normal;
  arc = in_u;
  ao = in_ao;
  color = d.color;
  flags = uvec3(d.pick_id, d.flow, d.glow);
  rim = outline_strength(d.flow, world_position);
  gl_Position = frame.view_proj * wp;
}

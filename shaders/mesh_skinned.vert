#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// Linear blend skinning on the GPU: four joints a vertex, matrices from the frame's palette buffer.
layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };
layout(set = 0, binding = kPaletteBinding) readonly buffer Palette { mat4 palette[]; };
layout(set = 0, binding = kDrawBinding) readonly buffer Draws { DrawData draws[]; };

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in uvec4 in_joints;
layout(location = 3) in vec4 in_weights;
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
  uint base = d.palette_offset;
  mat4 skin = in_weights.x * palette[base + in_joints.x] + in_weights.y * palette[base + in_joints.y] +
              in_weights.z * palette[base + in_joints.z] + in_weights.w * palette[base + in_joints.w];
  vec4 wp = d.model * skin * vec4(in_position, 1.0);
  world_position = wp.xyz;
  world_normal = mat3(d.model) * mat3(skin) * in_normal;
  arc = in_u;
  ao = in_ao;
  color = d.color;
  flags = uvec3(d.pick_id, d.flow, d.glow);
  rim = outline_strength(d.flow, world_position);
  gl_Position = frame.view_proj * wp;
}

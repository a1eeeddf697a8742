#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Push { DrawPush draw; };

#include "lighting.glsl"

layout(location = 0) in vec3 world_position;
layout(location = 1) in vec3 world_normal;
layout(location = 0) out vec4 color;

void main() {
  vec3 n = normalize(world_normal);
  vec3 v = normalize(frame.eye.xyz - world_position);
  if (!gl_FrontFacing) n = -n;
  color = vec4(shade(draw.color.rgb, n, v, frame), draw.color.a);
}

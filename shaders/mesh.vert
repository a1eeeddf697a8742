#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Push { DrawPush draw; };

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 0) out vec3 world_position;
layout(location = 1) out vec3 world_normal;
layout(location = 4) in float in_u;
layout(location = 2) out float arc;

void main() {
  vec4 wp = draw.model * vec4(in_position, 1.0);
  world_position = wp.xyz;
  world_normal = mat3(draw.model) * in_normal;
  arc = in_u;
  gl_Position = frame.view_proj * wp;
}

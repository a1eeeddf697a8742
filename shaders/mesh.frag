#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Push { DrawPush draw; };

#include "lighting.glsl"

layout(location = 0) in vec3 world_position;
layout(location = 1) in vec3 world_normal;
layout(location = 2) in float arc;
layout(location = 0) out vec4 color;

void main() {
  vec3 n = normalize(world_normal);
  vec3 v = normalize(frame.eye.xyz - world_position);
  if (!gl_FrontFacing) n = -n;
  vec3 albedo = draw.color.rgb;
  if (draw.flow != 0u) {
    // Soft bright pulses 12 cm apart, travelling along the line at 8 cm/s.
    float phase = fract(arc / 0.12 - frame.time.x * (0.08 / 0.12));
    albedo *= 1.0 + 0.9 * smoothstep(0.75, 1.0, phase) * (1.0 - smoothstep(0.97, 1.0, phase));
  }
  color = vec4(shade(albedo, n, v, frame), draw.color.a);
}

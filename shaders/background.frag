#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };
layout(location = 0) in vec2 uv;
layout(location = 0) out vec4 color;

void main() {
  // A calm vertical gradient with a soft vignette, so the figure reads against it.
  vec2 c = uv - vec2(0.5, 0.45);
  float vignette = 1.0 - 0.35 * dot(c, c);
  vec4 g = mix(frame.bg_top, frame.bg_bottom, smoothstep(0.0, 1.0, uv.y));
  color = vec4(g.rgb * vignette, g.a);
}

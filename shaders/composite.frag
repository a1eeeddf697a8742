#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// Weighted blended transparency, second pass: the weighted average colour of the translucent
// fragments over a pixel, laid over the opaque image with coverage 1 - (product of 1 - alpha).
layout(set = 0, binding = kAccumBinding) uniform sampler2D accum_image;
layout(set = 0, binding = kWeightBinding) uniform sampler2D weight_image;
layout(location = 0) out vec4 color;

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  vec4 a = texelFetch(accum_image, p, 0);
  if (a.a >= 1.0) discard;  // no translucent surface here
  float w = texelFetch(weight_image, p, 0).r;
  color = vec4(a.rgb / max(w, 1e-5), 1.0 - a.a);
}

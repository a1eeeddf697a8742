#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// A cheap post filter against jagged edges where the window draws without multisampling (lavapipe),
// after the idea of Lottes's FXAA: find where luma changes sharply across a pixel, tell whether the
// edge runs horizontally or vertically, and blend the pixel with its neighbour across the edge by
// how far the pixel's luma stands from the local average. Alpha is kept as drawn.
layout(set = 0, binding = kAccumBinding) uniform sampler2D scene_image;
layout(location = 0) out vec4 color;

// Perceptual luma from green alone (FXAA's green-as-luma; sqrt approximates the sRGB curve): two
// gathers then read the centre and seven neighbours at once, which matters on a CPU rasteriser.
vec4 luma4(vec4 green) { return sqrt(green); }

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  vec2 texel = 1.0 / vec2(textureSize(scene_image, 0));
  // Gathers at the pixel's top-left and bottom-right corners (components: x = (i0, j1), y = (i1, j1),
  // z = (i1, j0), w = (i0, j0)); the sampler clamps at the picture's edges.
  vec4 a = luma4(textureGather(scene_image, vec2(p) * texel, 1));        // W, M, N, NW
  vec4 b = luma4(textureGather(scene_image, vec2(p + 1) * texel, 1));    // S, SE, E, M
  float lm = a.y, lw = a.x, ln = a.z, lnw = a.w, ls = b.x, lse = b.y, le = b.z;
  float lo = min(lm, min(min(ln, ls), min(lw, le)));
  float hi = max(lm, max(max(ln, ls), max(lw, le)));
  vec4 m = texelFetch(scene_image, p, 0);
  // Flat or faint: leave the pixel alone (thresholds as in FXAA's "quality" presets).
  if (hi - lo < max(0.0625, hi * 0.125)) {
    color = m;
    return;
  }
  ivec2 last = textureSize(scene_image, 0) - 1;
  float lne = sqrt(texelFetch(scene_image, clamp(p + ivec2(1, -1), ivec2(0), last), 0).g);
  float lsw = sqrt(texelFetch(scene_image, clamp(p + ivec2(-1, 1), ivec2(0), last), 0).g);
  float horizontal = abs(lnw + lne - 2.0 * ln) + 2.0 * abs(lw + le - 2.0 * lm) + abs(lsw + lse - 2.0 * ls);
  float vertical = abs(lnw + lsw - 2.0 * lw) + 2.0 * abs(ln + ls - 2.0 * lm) + abs(lne + lse - 2.0 * le);
  bool across_rows = horizontal >= vertical;  // the edge runs along a row: blend with the row above or below
  float l1 = across_rows ? ln : lw, l2 = across_rows ? ls : le;
  ivec2 step = across_rows ? ivec2(0, 1) : ivec2(1, 0);
  ivec2 q = clamp(abs(l1 - lm) >= abs(l2 - lm) ? p - step : p + step, ivec2(0), last);
  // How much: the pixel's distance from the average of its neighbourhood, relative to the contrast.
  float average = (2.0 * (ln + ls + lw + le) + lnw + lne + lsw + lse) / 12.0;
  float blend = smoothstep(0.0, 1.0, clamp(abs(average - lm) / (hi - lo), 0.0, 1.0));
  color = vec4(mix(m.rgb, texelFetch(scene_image, q, 0).rgb, 0.5 * blend), m.a);
}

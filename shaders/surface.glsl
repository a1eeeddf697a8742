// The lit colour of a mesh fragment (linear RGB, alpha from the draw): shared by the opaque pass and
// the translucent accumulation pass. Needs `frame` and the vertex shader's outputs declared (`rim`
// included).
#include "lighting.glsl"

vec4 surface_color() {
  vec3 n = normalize(world_normal);
  vec3 v = normalize(frame.eye.xyz - world_position);
  if (!gl_FrontFacing) n = -n;
  vec3 albedo = draw_color.rgb;
  if ((flags.y & kDrawFlow) != 0u) {
    // Soft bright pulses 12 cm apart, travelling along the line at 8 cm/s.
    float phase = fract(arc / 0.12 - frame.time.x * (0.08 / 0.12));
    albedo *= 1.0 + 0.9 * smoothstep(0.75, 1.0, phase) * (1.0 - smoothstep(0.97, 1.0, phase));
  }
  vec3 lit = shade(albedo, n, v, ao, frame);
  if (flags.z != 0u) {
    // Hovered: lit from within, its colour paled toward white with a brighter rim, so it reads at
    // a glance even through the translucent layers over it.
    float rim = pow(1.0 - max(dot(n, v), 0.0), 2.0);
    lit = mix(albedo, vec3(1.0), 0.55) * (1.1 + 0.4 * rim);
  } else if (rim > 0.0) {
    // A line's outline: where the tube turns away from the eye (the outer quarter of its width on
    // screen) it darkens to near black, so the stroke keeps an edge against red muscle, pale skin and
    // ivory bone whatever its hue. `rim` (outline.glsl) fades it out where the tube is thin on screen.
    // A few instructions a fragment: cheaper than a silhouette pass.
    lit *= mix(1.0, mix(0.08, 1.0, smoothstep(0.45, 0.75, abs(dot(n, v)))), rim);
  }
  return vec4(lit, draw_color.a);
}

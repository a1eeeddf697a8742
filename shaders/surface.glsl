// The lit colour of a mesh fragment (linear RGB, alpha from the draw): shared by the opaque pass and
// the translucent accumulation pass. Needs `frame` and `draw` declared by the including shader.
#include "lighting.glsl"

vec4 surface_color(vec3 world_position, vec3 world_normal, float arc) {
  vec3 n = normalize(world_normal);
  vec3 v = normalize(frame.eye.xyz - world_position);
  if (!gl_FrontFacing) n = -n;
  vec3 albedo = draw.color.rgb;
  if (draw.flow != 0u) {
    // Soft bright pulses 12 cm apart, travelling along the line at 8 cm/s.
    float phase = fract(arc / 0.12 - frame.time.x * (0.08 / 0.12));
    albedo *= 1.0 + 0.9 * smoothstep(0.75, 1.0, phase) * (1.0 - smoothstep(0.97, 1.0, phase));
  }
  return vec4(shade(albedo, n, v, frame), draw.color.a);
}

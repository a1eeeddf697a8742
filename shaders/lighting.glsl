// Soft studio lighting that shows form: a wrapped key light, a cool fill from the other side,
// a sky/ground ambient, a faint rim and a restrained specular. `ao` (baked crease occlusion) dims
// the fill and ambient fully and the key by half. Inputs and output are linear RGB.
vec3 shade(vec3 albedo, vec3 n, vec3 v, float ao, FrameUniforms frame) {
  vec3 l = -normalize(frame.key_dir.xyz);
  float ndl = dot(n, l);
  float key = clamp((ndl + 0.25) / 1.25, 0.0, 1.0);  // wrap keeps the shadow side from going black
  vec3 fill_dir = normalize(vec3(-l.x, 0.3, -l.z));
  float fill = clamp(dot(n, fill_dir) * 0.5 + 0.5, 0.0, 1.0);
  float sky = n.y * 0.5 + 0.5;
  vec3 ambient = frame.fill_color.w * mix(vec3(0.55, 0.5, 0.45), vec3(0.85, 0.9, 1.0), sky);
  vec3 h = normalize(l + v);
  float spec = pow(max(dot(n, h), 0.0), 48.0) * 0.18 * step(0.0, ndl);
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * 0.12;
  vec3 diffuse = albedo * (frame.key_color.rgb * key * 0.85 * mix(1.0, ao, 0.5) +
                           (frame.fill_color.rgb * fill * 0.35 + ambient) * ao);
  return diffuse + frame.key_color.rgb * spec + vec3(rim);
}

// How strongly a line tube's dark rim is drawn at a vertex (0 none, 1 full; surface.glsl draws it).
// A tube only a few pixels across would turn dark all over (its colour is what names the line), so
// the rim fades in with the tube's radius on screen: none below 2.5 px, full from 5 px. Worked out a
// vertex, not a fragment: estimated a fragment (from derivatives, or from the distance) the window's
// frame took some 4 % more CPU on lavapipe, which shades a branch's lanes masked, so work in a
// line-only branch costs the whole body's pixels. Needs `frame` declared.
float outline_strength(uint flow, vec3 world_position) {
  uint radius_um = flow >> kDrawRadiusShift;
  if (radius_um == 0u) return 0.0;
  // The projection's vertical scale (1 / tan of half the field of view) is the length of the
  // view-projection's second row: the view's rotation keeps lengths.
  float focal = length(vec3(frame.view_proj[0][1], frame.view_proj[1][1], frame.view_proj[2][1]));
  float radius_px = float(radius_um) * 1e-6 * focal * 0.5 * frame.viewport.y /
                    max(length(frame.eye.xyz - world_position), 1e-3);
  return smoothstep(2.5, 5.0, radius_px);
}

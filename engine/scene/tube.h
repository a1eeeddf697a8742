#pragma once
// Tubes along paths: the myofascial lines are drawn as smooth shaded tubes riding on the tissue.
#include <span>
#include <vector>

#include "scene/mesh.h"

namespace fascia::scene {

// Resamples a polyline as a centripetal Catmull-Rom spline, `per_segment` points per input segment,
// passing through every input point (so stations stay where they are).
std::vector<vec3> smooth_path(std::span<const vec3> points, int per_segment);

// The points of `path` a tube needs (indices, first and last always kept): Douglas-Peucker within
// `tolerance` metres of the full path, and no two kept points further apart than `max_spacing`
// along it, so a skinned tube still bends where its joints do.
std::vector<size_t> simplify_path(std::span<const vec3> path, float tolerance, float max_spacing);

// A closed tube of `radius` around `path`, `sides` vertices around, with rounded end caps.
// Frames are parallel-transported along the path, so the tube does not twist. The per-vertex `u`
// (arc length from the start, metres) is returned in `arc_length` when asked, for flow animation
// and per-segment colouring.
Mesh make_tube(std::span<const vec3> path, float radius, int sides, std::vector<float>* arc_length = nullptr);

// The same tube skinned: every ring (and its end cap) moves with the influence of its path point.
// `influence` has one entry per point of `path`.
Mesh make_skinned_tube(std::span<const vec3> path, std::span<const SkinInfluence> influence, float radius,
                       int sides);

}  // namespace fascia::scene

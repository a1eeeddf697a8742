#pragma once
// Linear blend skinning: weights for meshes that follow several bones, and the CPU reference that
// tests (and the exporter's checks) deform meshes with.
#include <functional>
#include <vector>

#include "body/body.h"

namespace fascia::body {

// Gives every vertex of `mesh` up to four joints, weighted by closeness to each joint's bone
// segment (inverse fourth power of distance), so surfaces bend smoothly across joints.
// `allow(vertex, joint)`, when given, restricts which joints may move a vertex.
void compute_skin_weights(const Skeleton& skeleton, BodyMesh& mesh,
                          const std::function<bool(size_t, int)>& allow = {});

// Diffuses the weights of `mesh` over its edges (`iterations` rounds of neighbour averaging), so
// they vary smoothly across the places where body parts meet; keeps the four largest.
void smooth_skin_weights(size_t joint_count, BodyMesh& mesh, int iterations);

// Skinning matrices (world * inverse bind) for a pose.
std::vector<mat4> skinning_matrices(const Body& body, const Pose& pose);

// The mesh's vertices deformed into `pose`.
std::vector<vec3> skin_positions(const Body& body, const BodyMesh& mesh, const Pose& pose);
std::vector<vec3> skin_positions(const BodyMesh& mesh, const std::vector<mat4>& skinning);

// Worst ratio of an edge's posed length to its rest length (1 = no stretch; rest lengths below the
// mesh's median edge count as the median), over the edges whose rest midpoint lies within `radius`
// of `centre` (radius <= 0: all edges).
float worst_edge_stretch(const BodyMesh& mesh, const std::vector<vec3>& posed, vec3 centre = vec3(0.0f),
                         float radius = 0.0f);

}  // namespace fascia::body

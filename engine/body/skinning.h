#pragma once
// Linear blend skinning: weights for meshes that follow several bones, and the CPU reference that
// tests (and the exporter's checks) deform meshes with.
#include <vector>

#include "body/body.h"

namespace fascia::body {

// Gives every vertex of `mesh` up to four joints, weighted by closeness to each joint's bone
// segment (inverse fourth power of distance), so surfaces bend smoothly across joints.
void compute_skin_weights(const Skeleton& skeleton, BodyMesh& mesh);

// Skinning matrices (world * inverse bind) for a pose.
std::vector<mat4> skinning_matrices(const Body& body, const Pose& pose);

// The mesh's vertices deformed into `pose`.
std::vector<vec3> skin_positions(const Body& body, const BodyMesh& mesh, const Pose& pose);
std::vector<vec3> skin_positions(const BodyMesh& mesh, const std::vector<mat4>& skinning);

// Worst ratio of an edge's posed length to its rest length (1 = no stretch), over the edges whose
// rest midpoint lies within `radius` of `centre` (radius <= 0: all edges).
float worst_edge_stretch(const BodyMesh& mesh, const std::vector<vec3>& posed, vec3 centre = vec3(0.0f),
                         float radius = 0.0f);

}  // namespace fascia::body

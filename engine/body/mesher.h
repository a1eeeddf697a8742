#pragma once
// From a sampled distance field to a clean triangle mesh: surface nets, Taubin smoothing, and
// simplification (meshoptimizer).
#include <cstdint>
#include <functional>
#include <vector>

#include "body/sdf.h"

namespace fascia::body {

struct TriMesh {
  std::vector<vec3> positions;
  std::vector<uint32_t> indices;  // triangles, counter-clockwise seen from outside
};

// Naive surface nets (Gibson 1998): one vertex per cell the surface crosses, at the mean of the
// crossings on its edges; one quad per crossed grid edge. Outward-facing triangles.
TriMesh surface_nets(const SdfGrid& grid);

// Taubin's lambda|mu smoothing: removes the grid's stair steps without shrinking the shape.
// Vertex adjacency: the neighbours of vertex v are neighbour[start[v] .. start[v + 1]), unique and
// sorted.
struct Adjacency {
  std::vector<uint32_t> start;  // (nvertex + 1)
  std::vector<uint32_t> neighbour;
};
Adjacency vertex_adjacency(const std::vector<uint32_t>& indices, size_t vertex_count);

void smooth_taubin(TriMesh& mesh, int iterations, float lambda = 0.5f, float mu = -0.53f);

// Reduces the mesh toward `target_triangles` with meshoptimizer, never moving the surface further than
// `max_error` (metres); drops unreferenced vertices.
void simplify(TriMesh& mesh, size_t target_triangles, float max_error);

// Area-weighted vertex normals.
std::vector<vec3> vertex_normals(const TriMesh& mesh);

// Signed volume (positive for outward-facing triangles).
double mesh_volume(const TriMesh& mesh);

// Runs f(0) .. f(n - 1) on up to hardware_concurrency() threads. Each index writes only its own
// results, so the outcome does not depend on the scheduling.
void parallel_for(size_t n, const std::function<void(size_t)>& f);

// The whole path for one shape: sample at `step`, polygonise, smooth, simplify.
TriMesh polygonise(const Sdf& sdf, float step, size_t target_triangles, int smooth_iterations = 4);

}  // namespace fascia::body

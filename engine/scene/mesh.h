#pragma once
// Triangle meshes as the renderer takes them: plain arrays, no GPU handles.
#include <cstdint>
#include <vector>

#include "core/math.h"

namespace fascia::scene {

struct Vertex {
  vec3 position;
  vec3 normal;
};

struct Mesh {
  std::vector<Vertex> vertices;
  std::vector<uint32_t> indices;  // triangle list, counter-clockwise front faces
};

// Recomputes smooth vertex normals from the triangles (area-weighted).
void compute_normals(Mesh& mesh);

// A torus knot: a closed, curved test surface that shows lighting, depth and silhouettes well.
Mesh make_torus_knot(int p, int q, float radius, float tube, int segments, int sides);

// A UV sphere, for markers and tests.
Mesh make_sphere(float radius, int rings, int segments);

}  // namespace fascia::scene

#pragma once
// Triangle meshes as the renderer takes them: plain arrays, no GPU handles.
#include <cstdint>
#include <vector>

#include <glm/gtc/type_precision.hpp>

#include "core/math.h"

namespace fascia::scene {

struct Vertex {
  vec3 position;
  vec3 normal;
  float u = 0.0f;   // arc length along a line's tube (metres), for the flow animation; 0 elsewhere
  float ao = 1.0f;  // ambient light reaching it (1 open, lower in a crease): see occlusion.h
};

// Up to four joints a vertex for skinning on the GPU.
struct SkinInfluence {
  glm::u16vec4 joints{0};
  vec4 weights{0.0f};  // sum 1
};

struct Mesh {
  std::vector<Vertex> vertices;     // rest pose when skinned
  std::vector<uint32_t> indices;    // triangle list, counter-clockwise front faces
  std::vector<SkinInfluence> skin;  // (nvertex) or empty when the mesh is not skinned

  bool skinned() const { return !skin.empty(); }
};

// Recomputes smooth vertex normals from the triangles (area-weighted).
void compute_normals(Mesh& mesh);

// A torus knot: a closed, curved test surface that shows lighting, depth and silhouettes well.
Mesh make_torus_knot(int p, int q, float radius, float tube, int segments, int sides);

// A UV sphere, for markers and tests.
Mesh make_sphere(float radius, int rings, int segments);

}  // namespace fascia::scene

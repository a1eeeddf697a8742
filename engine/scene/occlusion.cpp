#include "scene/occlusion.h"

#include <algorithm>

namespace fascia::scene {

void bake_crease_occlusion(Mesh& mesh, const CreaseOcclusion& params) {
  const size_t n = mesh.vertices.size();
  if (n == 0) return;
  // Each vertex's neighbours, as compact offsets (CSR), from the triangles' edges.
  std::vector<uint32_t> degree(n + 1, 0);
  for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) degree[mesh.indices[t + e]] += 2;
  std::vector<uint32_t> start(n + 1, 0);
  for (size_t i = 0; i < n; ++i) start[i + 1] = start[i] + degree[i];
  std::vector<uint32_t> next(start.begin(), start.end() - 1), adjacency(start[n]);
  for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3], c = mesh.indices[t + (e + 2) % 3];
      adjacency[next[a]++] = b;
      adjacency[next[a]++] = c;
    }
  // (A neighbour shared by two triangles counts twice: a weight, not an error.)

  std::vector<vec3> smooth(n), scratch(n);
  for (size_t i = 0; i < n; ++i) smooth[i] = mesh.vertices[i].position;
  for (int pass = 0; pass < params.smoothing_passes; ++pass) {
    for (size_t i = 0; i < n; ++i) {
      if (start[i] == start[i + 1]) {
        scratch[i] = smooth[i];
        continue;
      }
      vec3 sum(0.0f);
      for (uint32_t k = start[i]; k < start[i + 1]; ++k) sum += smooth[adjacency[k]];
      scratch[i] = sum / float(start[i + 1] - start[i]);
    }
    smooth.swap(scratch);
  }
  for (size_t i = 0; i < n; ++i) {
    Vertex& v = mesh.vertices[i];
    float below = glm::dot(smooth[i] - v.position, v.normal);  // > 0: the surface around rises above it
    float depth = std::clamp(below / params.full_depth_m, 0.0f, 1.0f);
    v.ao = 1.0f - (1.0f - params.darkest) * depth;
  }
}

}  // namespace fascia::scene

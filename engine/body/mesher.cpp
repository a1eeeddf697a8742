#include "body/mesher.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#ifdef FASCIA_HAVE_MESHOPTIMIZER
#include <meshoptimizer.h>
#endif

namespace fascia::body {

TriMesh surface_nets(const SdfGrid& g) {
  TriMesh mesh;
  const int cx = g.nx - 1, cy = g.ny - 1, cz = g.nz - 1;
  if (cx <= 0 || cy <= 0 || cz <= 0) return mesh;
  std::vector<int32_t> cell_vertex(static_cast<size_t>(cx) * cy * cz, -1);
  auto cell = [&](int i, int j, int k) -> int32_t& {
    return cell_vertex[(static_cast<size_t>(k) * cy + j) * cx + i];
  };

  static const int kCorner[8][3] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0},
                                    {0, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}};
  static const int kEdge[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                                   {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
  for (int k = 0; k < cz; ++k)
    for (int j = 0; j < cy; ++j)
      for (int i = 0; i < cx; ++i) {
        float v[8];
        int inside = 0;
        for (int c = 0; c < 8; ++c) {
          v[c] = g.at(i + kCorner[c][0], j + kCorner[c][1], k + kCorner[c][2]);
          inside += v[c] < 0.0f;
        }
        if (inside == 0 || inside == 8) continue;
        vec3 sum(0.0f);
        int n = 0;
        for (const auto& e : kEdge) {
          const float a = v[e[0]], b = v[e[1]];
          if ((a < 0.0f) == (b < 0.0f)) continue;
          const float t = a / (a - b);
          const vec3 pa(kCorner[e[0]][0], kCorner[e[0]][1], kCorner[e[0]][2]);
          const vec3 pb(kCorner[e[1]][0], kCorner[e[1]][1], kCorner[e[1]][2]);
          sum += pa + (pb - pa) * t;
          ++n;
        }
        cell(i, j, k) = static_cast<int32_t>(mesh.positions.size());
        mesh.positions.push_back(g.origin + (vec3(i, j, k) + sum / float(n)) * g.step);
      }

  // One quad per grid edge whose ends differ in sign, joining the four cells around it.
  auto quad = [&](int32_t a, int32_t b, int32_t c, int32_t d, bool flip) {
    if (a < 0 || b < 0 || c < 0 || d < 0) return;
    if (flip) std::swap(b, d);
    // Split along the shorter diagonal.
    const float ac = glm::length(mesh.positions[a] - mesh.positions[c]);
    const float bd = glm::length(mesh.positions[b] - mesh.positions[d]);
    const uint32_t A = a, B = b, C = c, D = d;
    if (ac <= bd)
      mesh.indices.insert(mesh.indices.end(), {A, B, C, A, C, D});
    else
      mesh.indices.insert(mesh.indices.end(), {A, B, D, B, C, D});
  };
  for (int k = 1; k < cz; ++k)
    for (int j = 1; j < cy; ++j)
      for (int i = 0; i < cx; ++i) {  // x edges
        const bool in0 = g.at(i, j, k) < 0.0f, in1 = g.at(i + 1, j, k) < 0.0f;
        if (in0 == in1) continue;
        quad(cell(i, j - 1, k - 1), cell(i, j, k - 1), cell(i, j, k), cell(i, j - 1, k), in1);
      }
  for (int k = 1; k < cz; ++k)
    for (int j = 0; j < cy; ++j)
      for (int i = 1; i < cx; ++i) {  // y edges
        const bool in0 = g.at(i, j, k) < 0.0f, in1 = g.at(i, j + 1, k) < 0.0f;
        if (in0 == in1) continue;
        quad(cell(i - 1, j, k - 1), cell(i - 1, j, k), cell(i, j, k), cell(i, j, k - 1), in1);
      }
  for (int k = 0; k < cz; ++k)
    for (int j = 1; j < cy; ++j)
      for (int i = 1; i < cx; ++i) {  // z edges
        const bool in0 = g.at(i, j, k) < 0.0f, in1 = g.at(i, j, k + 1) < 0.0f;
        if (in0 == in1) continue;
        quad(cell(i - 1, j - 1, k), cell(i, j - 1, k), cell(i, j, k), cell(i - 1, j, k), in1);
      }
  // The winding above follows one convention; make it outward whatever that convention is.
  if (mesh_volume(mesh) < 0.0)
    for (size_t t = 0; t < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
  return mesh;
}

Adjacency vertex_adjacency(const std::vector<uint32_t>& indices, size_t vertex_count) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  edges.reserve(indices.size() * 2);
  for (size_t t = 0; t + 2 < indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = indices[t + e], b = indices[t + (e + 1) % 3];
      edges.emplace_back(a, b);
      edges.emplace_back(b, a);
    }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  Adjacency adj;
  adj.start.assign(vertex_count + 1, 0);
  for (auto& e : edges) ++adj.start[e.first + 1];
  for (size_t i = 0; i < vertex_count; ++i) adj.start[i + 1] += adj.start[i];
  adj.neighbour.reserve(edges.size());
  for (auto& e : edges) adj.neighbour.push_back(e.second);
  return adj;
}

void smooth_taubin(TriMesh& mesh, int iterations, float lambda, float mu) {
  const size_t n = mesh.positions.size();
  if (n == 0 || iterations <= 0) return;
  const Adjacency adj = vertex_adjacency(mesh.indices, n);
  const std::vector<uint32_t>& start = adj.start;

  std::vector<vec3> next(n);
  for (int it = 0; it < iterations * 2; ++it) {
    const float f = (it % 2 == 0) ? lambda : mu;
    for (size_t v = 0; v < n; ++v) {
      const uint32_t b = start[v], e = start[v + 1];
      if (b == e) {
        next[v] = mesh.positions[v];
        continue;
      }
      vec3 avg(0.0f);
      for (uint32_t k = b; k < e; ++k) avg += mesh.positions[adj.neighbour[k]];
      avg /= float(e - b);
      next[v] = mesh.positions[v] + f * (avg - mesh.positions[v]);
    }
    mesh.positions.swap(next);
  }
}

void simplify(TriMesh& mesh, size_t target_triangles, float max_error) {
#ifdef FASCIA_HAVE_MESHOPTIMIZER
  if (mesh.indices.size() / 3 <= target_triangles || mesh.positions.empty()) return;
  // meshoptimizer takes the error relative to the mesh extent.
  vec3 lo(INFINITY), hi(-INFINITY);
  for (const vec3& p : mesh.positions) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  const float extent = std::max(glm::length(hi - lo), 1e-6f);
  std::vector<uint32_t> out(mesh.indices.size());
  float error = 0.0f;
  const size_t count = meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(),
                                        &mesh.positions[0].x, mesh.positions.size(), sizeof(vec3),
                                        target_triangles * 3, max_error / extent, 0, &error);
  out.resize(count);
  mesh.indices.swap(out);
  std::vector<uint32_t> remap(mesh.positions.size());
  const size_t nv = meshopt_optimizeVertexFetchRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                     mesh.positions.size());
  std::vector<vec3> pos(nv);
  meshopt_remapVertexBuffer(pos.data(), mesh.positions.data(), mesh.positions.size(), sizeof(vec3),
                            remap.data());
  meshopt_remapIndexBuffer(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
  mesh.positions.swap(pos);
#else
  (void)mesh;
  (void)target_triangles;
  (void)max_error;
#endif
}

std::vector<vec3> vertex_normals(const TriMesh& mesh) {
  std::vector<vec3> n(mesh.positions.size(), vec3(0.0f));
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    const vec3 fn = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    n[a] += fn;
    n[b] += fn;
    n[c] += fn;
  }
  for (vec3& v : n) {
    const float l = glm::length(v);
    v = l > 0.0f ? v / l : vec3(0, 1, 0);
  }
  return n;
}

double mesh_volume(const TriMesh& mesh) {
  double v = 0.0;
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const glm::dvec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                     c = mesh.positions[mesh.indices[t + 2]];
    v += glm::dot(a, glm::cross(b, c));
  }
  return v / 6.0;
}

void parallel_for(size_t n, const std::function<void(size_t)>& f) {
  const size_t workers = std::min<size_t>(n, std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (size_t w = 0; w < workers; ++w)
    threads.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) f(i);
    });
  for (std::thread& t : threads) t.join();
}

TriMesh polygonise(const Sdf& sdf, float step, size_t target_triangles, int smooth_iterations) {
  vec3 lo, hi;
  sdf.bounds(lo, hi);
  if (!(lo.x <= hi.x)) return {};
  SdfGrid grid = make_grid(lo, hi, step, 1.0f);
  rasterize(sdf, grid);
  TriMesh mesh = surface_nets(grid);
  smooth_taubin(mesh, smooth_iterations);
  simplify(mesh, target_triangles, step * 0.25f);
  return mesh;
}

}  // namespace fascia::body

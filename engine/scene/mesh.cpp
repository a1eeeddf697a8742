#include "scene/mesh.h"

#include <cmath>

namespace fascia::scene {

void compute_normals(Mesh& mesh) {
  for (auto& v : mesh.vertices) v.normal = vec3(0);
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    Vertex& a = mesh.vertices[mesh.indices[i]];
    Vertex& b = mesh.vertices[mesh.indices[i + 1]];
    Vertex& c = mesh.vertices[mesh.indices[i + 2]];
    vec3 n = glm::cross(b.position - a.position, c.position - a.position);  // length = 2 * area
    a.normal += n;
    b.normal += n;
    c.normal += n;
  }
  for (auto& v : mesh.vertices) {
    float len = glm::length(v.normal);
    v.normal = len > 0 ? v.normal / len : vec3(0, 1, 0);
  }
}

Mesh make_torus_knot(int p, int q, float radius, float tube, int segments, int sides) {
  auto curve = [&](float t) {
    float r = radius * (2.0f + std::cos(q * t)) / 3.0f;
    return vec3(r * std::cos(p * t), radius * std::sin(q * t) / 3.0f, r * std::sin(p * t));
  };
  Mesh m;
  const float two_pi = 6.28318530718f;
  for (int i = 0; i < segments; ++i) {
    float t = two_pi * i / segments;
    vec3 c = curve(t);
    vec3 tangent = glm::normalize(curve(t + 1e-3f) - curve(t - 1e-3f));
    vec3 side = glm::normalize(glm::cross(tangent, c));
    vec3 up = glm::cross(side, tangent);
    for (int j = 0; j < sides; ++j) {
      float a = two_pi * j / sides;
      vec3 n = std::cos(a) * side + std::sin(a) * up;
      m.vertices.push_back({c + tube * n, n});
    }
  }
  for (int i = 0; i < segments; ++i) {
    for (int j = 0; j < sides; ++j) {
      uint32_t a = i * sides + j, b = ((i + 1) % segments) * sides + j;
      uint32_t c = ((i + 1) % segments) * sides + (j + 1) % sides, d = i * sides + (j + 1) % sides;
      m.indices.insert(m.indices.end(), {a, d, b, b, d, c});
    }
  }
  compute_normals(m);
  // Orientation of the winding depends on the frame; make faces point outward (along the normals).
  if (!m.indices.empty()) {
    const Vertex& a = m.vertices[m.indices[0]];
    vec3 fn = glm::cross(m.vertices[m.indices[1]].position - a.position,
                         m.vertices[m.indices[2]].position - a.position);
    vec3 c = curve(0);
    if (glm::dot(fn, a.position - c) < 0) {
      for (size_t i = 0; i < m.indices.size(); i += 3) std::swap(m.indices[i + 1], m.indices[i + 2]);
      compute_normals(m);
    }
  }
  return m;
}

Mesh make_sphere(float radius, int rings, int segments) {
  Mesh m;
  const float pi = 3.14159265359f;
  for (int r = 0; r <= rings; ++r) {
    float phi = pi * r / rings;
    for (int s = 0; s <= segments; ++s) {
      float th = 2 * pi * s / segments;
      vec3 n(std::sin(phi) * std::cos(th), std::cos(phi), std::sin(phi) * std::sin(th));
      m.vertices.push_back({radius * n, n});
    }
  }
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      uint32_t a = r * (segments + 1) + s, b = a + segments + 1;
      m.indices.insert(m.indices.end(), {a, a + 1, b, b, a + 1, b + 1});
    }
  return m;
}

}  // namespace fascia::scene

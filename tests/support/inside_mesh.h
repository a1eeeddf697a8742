#pragma once
// Inside/outside queries against a closed triangle mesh (the skin), for checking that the tissue
// under it stays under it: ray-casting parity along the three axes (majority vote, which shrugs off
// a ray grazing an edge) and the unsigned distance to the surface near a point.
#include <cstdint>
#include <vector>

#include "core/math.h"

namespace fascia::test {

// Distance from p to the triangle abc.
float point_triangle_distance(vec3 p, vec3 a, vec3 b, vec3 c);

class InsideMesh {
 public:
  InsideMesh(const std::vector<vec3>& positions, const std::vector<uint32_t>& indices, float cell = 0.01f);

  bool inside(vec3 p) const;
  // How many times the ray from p toward +`axis` crosses the surface (0: p is seen from that side).
  int crossings(vec3 p, int axis) const;
  // Distance to the nearest triangle, searched up to `cell` away; `cell` when none is that near.
  float distance(vec3 p) const;

 private:
  struct Bins2 {
    vec2 lo;
    int nx = 0, ny = 0;
    std::vector<std::vector<uint32_t>> tris;
  };
  const std::vector<vec3>& pos_;
  const std::vector<uint32_t>& idx_;
  float cell_;
  Bins2 bins_[3];  // triangles binned in the plane across each axis
  vec3 lo3_;
  int n3_[3] = {0, 0, 0};
  std::vector<std::vector<uint32_t>> bins3_;
};

}  // namespace fascia::test

#include "body/trunk_depth.h"

#include <algorithm>
#include <cmath>

#include "body/mesher.h"

namespace fascia::body {

namespace {

float smoothstep(float a, float b, float x) {
  const float t = std::clamp((x - a) / (b - a), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

// Fitted, not measured: the strength and the bands were tuned so that the skin's depth at the chest
// and shoulders falls within 15 % of the MakeHuman reference (tests/body/shape_reference_test.cpp).
constexpr float kSqueeze = 0.20f;
constexpr float kSpineZ = -0.035f;  // the axis the depth is scaled about, fraction of stature
// Full from 0.74 H (above the xiphoid) to 0.82 H (the root of the neck), none below 0.66 H (the
// waist) or above 0.86 H (the jaw), and none beyond 0.115 H (20 cm) from the midline (the hanging arms).
constexpr float kWaist = 0.66f, kChest = 0.74f, kNeck = 0.82f, kJaw = 0.86f;
constexpr float kInner = 0.060f, kOuter = 0.115f;

}  // namespace

float trunk_depth_scale(vec3 p, float height) {
  const float y = p.y / height, x = std::abs(p.x) / height;
  const float along = smoothstep(kWaist, kChest, y) * (1.0f - smoothstep(kNeck, kJaw, y));
  const float across = 1.0f - smoothstep(kInner, kOuter, x);
  return 1.0f - kSqueeze * along * across;
}

vec3 correct_trunk_depth(vec3 p, float height) {
  const float axis = kSpineZ * height;
  return {p.x, p.y, axis + (p.z - axis) * trunk_depth_scale(p, height)};
}

void correct_trunk_depth(Body& body) {
  const float H = body.params.height;
  parallel_for(body.meshes.size(), [&](size_t i) {
    BodyMesh& m = body.meshes[i];
    for (vec3& p : m.positions) p = correct_trunk_depth(p, H);
    TriMesh tri{m.positions, m.indices};
    m.normals = vertex_normals(tri);
  });
}

}  // namespace fascia::body

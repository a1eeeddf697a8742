#include "body/skin.h"

#include <cmath>

#include "body/mesher.h"
#include "body/skinning.h"

namespace fascia::body {

namespace {

// Soft tissue the named tissues leave out, as volumes sized from anthropometric girths of an adult of
// average build (for 1.75 m: thigh 55 cm, calf 37 cm, waist 85 cm, chest 100 cm, hips 98 cm, upper
// arm 31 cm, forearm 27 cm, neck 38 cm), widened or slimmed with the build.
void add_bulk(const AnatomyContext& c, Sdf& s, float k) {
  const float H = c.H;
  const float b = 0.90f + 0.20f * c.skeleton.params.build;
  auto R = [&](float f) { return f * H * b; };
  // Trunk: pelvis and buttocks, abdomen, chest, shoulders, neck.
  s.add(ellipsoid(c.f(0, 0.540f, -0.004f), vec3(R(0.080f), 0.060f * H, R(0.058f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(ellipsoid(c.f(0, 0.612f, 0.004f), vec3(R(0.074f), 0.062f * H, R(0.056f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(ellipsoid(c.f(0, 0.715f, -0.004f), vec3(R(0.082f), 0.080f * H, R(0.060f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(ellipsoid(c.f(0, 0.780f, -0.010f), vec3(R(0.075f), 0.040f * H, R(0.052f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(round_cone(c.f(0, 0.815f, -0.020f), c.f(0, 0.890f, -0.010f), R(0.034f), R(0.030f), k));
  for (float side : {1.0f, -1.0f}) {
    const std::string S = suffix(side);
    const vec3 hip = c.j("femur" + S), knee = c.j("tibia" + S), ankle = c.j("talus" + S);
    const vec3 sh = c.j("humerus" + S), elbow = c.j("forearm" + S), wrist = c.j("hand" + S);
    // Buttock.
    s.add(ellipsoid(c.f(0.046f, 0.505f, -0.034f, side), vec3(R(0.050f), 0.055f * H, R(0.042f)), {0, 1, 0}, {1, 0, 0}, k));
    // Thigh, knee, calf, ankle.
    s.add(round_cone(hip + c.f(0.004f, -0.020f, 0.002f, side), knee + vec3(0, 0.040f * H, -0.002f * H), R(0.046f), R(0.031f), k));
    s.add(sphere(knee + vec3(0, 0.006f * H, -0.002f * H), R(0.029f), k));
    s.add(round_cone(knee + vec3(0, -0.040f * H, -0.010f * H), knee + vec3(0, -0.085f * H, -0.012f * H), R(0.030f), R(0.032f), k));
    s.add(round_cone(knee + vec3(0, -0.085f * H, -0.012f * H), ankle + vec3(0, 0.035f * H, -0.006f * H), R(0.032f), R(0.018f), k));
    s.add(ellipsoid(ankle + vec3(0, -0.006f * H, -0.002f * H), vec3(R(0.019f), 0.018f * H, R(0.020f)), {0, 1, 0}, {1, 0, 0}, k));
    // Sole pad from the heel to the ball of the foot.
    s.add(round_cone(c.lm("calcaneus" + S) + vec3(0, 0.002f * H, 0.008f * H), c.j("toes" + S) + vec3(0, 0.002f * H, -0.006f * H),
                     0.012f * H, 0.011f * H, k));
    // Shoulder cap, upper arm, forearm, palm.
    s.add(sphere(sh + vec3(side * 0.006f * H, 0.002f * H, 0), R(0.026f), k));
    s.add(round_cone(sh + vec3(0, -0.030f * H, 0), elbow + vec3(0, 0.020f * H, -0.002f * H), R(0.025f), R(0.020f), k));
    s.add(round_cone(elbow + vec3(0, -0.025f * H, 0.002f * H), wrist + vec3(0, 0.025f * H, 0), R(0.022f), R(0.0145f), k));
    s.add(ellipsoid(wrist + vec3(0, -0.032f * H, 0.0f), vec3(R(0.009f), 0.026f * H, R(0.023f)), {0, 1, 0}, {1, 0, 0}, k));
  }
  // Face: cheeks and lips over the maxilla and mandible, the nose.
  s.add(ellipsoid(c.f(0, 0.905f, 0.034f), vec3(0.040f * H, 0.034f * H, 0.030f * H), {0, 1, 0}, {1, 0, 0}, k));
  s.add(round_cone(c.f(0, 0.936f, 0.066f), c.f(0, 0.916f, 0.074f), 0.004f * H, 0.007f * H, 0.004f * H));
}

}  // namespace

BodyMesh make_skin(const AnatomyContext& c, const std::vector<BoneShape>& bones, const Sdf& muscle_volume) {
  const float H = c.H;
  const float k = 0.010f * H;
  Sdf field;
  for (const BoneShape& b : bones)
    for (SdfPrim p : b.sdf.prims) {
      if (p.subtract) continue;
      p.blend = k;
      field.add(p);
    }
  for (SdfPrim p : muscle_volume.prims) {
    p.blend = k;
    field.add(p);
  }
  add_bulk(c, field, k);

  // Subcutaneous fat, thicker with a broader build: the iso-surface at +fat of the union.
  const float fat = (0.0035f + 0.0025f * c.skeleton.params.build) * H;
  for (SdfPrim& p : field.prims) {
    if (p.kind == SdfPrim::Kind::RoundCone) {
      p.ra += fat;
      p.rb += fat;
    } else {
      p.radii += vec3(fat);
    }
  }
  const float step = 0.0050f * H / 1.75f;
  TriMesh tri = polygonise(field, step, 90000, 4);

  BodyMesh mesh;
  mesh.name = "skin";
  mesh.layer = Layer::Skin;
  mesh.normals = vertex_normals(tri);
  mesh.positions = std::move(tri.positions);
  mesh.indices = std::move(tri.indices);
  compute_skin_weights(c.skeleton, mesh);
  return mesh;
}

}  // namespace fascia::body

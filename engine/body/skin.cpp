#include "body/skin.h"

#include <algorithm>
#include <cmath>

#include "body/mesher.h"
#include "body/skinning.h"

namespace fascia::body {

namespace {

// Separable Gaussian blur of a grid, standard deviation `sigma` in samples.
void blur(SdfGrid& g, float sigma) {
  const int radius = std::max(1, static_cast<int>(std::ceil(2.5f * sigma)));
  std::vector<float> kernel(2 * radius + 1);
  float sum = 0.0f;
  for (int i = -radius; i <= radius; ++i)
    sum += kernel[i + radius] = std::exp(-0.5f * float(i * i) / (sigma * sigma));
  for (float& k : kernel) k /= sum;
  const int dims[3] = {g.nx, g.ny, g.nz};
  const size_t strides[3] = {1, static_cast<size_t>(g.nx), static_cast<size_t>(g.nx) * g.ny};
  std::vector<float> line;
  for (int axis = 0; axis < 3; ++axis) {
    const int n = dims[axis];
    line.resize(n);
    const int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
    for (int p = 0; p < dims[a2]; ++p)
      for (int q = 0; q < dims[a1]; ++q) {
        const size_t base = p * strides[a2] + q * strides[a1];
        for (int i = 0; i < n; ++i) line[i] = g.value[base + i * strides[axis]];
        for (int i = 0; i < n; ++i) {
          float acc = 0.0f;
          for (int k = -radius; k <= radius; ++k)
            acc += kernel[k + radius] * line[std::clamp(i + k, 0, n - 1)];
          g.value[base + i * strides[axis]] = acc;
        }
      }
  }
}

// Soft tissue the named tissues leave out, as volumes sized from anthropometric girths of an adult of
// average build (for 1.75 m: thigh 55 cm, calf 37 cm, waist 85 cm, chest 100 cm, hips 98 cm, upper
// arm 31 cm, forearm 27 cm, neck 38 cm), widened or slimmed with the build.
void add_bulk(const AnatomyContext& c, std::vector<TaggedPrim>& out) {
  const float k = 0.0f;
  int tag = c.joint("thoracic_lower");
  struct Adder {
    std::vector<TaggedPrim>& out;
    int& tag;
    void add(const SdfPrim& p) { out.push_back({tag, p}); }
  } s{out, tag};
  const float H = c.H;
  const float b = 0.90f + 0.20f * c.skeleton.params.build;
  auto R = [&](float f) { return f * H * b; };
  // Trunk: pelvis and buttocks, abdomen, chest, shoulders, neck.
  s.add(ellipsoid(c.f(0, 0.540f, -0.004f), vec3(R(0.080f), 0.060f * H, R(0.058f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(ellipsoid(c.f(0, 0.612f, 0.000f), vec3(R(0.064f), 0.062f * H, R(0.046f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(ellipsoid(c.f(0, 0.715f, 0.000f), vec3(R(0.062f), 0.080f * H, R(0.043f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(ellipsoid(c.f(0, 0.780f, -0.010f), vec3(R(0.062f), 0.040f * H, R(0.046f)), {0, 1, 0}, {1, 0, 0}, k));
  s.add(round_cone(c.f(0, 0.815f, -0.022f), c.f(0, 0.890f, -0.016f), R(0.021f), R(0.021f), k));
  for (float side : {1.0f, -1.0f}) {
    const std::string S = suffix(side);
    const vec3 hip = c.j("femur" + S), knee = c.j("tibia" + S), ankle = c.j("talus" + S);
    const vec3 sh = c.j("humerus" + S), elbow = c.j("forearm" + S), wrist = c.j("hand" + S);
    // Buttock.
    tag = c.joint("pelvis");
    s.add(ellipsoid(c.f(0.040f, 0.505f, -0.030f, side), vec3(R(0.043f), 0.052f * H, R(0.040f)), {0, 1, 0},
                    {1, 0, 0}, k));
    // Thigh, knee, calf, ankle.
    tag = c.joint("femur" + S);
    s.add(round_cone(hip + c.f(0.004f, -0.020f, 0.002f, side), knee + vec3(0, 0.040f * H, -0.002f * H),
                     R(0.046f), R(0.031f), k));
    s.add(sphere(knee + vec3(0, 0.006f * H, -0.002f * H), R(0.025f), k));
    s.add(round_cone(knee + vec3(0, -0.040f * H, -0.008f * H), knee + vec3(0, -0.085f * H, -0.009f * H),
                     R(0.026f), R(0.028f), k));
    s.add(round_cone(knee + vec3(0, -0.085f * H, -0.009f * H), ankle + vec3(0, 0.035f * H, -0.004f * H),
                     R(0.028f), R(0.011f), k));
    s.add(ellipsoid(ankle + vec3(0, -0.006f * H, -0.002f * H), vec3(R(0.012f), 0.016f * H, R(0.016f)),
                    {0, 1, 0}, {1, 0, 0}, k));
    // Above the malleoli the Achilles tendon behind and the extensor tendons in front keep the ankle
    // deeper than wide.
    s.add(ellipsoid(ankle + vec3(0, 0.024f * H, -0.005f * H), vec3(R(0.011f), 0.022f * H, R(0.0175f)),
                    {0, 1, 0}, {1, 0, 0}, k));
    // Sole pad from the heel to the ball of the foot.
    tag = c.joint("heel" + S);
    {
      vec3 heel = c.lm("calcaneus" + S), ball = c.j("toes" + S);
      heel.y = 0.0165f * H;
      ball.y = 0.0155f * H;
      s.add(round_cone(heel + vec3(0, 0, 0.008f * H), ball + vec3(0, 0, -0.006f * H), 0.0105f * H,
                       0.0095f * H, k));
    }
    // Shoulder cap, upper arm, forearm, palm.
    tag = c.joint("humerus" + S);
    s.add(sphere(sh + vec3(side * 0.006f * H, 0.002f * H, 0), R(0.026f), k));
    s.add(round_cone(sh + vec3(0, -0.030f * H, 0), elbow + vec3(0, 0.020f * H, -0.002f * H), R(0.025f),
                     R(0.020f), k));
    s.add(round_cone(elbow + vec3(0, -0.025f * H, 0.002f * H), wrist + vec3(0, 0.025f * H, 0), R(0.022f),
                     R(0.0145f), k));
    tag = c.joint("hand" + S);
    s.add(ellipsoid(wrist + vec3(0, -0.032f * H, 0.0f), vec3(R(0.009f), 0.026f * H, R(0.023f)), {0, 1, 0},
                    {1, 0, 0}, k));
  }
  // Face: cheeks and lips over the maxilla and mandible, the nose.
  tag = c.joint("skull");
  s.add(ellipsoid(c.f(0, 0.905f, 0.030f), vec3(0.036f * H, 0.032f * H, 0.027f * H), {0, 1, 0}, {1, 0, 0}, k));
  s.add(round_cone(c.f(0, 0.936f, 0.060f), c.f(0, 0.918f, 0.066f), 0.004f * H, 0.006f * H, 0.004f * H));
}

// Body parts, each smoothed on its own scale and joined with a small blend, so that the arms do not
// web onto the trunk nor the knees onto each other.
struct Part {
  float sigma;  // blur, fractions of stature
  std::vector<SdfPrim> prims;
};

int part_of(const std::string& joint) {
  auto side = [&](int base) { return base + (joint.ends_with(".r") ? 1 : 0); };
  if (joint == "skull" || joint == "mandible") return 0;
  for (const char* p : {"humerus", "forearm"})
    if (joint.starts_with(p)) return side(2);
  for (const char* p : {"hand", "thumb", "index", "middle", "ring", "little"})
    if (joint.starts_with(p)) return side(4);
  for (const char* p : {"femur", "patella", "tibia"})
    if (joint.starts_with(p)) return side(6);
  for (const char* p : {"talus", "heel", "midfoot", "metatarsals", "toes"})
    if (joint.starts_with(p)) return side(8);
  return 1;
}

constexpr float kPartSigma[10] = {0.003f,  0.010f, 0.007f, 0.007f, 0.0025f,
                                  0.0025f, 0.008f, 0.008f, 0.004f, 0.004f};

}  // namespace

BodyMesh make_skin(const AnatomyContext& c, const std::vector<BoneShape>& bones,
                   const std::vector<TaggedPrim>& muscle_volume, SdfGrid* field) {
  const float H = c.H;
  // The smooth-union radius: wider blends swell the skin where many tissues meet (2 cm too deep at
  // the chest with 0.012 H); fitted against the MakeHuman reference's sections, no source.
  const float k = 0.008f * H;
  std::vector<TaggedPrim> all;
  for (const BoneShape& b : bones)
    for (const SdfPrim& p : b.sdf.prims)
      if (!p.subtract) all.push_back({b.joint, p});
  all.insert(all.end(), muscle_volume.begin(), muscle_volume.end());
  add_bulk(c, all);

  // Subcutaneous fat, thicker with a broader build: the iso-surface at +fat of the union.
  // 5.8 mm at an average build for 1.75 m, a lean figure (fitted to the reference like k, no source).
  const float fat = 0.7f * (0.0035f + 0.0025f * c.skeleton.params.build) * H;
  std::vector<Part> parts(10);
  for (int i = 0; i < 10; ++i) parts[i].sigma = kPartSigma[i] * H;
  // The scalp keeps the full 8.3 mm (skin, galea and fat): the crown stays at the stature.
  const float scalp = fat / 0.7f;
  for (TaggedPrim& t : all) {
    SdfPrim p = t.prim;
    p.blend = k;
    const int part = t.joint >= 0 ? part_of(c.skeleton.joints[t.joint].name) : 1;
    const float over = part == 0 ? scalp : fat;
    if (p.kind == SdfPrim::Kind::RoundCone) {
      p.ra += over;
      p.rb += over;
    } else {
      p.radii += vec3(over);
    }
    parts[part].prims.push_back(p);
  }

  // Each part sampled as a distance field truncated at +-3 cm and low-passed: ridges narrower than
  // the blur (a muscle's edge, the gap between two muscles) fade into one smooth surface, as the
  // skin and fat lie over real muscle.
  const float step = 0.0050f * H / 1.75f;
  const float band = 0.03f * H / 1.75f;
  std::vector<SdfGrid> grids(parts.size());
  parallel_for(parts.size(), [&](size_t i) {
    const Part& part = parts[i];
    Sdf sdf;
    sdf.prims = part.prims;
    vec3 a, b;
    sdf.bounds(a, b);
    a -= vec3(3.0f * part.sigma);
    b += vec3(3.0f * part.sigma);
    SdfGrid g = make_grid(a, b, step, band);
    rasterize(sdf, g);
    for (float& v : g.value) v = std::clamp(v, -band, band);
    blur(g, part.sigma / step);
    grids[i] = std::move(g);
  });
  vec3 lo(INFINITY), hi(-INFINITY);
  for (const SdfGrid& g : grids) {
    lo = glm::min(lo, g.origin);
    hi = glm::max(hi, g.origin + vec3(g.nx - 1, g.ny - 1, g.nz - 1) * g.step);
  }
  SdfGrid grid = make_grid(lo, hi, step, band);
  const float join = 0.004f * H;
  // Where two parts lie against each other but move apart (the arm on the side of the chest, the
  // hand on the thigh, thigh on thigh), the moving part is carved back to leave a narrow gap, so the
  // skin does not bridge them and tear when they separate.
  const float gap = 0.004f * H;
  const float axilla = (c.j("humerus.l").y - 0.030f * H);
  const float crotch = c.j("femur.l").y - 0.08f * H;
  parallel_for(static_cast<size_t>(grid.nz), [&](size_t slice) {
    const int kz = static_cast<int>(slice);
    float d[10];
    for (int j = 0; j < grid.ny; ++j)
      for (int i = 0; i < grid.nx; ++i) {
        const vec3 p = grid.origin + vec3(i, j, kz) * step;
        for (int g = 0; g < 10; ++g) d[g] = grids[g].sample(p, band);
        const float below_axilla = std::clamp((axilla - p.y) / (0.01f * H), 0.0f, 1.0f);
        const float trunk = glm::mix(band, d[1], below_axilla);
        const float others = std::min({trunk, d[6], d[7], d[8], d[9]});
        const float arms = std::min({d[2], d[3], d[4], d[5]});
        for (int a = 2; a <= 5; ++a) d[a] = std::max(d[a], gap - others);
        d[1] = std::max(d[1], glm::mix(-band, gap - arms, below_axilla));
        if (p.y < crotch) d[7] = std::max(d[7], gap - d[6]);
        float out = band;
        for (int g = 0; g < 10; ++g) out = smooth_min(out, d[g], join);
        grid.at(i, j, kz) = out;
      }
  });
  TriMesh tri = surface_nets(grid);
  smooth_taubin(tri, 6);
  // The weight-bearing sole is flat on the floor.
  for (vec3& p : tri.positions) p.y = std::max(p.y, 0.0f);
  simplify(tri, 90000, step * 0.2f);

  BodyMesh mesh;
  mesh.name = "skin";
  mesh.layer = Layer::Skin;
  mesh.normals = vertex_normals(tri);
  mesh.positions = std::move(tri.positions);
  mesh.indices = std::move(tri.indices);

  // Each vertex belongs to the part whose surface it lies on, and follows only that part's joints
  // and the joints where the part meets its neighbours: the trunk's skin never follows an arm.
  std::vector<uint8_t> vertex_part(mesh.positions.size(), 1);
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    float best = INFINITY;
    for (size_t g = 0; g < grids.size(); ++g) {
      const float d = grids[g].sample(mesh.positions[v], band);
      if (d < best) {
        best = d;
        vertex_part[v] = static_cast<uint8_t>(g);
      }
    }
  }
  std::vector<int> joint_part(c.skeleton.size());
  for (size_t j = 0; j < c.skeleton.size(); ++j) joint_part[j] = part_of(c.skeleton.joints[j].name);
  auto allow = [&](size_t v, int joint) {
    const int part = vertex_part[v], jp = joint_part[joint];
    if (part == jp) return true;
    const std::string& name = c.skeleton.joints[joint].name;
    const bool left = part % 2 == 0;
    const bool same_side = name.ends_with(left ? ".l" : ".r");
    switch (part) {
      case 0:
        return name.starts_with("cervical");
      case 1:
        return name.starts_with("femur") || name == "skull";
      case 2:
      case 3:
        return same_side &&
               (name.starts_with("scapula") || name.starts_with("clavicle") || name.starts_with("hand"));
      case 4:
      case 5:
        return same_side && name.starts_with("forearm");
      case 6:
      case 7:
        return name == "pelvis" || (same_side && name.starts_with("talus"));
      case 8:
      case 9:
        return same_side && name.starts_with("tibia");
    }
    return false;
  };
  compute_skin_weights(c.skeleton, mesh, allow);
  // 64 rounds spread the weights over about 4 cm (8 edges): with 24 the armpit's worst edge
  // stretched 6-fold in the arm raise, with 64 4.5-fold (body_test).
  smooth_skin_weights(c.skeleton.size(), mesh, 64);
  if (field) *field = std::move(grid);
  return mesh;
}

}  // namespace fascia::body

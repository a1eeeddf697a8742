#include "body/bones.h"

#include <algorithm>
#include <cmath>

namespace fascia::body {

namespace {

constexpr float kPi = 3.14159265f;

// A chain of round cones through `pts` with radii interpolated from r0 to r1.
void chain(Sdf& sdf, const std::vector<vec3>& pts, float r0, float r1, float blend = 0.004f) {
  for (size_t i = 0; i + 1 < pts.size(); ++i) {
    const float t0 = float(i) / float(pts.size() - 1), t1 = float(i + 1) / float(pts.size() - 1);
    sdf.add(round_cone(pts[i], pts[i + 1], r0 + (r1 - r0) * t0, r0 + (r1 - r0) * t1, blend));
  }
}

// Quadratic Bezier samples from a through control b to c.
std::vector<vec3> curve(vec3 a, vec3 b, vec3 c, int n) {
  std::vector<vec3> out;
  for (int i = 0; i <= n; ++i) {
    const float t = float(i) / float(n);
    out.push_back((1 - t) * (1 - t) * a + 2 * (1 - t) * t * b + t * t * c);
  }
  return out;
}

struct Builder {
  const AnatomyContext& c;
  std::vector<BoneShape> out;

  BoneShape& add(std::string name, const std::string& joint, float step, size_t tris) {
    BoneShape b;
    b.name = std::move(name);
    b.joint = c.joint(joint);
    b.step = step * c.H / 1.75f;
    b.target_triangles = tris;
    out.push_back(std::move(b));
    return out.back();
  }

  void skull() {
    Sdf& s = add("skull", "skull", 0.0030f, 5000).sdf;
    const float H = c.H;
    // Cranial vault (an ovoid domed over the vertex, 18 x 14 cm for 1.75 m), occiput and forehead.
    // The frontal and occipital swellings sit low on it, so the crown stays an arch both ways.
    s.add(ellipsoid(c.f(0, 0.946f, -0.004f), vec3(0.040f, 0.048f, 0.050f) * H));
    s.add(ellipsoid(c.f(0, 0.926f, -0.032f), vec3(0.033f, 0.024f, 0.023f) * H, {0, 1, 0}, {1, 0, 0},
                    0.015f * H));
    s.add(ellipsoid(c.f(0, 0.944f, 0.030f), vec3(0.036f, 0.026f, 0.028f) * H, {0, 1, 0}, {1, 0, 0},
                    0.015f * H));
    // Occipital protuberance and the brow ridge.
    s.add(sphere(c.lm("occipital_ridge") + vec3(0, 0, 0.004f * H), 0.006f * H, 0.008f * H));
    s.add(capsule(c.f(0.022f, 0.951f, 0.052f), c.f(-0.022f, 0.951f, 0.052f), 0.0075f * H, 0.01f * H));
    // Face: maxilla and nasal bones, the zygomatic arches, mastoids.
    s.add(ellipsoid(c.f(0, 0.915f, 0.040f), vec3(0.026f, 0.024f, 0.022f) * H, {0, 1, 0.3f}, {1, 0, 0},
                    0.012f * H));
    s.add(round_cone(c.f(0, 0.943f, 0.058f), c.f(0, 0.925f, 0.066f), 0.004f * H, 0.003f * H, 0.006f * H));
    for (float side : {1.0f, -1.0f}) {
      s.add(capsule(c.f(0.034f, 0.930f, 0.044f, side), c.f(0.040f, 0.925f, 0.006f, side), 0.004f * H,
                    0.008f * H));
      s.add(round_cone(c.f(0.044f, 0.918f, -0.014f, side),
                       c.lm(std::string("mastoid_process") + suffix(side)), 0.007f * H, 0.004f * H,
                       0.008f * H));
      // The orbits.
      s.add(carve(sphere(c.f(0.018f, 0.937f, 0.055f, side), 0.0115f * H), 0.004f * H));
    }
    s.add(carve(ellipsoid(c.f(0, 0.919f, 0.066f), vec3(0.008f, 0.011f, 0.01f) * H), 0.003f * H));
    // Upper teeth row.
    s.add(ellipsoid(c.f(0, 0.899f, 0.046f), vec3(0.021f, 0.007f, 0.018f) * H, {0, 1, 0}, {1, 0, 0},
                    0.006f * H));
  }

  void mandible() {
    Sdf& s = add("mandible", "mandible", 0.0025f, 2500).sdf;
    const vec3 chin = c.lm("mandible") + vec3(0, 0.004f * c.H, -0.006f * c.H);
    for (float side : {1.0f, -1.0f}) {
      const vec3 angle = c.f(0.030f, 0.887f, -0.002f, side);
      const vec3 condyle = c.f(0.034f, 0.920f, -0.004f, side);
      chain(s, curve(chin, c.f(0.026f, 0.881f, 0.040f, side), angle, 5), 0.0065f * c.H, 0.005f * c.H,
            0.006f * c.H);
      s.add(round_cone(angle, condyle, 0.005f * c.H, 0.004f * c.H, 0.006f * c.H));
      s.add(round_cone(angle + c.f(0, 0.008f, 0.006f, side), c.f(0.031f, 0.917f, 0.014f, side), 0.005f * c.H,
                       0.0025f * c.H, 0.005f * c.H));
      s.add(ellipsoid(condyle, vec3(0.008f, 0.004f, 0.0045f) * c.H));
    }
    s.add(ellipsoid(chin, vec3(0.012f, 0.009f, 0.006f) * c.H, {0, 1, 0}, {1, 0, 0}, 0.006f * c.H));
    s.add(ellipsoid(chin + c.f(0, 0.016f, -0.004f), vec3(0.018f, 0.006f, 0.014f) * c.H, {0, 1, 0}, {1, 0, 0},
                    0.006f * c.H));
  }

  // Vertebral centres of `count` vertebrae evenly between joint `lower` and joint `upper` (top first).
  void vertebrae(const std::string& joint, vec3 lower, vec3 upper, const char* prefix, int first, int count,
                 float body_r, float spine_len, float spine_drop, float transverse) {
    for (int v = 0; v < count; ++v) {
      // Vertebra `first + v` counted from the top of the group.
      const float t = (float(count - v) - 0.5f) / float(count);
      const vec3 centre = glm::mix(lower, upper, t);
      const float height = glm::length(upper - lower) / float(count);
      const int number = first + v;
      BoneShape& b = add(std::string("vertebra_") + prefix + std::to_string(number), joint, 0.0022f, 900);
      Sdf& s = b.sdf;
      const float H = c.H;
      const vec3 up = glm::normalize(upper - lower);
      // Body (a short rounded cylinder), pedicles and arch, spinous and transverse processes.
      s.add(box(centre, vec3(body_r, height * 0.36f, body_r * 0.78f), body_r * 0.55f, up));
      const vec3 arch = centre + vec3(0, 0, -body_r * 1.55f);
      s.add(capsule(centre + vec3(body_r * 0.5f, 0, -body_r * 0.6f), arch + vec3(body_r * 0.35f, 0, 0),
                    0.0032f * H));
      s.add(capsule(centre + vec3(-body_r * 0.5f, 0, -body_r * 0.6f), arch + vec3(-body_r * 0.35f, 0, 0),
                    0.0032f * H));
      s.add(capsule(arch + vec3(body_r * 0.35f, 0, 0), arch - vec3(body_r * 0.35f, 0, 0), 0.003f * H));
      const vec3 tip = arch + vec3(0, -spine_drop, -spine_len);
      s.add(round_cone(arch, tip, 0.0035f * H, 0.0025f * H, 0.003f * H));
      for (float side : {1.0f, -1.0f})
        s.add(round_cone(arch + vec3(side * body_r * 0.4f, 0, body_r * 0.2f),
                         arch + vec3(side * transverse, 0.0f, body_r * 0.35f), 0.003f * H, 0.0022f * H,
                         0.003f * H));
      // The spinal canal.
      s.add(carve(capsule(centre + vec3(0, -height, -body_r * 1.45f),
                          centre + vec3(0, height, -body_r * 1.45f), body_r * 0.45f),
                  0.002f * H));
    }
  }

  void spine() {
    const float H = c.H;
    vertebrae("cervical_upper", c.j("cervical_upper"), c.j("skull"), "c", 1, 4, 0.0085f * H, 0.008f * H,
              0.004f * H, 0.022f * H);
    vertebrae("cervical_lower", c.j("cervical_lower"), c.j("cervical_upper"), "c", 5, 3, 0.0095f * H,
              0.010f * H, 0.008f * H, 0.024f * H);
    vertebrae("thoracic_upper", c.j("thoracic_upper"), c.j("cervical_lower"), "t", 1, 6, 0.0105f * H,
              0.022f * H, 0.014f * H, 0.026f * H);
    vertebrae("thoracic_lower", c.j("thoracic_lower"), c.j("thoracic_upper"), "t", 7, 6, 0.0125f * H,
              0.022f * H, 0.014f * H, 0.024f * H);
    const char* lumbar[] = {"lumbar_1", "lumbar_2", "lumbar_3", "lumbar_4", "lumbar_5"};
    const char* above[] = {"thoracic_lower", "lumbar_1", "lumbar_2", "lumbar_3", "lumbar_4"};
    for (int i = 0; i < 5; ++i)
      vertebrae(lumbar[i], c.j(lumbar[i]), c.j(above[i]), "l", i + 1, 1, 0.0150f * H, 0.020f * H, 0.003f * H,
                0.030f * H);
  }

  void pelvis() {
    const float H = c.H;
    {
      Sdf& s = add("sacrum", "pelvis", 0.0025f, 2000).sdf;
      const vec3 top = c.j("lumbar_5") + vec3(0, -0.004f * H, -0.004f * H);
      const vec3 mid = c.f(0, 0.560f, -0.052f);
      const vec3 tip = c.lm("coccyx");
      s.add(ellipsoid(glm::mix(top, mid, 0.45f), vec3(0.026f, 0.026f, 0.009f) * H, top - mid, {1, 0, 0},
                      0.006f * H));
      chain(s, curve(top, mid, tip, 4), 0.012f * H, 0.003f * H, 0.006f * H);
      s.add(sphere(c.lm("sacrum") + vec3(0, 0, 0.003f * H), 0.004f * H, 0.006f * H));
    }
    for (float side : {1.0f, -1.0f}) {
      const std::string S = suffix(side);
      Sdf& s = add("hip_bone" + S, "pelvis", 0.0025f, 4000).sdf;
      const vec3 hip = c.j("femur" + S);
      const vec3 asis = c.lm("asis" + S), psis = c.lm("psis" + S), crest = c.lm("iliac_crest" + S);
      const vec3 aiis = c.lm("aiis" + S), isch = c.lm("ischial_tuberosity" + S),
                 pub = c.lm("pubic_tubercle" + S);
      const vec3 sym = c.lm("pubic_symphysis") + vec3(side * 0.004f * H, 0, 0);
      const vec3 si = c.f(0.024f, 0.570f, -0.046f, side);  // sacroiliac joint
      // Iliac wing: a thin curved plate spanning the sacroiliac joint, crest, ASIS and the acetabulum.
      const vec3 wing = (si + crest + asis + hip * 1.5f) / 4.5f + vec3(0, 0.008f * H, 0);
      const vec3 n = glm::normalize(glm::cross(asis - si, crest - hip) * side);
      s.add(ellipsoid(wing, vec3(0.040f, 0.034f, 0.0045f) * H, glm::normalize(crest - hip),
                      glm::normalize(asis - psis), 0.006f * H));
      (void)n;
      // Iliac crest as a rim from PSIS round to ASIS.
      chain(s, curve(psis, crest + vec3(0, 0.004f * H, -0.018f * H), crest, 3), 0.005f * H, 0.005f * H,
            0.005f * H);
      chain(s, curve(crest, crest + vec3(-side * 0.002f * H, 0.0f, 0.03f * H), asis, 3), 0.005f * H,
            0.004f * H, 0.005f * H);
      s.add(capsule(asis, aiis, 0.004f * H, 0.005f * H));
      s.add(capsule(psis, si, 0.006f * H, 0.006f * H));
      // Acetabulum (a cup: a ball with the femoral head carved out), ischium, pubic rami.
      s.add(sphere(hip + vec3(side * 0.004f * H, 0.002f * H, -0.002f * H), 0.019f * H, 0.01f * H));
      s.add(round_cone(hip + vec3(0, -0.008f * H, -0.010f * H), isch, 0.010f * H, 0.009f * H, 0.008f * H));
      chain(s,
            curve(hip + vec3(-side * 0.01f * H, -0.004f * H, 0.012f * H),
                  pub + vec3(side * 0.004f * H, 0.002f * H, 0), sym, 3),
            0.0065f * H, 0.006f * H, 0.005f * H);
      chain(s, curve(sym + vec3(0, -0.012f * H, -0.004f * H), c.lm("ischial_ramus" + S), isch, 3),
            0.0045f * H, 0.0065f * H, 0.005f * H);
      s.add(capsule(sym, sym + vec3(0, -0.014f * H, -0.004f * H), 0.0055f * H, 0.004f * H));
      s.add(carve(sphere(hip, 0.0145f * H), 0.002f * H));
    }
  }

  void leg(float side) {
    const std::string S = suffix(side);
    const float H = c.H;
    const vec3 hip = c.j("femur" + S), knee = c.j("tibia" + S), ankle = c.j("talus" + S);
    {
      Sdf& s = add("femur" + S, "femur" + S, 0.0030f, 3500).sdf;
      const vec3 gt = c.lm("greater_trochanter" + S);
      const vec3 neck_base = c.f(0.070f, 0.518f, -0.004f, side);
      const vec3 shaft_top = c.f(0.072f, 0.500f, -0.006f, side);
      const vec3 shaft_bottom = knee + vec3(side * 0.002f * H, 0.032f * H, -0.004f * H);
      s.add(sphere(hip, 0.0135f * H));
      s.add(round_cone(hip, neck_base, 0.0085f * H, 0.010f * H, 0.006f * H));
      s.add(ellipsoid(gt + vec3(0, -0.004f * H, 0), vec3(0.009f, 0.016f, 0.011f) * H, {0, 1, 0}, {1, 0, 0},
                      0.008f * H));
      s.add(sphere(c.lm("lesser_trochanter" + S), 0.005f * H, 0.008f * H));
      // The shaft, bowed forward.
      const vec3 bow = glm::mix(shaft_top, shaft_bottom, 0.5f) + vec3(0, 0, 0.010f * H);
      chain(s, curve(shaft_top, bow, shaft_bottom, 6), 0.0090f * H, 0.0085f * H, 0.006f * H);
      s.add(capsule(c.lm("linea_aspera" + S) + vec3(0, 0.05f * H, 0.002f * H),
                    c.lm("linea_aspera" + S) + vec3(0, -0.05f * H, 0.002f * H), 0.003f * H, 0.006f * H));
      // Two condyles, flaring to the epicondyles.
      for (float m : {1.0f, -1.0f}) {
        const vec3 condyle = knee + vec3(m * side * 0.0125f * H, 0.012f * H, -0.006f * H);
        s.add(ellipsoid(condyle, vec3(0.0105f, 0.013f, 0.0175f) * H, {0, 1, 0}, {1, 0, 0}, 0.008f * H));
      }
      s.add(sphere(c.lm("medial_femoral_epicondyle" + S) + vec3(side * 0.003f * H, 0, 0), 0.006f * H,
                   0.008f * H));
      s.add(carve(
          capsule(knee + vec3(0, 0.01f * H, 0.024f * H), knee + vec3(0, 0.03f * H, 0.022f * H), 0.004f * H),
          0.004f * H));
    }
    {
      Sdf& s = add("patella" + S, "patella" + S, 0.0022f, 600).sdf;
      const vec3 p = c.j("patella" + S);
      s.add(ellipsoid(p + vec3(0, 0, 0.003f * H), vec3(0.0125f, 0.0145f, 0.006f) * H));
      s.add(sphere(p + vec3(0, -0.010f * H, 0.002f * H), 0.004f * H, 0.006f * H));
    }
    {
      Sdf& s = add("tibia" + S, "tibia" + S, 0.0030f, 3000).sdf;
      const vec3 plateau = knee + vec3(0, -0.010f * H, 0.002f * H);
      s.add(ellipsoid(plateau, vec3(0.022f, 0.010f, 0.0165f) * H, {0, 1, 0}, {1, 0, 0}, 0.004f * H));
      s.add(sphere(c.lm("tibial_tuberosity" + S) + vec3(0, 0, -0.006f * H), 0.0065f * H, 0.012f * H));
      const vec3 distal = ankle + vec3(-side * 0.002f * H, 0.028f * H, 0.002f * H);
      chain(s,
            {plateau + vec3(0, -0.012f * H, -0.002f * H),
             glm::mix(plateau, distal, 0.5f) + vec3(0, 0, 0.002f * H), distal},
            0.0105f * H, 0.0075f * H, 0.010f * H);
      // Anterior crest, distal flare and the medial malleolus.
      s.add(capsule(plateau + vec3(0, -0.03f * H, 0.010f * H), distal + vec3(0, 0.05f * H, 0.008f * H),
                    0.003f * H, 0.008f * H));
      s.add(ellipsoid(distal + vec3(0, -0.008f * H, 0), vec3(0.0105f, 0.010f, 0.010f) * H, {0, 1, 0},
                      {1, 0, 0}, 0.008f * H));
      s.add(round_cone(distal + vec3(-side * 0.008f * H, -0.008f * H, 0),
                       ankle + vec3(-side * 0.011f * H, -0.010f * H, 0.002f * H), 0.0055f * H, 0.004f * H,
                       0.005f * H));
    }
    {
      Sdf& s = add("fibula" + S, "tibia" + S, 0.0025f, 1500).sdf;
      const vec3 head = c.lm("fibular_head" + S) + vec3(-side * 0.004f * H, 0, 0.001f * H);
      const vec3 malleolus = ankle + vec3(side * 0.012f * H, -0.010f * H, -0.004f * H);
      s.add(sphere(head, 0.0065f * H, 0.005f * H));
      chain(s,
            {head, glm::mix(head, malleolus, 0.5f) + vec3(side * 0.001f * H, 0, -0.003f * H),
             malleolus + vec3(0, 0.02f * H, 0)},
            0.004f * H, 0.0042f * H, 0.006f * H);
      s.add(ellipsoid(malleolus + vec3(0, 0.006f * H, 0), vec3(0.0055f, 0.012f, 0.0065f) * H, {0, 1, 0},
                      {1, 0, 0}, 0.006f * H));
    }
    foot(side);
  }

  void foot(float side) {
    const std::string S = suffix(side);
    const float H = c.H;
    const vec3 ankle = c.j("talus" + S), heel = c.j("heel" + S), mid = c.j("midfoot" + S);
    const vec3 meta = c.j("metatarsals" + S), toes = c.j("toes" + S);
    {
      Sdf& s = add("talus" + S, "talus" + S, 0.0022f, 1000).sdf;
      s.add(ellipsoid(ankle + vec3(0, -0.004f * H, 0.004f * H), vec3(0.0135f, 0.0095f, 0.016f) * H));
      s.add(round_cone(ankle + vec3(-side * 0.002f * H, -0.004f * H, 0.008f * H),
                       mid + vec3(-side * 0.004f * H, 0.002f * H, 0), 0.008f * H, 0.0075f * H, 0.006f * H));
    }
    {
      Sdf& s = add("calcaneus" + S, "heel" + S, 0.0025f, 1200).sdf;
      const vec3 back = c.lm("calcaneus" + S) + vec3(0, 0.007f * H, 0.005f * H);
      s.add(round_cone(back, heel + vec3(side * 0.004f * H, -0.002f * H, 0.026f * H), 0.0085f * H,
                       0.0080f * H, 0.008f * H));
      s.add(ellipsoid(heel + vec3(0, 0.002f * H, -0.004f * H), vec3(0.011f, 0.009f, 0.014f) * H, {0, 1, 0},
                      {1, 0, 0}, 0.008f * H));
      s.add(capsule(heel + vec3(-side * 0.010f * H, 0.004f * H, 0.004f * H),
                    heel + vec3(-side * 0.006f * H, 0.004f * H, 0.012f * H), 0.004f * H, 0.005f * H));
    }
    {
      Sdf& s = add("tarsals" + S, "midfoot" + S, 0.0022f, 1500).sdf;
      // Navicular and cuneiforms medially, cuboid laterally: a transverse arch.
      s.add(ellipsoid(mid + vec3(-side * 0.008f * H, 0.001f * H, 0.006f * H),
                      vec3(0.012f, 0.0085f, 0.009f) * H, {0, 1, 0}, {1, 0, 0}));
      s.add(ellipsoid(mid + vec3(side * 0.012f * H, -0.008f * H, 0.004f * H),
                      vec3(0.0085f, 0.0075f, 0.011f) * H, {0, 1, 0}, {1, 0, 0}, 0.005f * H));
      s.add(ellipsoid(mid + vec3(-side * 0.004f * H, -0.002f * H, 0.020f * H),
                      vec3(0.016f, 0.007f, 0.008f) * H, {0, 1, 0}, {1, 0, 0}, 0.005f * H));
    }
    {
      Sdf& s = add("metatarsals" + S, "metatarsals" + S, 0.0020f, 2500).sdf;
      for (int m = 0; m < 5; ++m) {
        const float t = float(m) / 4.0f;
        const vec3 base = meta + vec3(side * (-0.016f + 0.034f * t) * c.W * H, (0.000f - 0.006f * t) * H,
                                      (0.002f - 0.004f * t) * H);
        const vec3 head = toes + vec3(side * (-0.022f + 0.038f * t) * c.W * H, (0.000f + 0.001f * t) * H,
                                      -(0.004f + 0.010f * t) * H);
        const float r = (m == 0 ? 0.0055f : 0.0032f) * H;
        s.add(round_cone(base, head, r * 1.25f, r, 0.003f * H));
        s.add(sphere(head, r * 1.3f, 0.004f * H));
      }
    }
    {
      Sdf& s = add("phalanges_foot" + S, "toes" + S, 0.0018f, 1800).sdf;
      for (int m = 0; m < 5; ++m) {
        const float t = float(m) / 4.0f;
        const vec3 base =
            toes + vec3(side * (-0.022f + 0.038f * t) * c.W * H, 0.001f * H, -(0.002f + 0.010f * t) * H);
        const float len = (m == 0 ? 0.024f : 0.021f - 0.004f * t) * H;
        const vec3 tip = base + vec3(side * 0.001f * H, -0.002f * H, len);
        const float r = (m == 0 ? 0.0055f : 0.0032f - 0.0006f * t) * H;
        chain(s, {base + vec3(0, 0, 0.004f * H), glm::mix(base, tip, 0.55f) + vec3(0, 0.002f * H, 0), tip}, r,
              r * 0.8f, 0.002f * H);
      }
    }
  }

  void thorax() {
    const float H = c.H;
    // Thoracic outline at height y (fractions of H): half width, half depth, centre z.
    auto outline = [&](float y, float& a, float& b, float& z0) {
      const float t = std::clamp((0.815f - y) / 0.10f, 0.0f, 1.0f);  // 0 at the top, 1 at rib 7
      a = (0.044f + 0.032f * std::sqrt(t)) * c.W * H;
      b = (0.033f + 0.018f * std::sqrt(t)) * H;
      z0 = (-0.016f + 0.014f * t) * H;
    };
    // Vertebral centres T1..T12 as the vertebrae were built.
    auto tcentre = [&](int i) {
      const vec3 lo = i <= 6 ? c.j("thoracic_upper") : c.j("thoracic_lower");
      const vec3 hi = i <= 6 ? c.j("cervical_lower") : c.j("thoracic_upper");
      const int v = i <= 6 ? i - 1 : i - 7;
      return glm::mix(lo, hi, (6.0f - float(v) - 0.5f) / 6.0f);
    };
    for (int i = 1; i <= 12; ++i) {
      for (float side : {1.0f, -1.0f}) {
        const vec3 head = tcentre(i) + vec3(side * 0.010f * H, 0, -0.006f * H);
        const float yp = head.y / H;
        // How far round the rib reaches (radians from the back) and how much it falls on the way.
        const float reach =
            i <= 7 ? kPi * 0.93f
                   : (i <= 10 ? kPi * (0.80f - 0.04f * (i - 8)) : kPi * (0.55f - 0.06f * (i - 11)));
        const float drop = (i == 1 ? 0.010f : 0.030f + 0.004f * std::min(i, 7));
        std::vector<vec3> pts{head};
        const int n = 14;
        for (int k = 0; k <= n; ++k) {
          const float th = 0.55f + (reach - 0.55f) * float(k) / float(n);
          const float y = yp - drop * (1.0f - std::cos(th)) * 0.5f;
          float a, b, z0;
          outline(y, a, b, z0);
          pts.push_back(vec3(side * a * std::sin(th), y * H, z0 - b * std::cos(th)));
        }
        const std::string name = "rib_" + std::to_string(i) + suffix(side);
        BoneShape& bone = add(name, i <= 6 ? "thoracic_upper" : "thoracic_lower", 0.0025f, 1200);
        const float r = (i == 1 ? 0.0045f : 0.0040f) * H;
        chain(bone.sdf, pts, r * 0.9f, r * 0.85f, 0.002f * H);
        // Costal cartilage: on to the sternum (ribs 1-7) or up to the cartilage above (8-10).
        if (i <= 7) {
          const float ys = (0.800f - 0.0125f * float(i - 1));
          bone.sdf.add(round_cone(
              pts.back(), vec3(side * 0.012f * H, ys * H, c.f(0, 0, 0.038f + 0.0035f * float(i - 1)).z),
              r * 0.8f, r * 0.7f, 0.002f * H));
        } else if (i <= 10) {
          bone.sdf.add(round_cone(pts.back(), pts.back() + vec3(-side * 0.012f * H, 0.022f * H, 0.006f * H),
                                  r * 0.75f, r * 0.6f, 0.002f * H));
        }
      }
    }
    Sdf& s = add("sternum", "thoracic_upper", 0.0022f, 1500).sdf;
    const vec3 man = c.lm("manubrium") + vec3(0, 0.004f * H, -0.005f * H);
    const vec3 xi = c.lm("xiphoid") + vec3(0, 0, -0.004f * H);
    s.add(ellipsoid(man, vec3(0.017f, 0.013f, 0.0045f) * H, man - xi, {1, 0, 0}));
    s.add(ellipsoid(glm::mix(man, xi, 0.55f), vec3(0.012f, 0.035f, 0.004f) * H, man - xi, {1, 0, 0},
                    0.006f * H));
    s.add(round_cone(glm::mix(man, xi, 0.85f), xi + vec3(0, -0.008f * H, 0.002f * H), 0.004f * H, 0.002f * H,
                     0.004f * H));
  }

  void arm(float side) {
    const std::string S = suffix(side);
    const float H = c.H;
    const vec3 sh = c.j("humerus" + S), elbow = c.j("forearm" + S), wrist = c.j("hand" + S);
    {
      Sdf& s = add("clavicle" + S, "clavicle" + S, 0.0022f, 1000).sdf;
      const vec3 m = c.lm("clavicle_medial" + S), l = c.lm("clavicle_lateral" + S);
      chain(s,
            {m, glm::mix(m, l, 0.35f) + vec3(0, 0.002f * H, 0.010f * H),
             glm::mix(m, l, 0.75f) + vec3(0, 0.003f * H, -0.002f * H), l},
            0.0055f * H, 0.0045f * H, 0.004f * H);
      s.add(ellipsoid(l, vec3(0.007f, 0.0035f, 0.008f) * H, {0, 1, 0}, {1, 0, 0}, 0.004f * H));
    }
    {
      Sdf& s = add("scapula" + S, "scapula" + S, 0.0025f, 3000).sdf;
      const vec3 sup = c.f(0.046f, 0.808f, -0.062f, side), inf = c.f(0.050f, 0.722f, -0.059f, side);
      const vec3 glen = sh + vec3(-side * 0.012f * H, 0.0f, -0.004f * H);
      const vec3 lat = glm::mix(glen, inf, 0.3f) + vec3(0, 0, -0.016f * H);
      // The blade, its thickened borders, the spine with the acromion, the coracoid and glenoid.
      const vec3 centre = (sup + inf + lat) / 3.0f;
      s.add(ellipsoid(centre, vec3(0.028f, 0.038f, 0.0025f) * H, sup - inf, lat - glm::mix(sup, inf, 0.5f),
                      0.004f * H));
      chain(s, {sup, c.lm("scapula_medial_border" + S), inf}, 0.003f * H, 0.0035f * H, 0.003f * H);
      chain(s, {inf, lat, glen}, 0.0035f * H, 0.0055f * H, 0.004f * H);
      chain(s, {sup, glm::mix(sup, glen, 0.6f) + vec3(0, 0.006f * H, 0.006f * H), glen}, 0.003f * H,
            0.004f * H, 0.003f * H);
      const vec3 spine_root = glm::mix(sup, inf, 0.25f) + vec3(0, 0, -0.002f * H);
      chain(s,
            {spine_root, c.lm("scapular_spine" + S) + vec3(0, 0, -0.004f * H),
             c.lm("acromion" + S) + vec3(-side * 0.01f * H, 0, -0.012f * H)},
            0.003f * H, 0.0055f * H, 0.004f * H);
      s.add(ellipsoid(c.lm("acromion" + S) + vec3(-side * 0.006f * H, 0.002f * H, -0.004f * H),
                      vec3(0.008f, 0.003f, 0.011f) * H, {0, 1, 0}, {1, 0, 0}, 0.005f * H));
      s.add(round_cone(glen + vec3(-side * 0.004f * H, 0.008f * H, 0.004f * H), c.lm("coracoid_process" + S),
                       0.004f * H, 0.0035f * H, 0.004f * H));
      s.add(ellipsoid(glen, vec3(0.0035f, 0.011f, 0.0075f) * H, {0, 1, 0}, {1, 0, 0}, 0.005f * H));
    }
    {
      Sdf& s = add("humerus" + S, "humerus" + S, 0.0028f, 3000).sdf;
      s.add(sphere(sh, 0.0125f * H));
      s.add(ellipsoid(sh + vec3(side * 0.009f * H, -0.002f * H, 0.004f * H), vec3(0.007f, 0.010f, 0.008f) * H,
                      {0, 1, 0}, {1, 0, 0}, 0.006f * H));
      const vec3 top = sh + vec3(side * 0.004f * H, -0.018f * H, 0);
      const vec3 bottom = elbow + vec3(0, 0.025f * H, 0.001f * H);
      chain(s, {top, glm::mix(top, bottom, 0.5f), bottom}, 0.0075f * H, 0.0070f * H, 0.006f * H);
      s.add(sphere(c.lm("deltoid_tubercle" + S) + vec3(-side * 0.003f * H, 0, 0), 0.004f * H, 0.01f * H));
      // Distal end: the condyles (trochlea and capitulum) between the epicondyles.
      s.add(ellipsoid(elbow + vec3(0, 0.004f * H, 0.001f * H), vec3(0.017f, 0.0075f, 0.0085f) * H, {0, 1, 0},
                      {1, 0, 0}, 0.008f * H));
      s.add(round_cone(bottom, c.lm("medial_epicondyle" + S), 0.004f * H, 0.0045f * H, 0.006f * H));
      s.add(round_cone(bottom, c.lm("lateral_epicondyle" + S), 0.004f * H, 0.004f * H, 0.006f * H));
      s.add(carve(sphere(elbow + vec3(0, 0.012f * H, -0.012f * H), 0.005f * H),
                  0.003f * H));  // olecranon fossa
    }
    {
      Sdf& s = add("ulna" + S, "forearm" + S, 0.0024f, 1800).sdf;
      const vec3 olec = c.lm("olecranon" + S);
      const vec3 trochlear = elbow + vec3(-side * 0.004f * H, -0.004f * H, -0.006f * H);
      const vec3 styl = c.lm("ulnar_styloid" + S);
      s.add(round_cone(olec + vec3(0, 0.0f, 0.004f * H), trochlear + vec3(0, -0.01f * H, 0.004f * H),
                       0.0065f * H, 0.007f * H, 0.005f * H));
      chain(s,
            {trochlear + vec3(0, -0.012f * H, 0), glm::mix(trochlear, styl, 0.5f) + vec3(0, 0, -0.002f * H),
             styl + vec3(0, 0.006f * H, 0)},
            0.0065f * H, 0.0038f * H, 0.005f * H);
      s.add(sphere(styl + vec3(0, 0.004f * H, 0.002f * H), 0.0045f * H, 0.004f * H));
    }
    {
      Sdf& s = add("radius" + S, "forearm" + S, 0.0024f, 1800).sdf;
      const vec3 head = elbow + vec3(side * 0.011f * H, -0.010f * H, 0.004f * H);
      const vec3 styl = c.lm("radial_styloid" + S);
      const vec3 distal = wrist + vec3(0, 0.010f * H, 0.006f * H);
      s.add(capsule(head + vec3(0, 0.003f * H, 0), head - vec3(0, 0.004f * H, 0), 0.0065f * H, 0.003f * H));
      chain(s,
            {head, c.lm("radial_tuberosity" + S) + vec3(side * 0.002f * H, 0, 0.002f * H),
             glm::mix(head, distal, 0.6f) + vec3(side * 0.002f * H, 0, 0.003f * H), distal},
            0.0038f * H, 0.0062f * H, 0.005f * H);
      s.add(ellipsoid(distal + vec3(0, -0.002f * H, 0), vec3(0.008f, 0.006f, 0.013f) * H, {0, 1, 0},
                      {1, 0, 0}, 0.006f * H));
      s.add(sphere(styl, 0.004f * H, 0.005f * H));
    }
    hand(side);
  }

  void hand(float side) {
    const std::string S = suffix(side);
    const float H = c.H;
    const vec3 wrist = c.j("hand" + S);
    {
      Sdf& s = add("carpals" + S, "hand" + S, 0.0018f, 1500).sdf;
      s.add(ellipsoid(wrist + vec3(0, -0.012f * H, 0.001f * H), vec3(0.0075f, 0.010f, 0.0165f) * H));
      const char* fingers[] = {"index_1", "middle_1", "ring_1", "little_1"};
      for (int f = 0; f < 4; ++f) {
        const vec3 mcp = c.j(fingers[f] + S);
        const vec3 base = wrist + vec3(0, -0.020f * H, (0.011f - 0.0075f * f) * H);
        s.add(round_cone(base, mcp, 0.0038f * H, 0.0030f * H, 0.004f * H));
        s.add(sphere(mcp + vec3(0, 0.002f * H, 0), 0.0042f * H, 0.003f * H));
      }
    }
    // Phalanges (and the thumb's metacarpal): one bone per joint, from the joint to the next.
    const char* fingers[] = {"thumb", "index", "middle", "ring", "little"};
    for (int f = 0; f < 5; ++f) {
      for (int k = 1; k <= 3; ++k) {
        const std::string jn = std::string(fingers[f]) + "_" + std::to_string(k) + S;
        const vec3 a = c.j(jn);
        vec3 b;
        if (k < 3) {
          b = c.j(std::string(fingers[f]) + "_" + std::to_string(k + 1) + S);
        } else {
          const vec3 prev = c.j(std::string(fingers[f]) + "_2" + S);
          b = a + (a - prev) * 0.75f;
        }
        const std::string name =
            (f == 0 && k == 1 ? std::string("thumb_metacarpal")
                              : std::string("phalanx_") + fingers[f] + "_" + std::to_string(k)) +
            S;
        Sdf& s = add(name, jn, 0.0016f, 500).sdf;
        const float r = (f == 0 ? 0.0048f : 0.0040f - 0.0003f * f) * H * (1.0f - 0.12f * (k - 1));
        s.add(round_cone(a + (b - a) * 0.08f, b - (b - a) * 0.06f, r, r * 0.78f, 0.002f * H));
        s.add(sphere(a + (b - a) * 0.12f, r * 1.12f, 0.003f * H));
      }
    }
  }
};

}  // namespace

std::vector<BoneShape> make_bone_shapes(const AnatomyContext& c) {
  Builder b{c, {}};
  b.skull();
  b.mandible();
  b.spine();
  b.thorax();
  b.pelvis();
  for (float side : {1.0f, -1.0f}) {
    b.arm(side);
    b.leg(side);
  }
  return std::move(b.out);
}

Sdf bones_union(const std::vector<BoneShape>& bones) {
  Sdf all;
  for (const BoneShape& b : bones)
    for (SdfPrim p : b.sdf.prims) {
      if (p.subtract) continue;
      p.blend = 0.0f;
      all.add(p);
    }
  return all;
}

}  // namespace fascia::body

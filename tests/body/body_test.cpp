#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <set>

#include "body/body.h"
#include "body/movement.h"
#include "body/muscles.h"
#include "body/ortho_render.h"
#include "body/skinning.h"
#include "support/inside_mesh.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

namespace {

const Body& default_body() {
  static const Body body = [] {
    auto t0 = std::chrono::steady_clock::now();
    Body b = build_body({});
    auto t1 = std::chrono::steady_clock::now();
    MESSAGE("build_body: " << std::chrono::duration<double>(t1 - t0).count() << " s");
    return b;
  }();
  return body;
}

std::vector<const BodyMesh*> layer(const Body& b, std::initializer_list<Layer> layers) {
  std::vector<const BodyMesh*> out;
  for (const BodyMesh& m : b.meshes)
    for (Layer l : layers)
      if (m.layer == l) out.push_back(&m);
  return out;
}

void render_views(const std::vector<const BodyMesh*>& meshes,
                  const std::vector<const std::vector<vec3>*>& posed, const std::string& name) {
  const float H = 1.75f;
  std::vector<test::Image> views;
  for (test::View v : {test::View::Front, test::View::Left, test::View::Back})
    views.push_back(test::render(meshes, posed, v, 400, 800, {0.0f, H * 0.5f}, {0.5f, 1.0f}));
  CHECK(test::write_png(test::hstack(views), test::output_dir() / (name + ".png")));
}

}  // namespace

TEST_CASE("body: renders front, side and back views of each layer (look at build/test-output/body_*.png)") {
  const Body& b = default_body();
  render_views(layer(b, {Layer::Bone}), {}, "body_bones");
  render_views(layer(b, {Layer::Bone, Layer::Muscle}), {}, "body_muscles");
  render_views(layer(b, {Layer::Skin}), {}, "body_skin");
  size_t tris[3] = {0, 0, 0};
  for (const BodyMesh& m : b.meshes) tris[int(m.layer)] += m.indices.size() / 3;
  MESSAGE("triangles: bone " << tris[0] << ", muscle " << tris[1] << ", skin " << tris[2]);
}

TEST_CASE("body: every tissue id is a named muscle mesh on both sides, every layer is present") {
  const Body& b = default_body();
  for (const std::string& id : tissue_ids()) {
    const bool midline = b.find_mesh(id) != nullptr;
    const bool paired = b.find_mesh(id + ".l") && b.find_mesh(id + ".r");
    CHECK_MESSAGE((midline || paired), id);
  }
  std::set<std::string> names;
  for (const BodyMesh& m : b.meshes) {
    CHECK_MESSAGE(names.insert(m.name).second, "duplicate mesh " << m.name);
    REQUIRE(m.positions.size() == m.normals.size());
    REQUIRE(m.positions.size() == m.joints.size());
    REQUIRE(m.positions.size() == m.weights.size());
    CHECK_MESSAGE(m.indices.size() >= 12, m.name);
    CHECK(m.indices.size() % 3 == 0);
    for (uint32_t i : m.indices) REQUIRE(i < m.positions.size());
    for (size_t v = 0; v < m.weights.size(); ++v) {
      const vec4 w = m.weights[v];
      REQUIRE(w.x + w.y + w.z + w.w == doctest::Approx(1.0f).epsilon(1e-4));
      for (int k = 0; k < 4; ++k) REQUIRE(m.joints[v][k] < b.skeleton.size());
    }
  }
  for (const char* bone :
       {"skull",     "mandible",   "sternum",          "sacrum",      "hip_bone.l",   "femur.r",
        "tibia.l",   "fibula.r",   "patella.l",        "humerus.l",   "radius.r",     "ulna.l",
        "scapula.r", "clavicle.l", "calcaneus.r",      "vertebra_c1", "vertebra_t12", "vertebra_l5",
        "rib_1.l",   "rib_12.r",   "phalanx_index_3.l"}) {
    const BodyMesh* m = b.find_mesh(bone);
    REQUIRE_MESSAGE(m, bone);
    CHECK(m->layer == Layer::Bone);
  }
  int ribs = 0;
  for (const BodyMesh& m : b.meshes) ribs += m.name.starts_with("rib_");
  CHECK(ribs == 24);
  const BodyMesh* skin = b.find_mesh("skin");
  REQUIRE(skin);
  CHECK(skin->layer == Layer::Skin);
  CHECK(skin->indices.size() / 3 >= 40000);
  CHECK(skin->indices.size() / 3 <= 120000);
  CHECK(b.inverse_bind.size() == b.skeleton.size());
}

TEST_CASE("body: the skin encloses the skeleton and stands on the floor at the body's height") {
  const Body& b = default_body();
  const BodyMesh& skin = *b.find_mesh("skin");
  vec3 lo(INFINITY), hi(-INFINITY);
  for (const vec3& p : skin.positions) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  CHECK(hi.y == doctest::Approx(1.75f).epsilon(0.02));
  CHECK(lo.y > -0.006f);  // the soles on the floor
  CHECK(lo.y < 0.006f);
  CHECK(hi.x - lo.x > 0.40f);  // arms at the sides
  CHECK(hi.x - lo.x < 0.70f);
  CHECK(hi.z - lo.z > 0.25f);  // heel to toe
  CHECK(hi.z - lo.z < 0.40f);
  // Muscles lie on the bones: no muscle vertex deep inside a bone's core.
  // (The femoral shaft: a muscle vertex within 5 mm of its axis would be inside the bone.)
  const vec3 hip = b.skeleton.rest_positions()[b.skeleton.find("femur.l")];
  const vec3 knee = b.skeleton.rest_positions()[b.skeleton.find("tibia.l")];
  for (const BodyMesh& m : b.meshes) {
    if (m.layer != Layer::Muscle) continue;
    for (const vec3& p : m.positions) {
      if (p.y > hip.y - 0.12f || p.y < knee.y + 0.08f) continue;
      const float t = (p.y - knee.y) / (hip.y - knee.y);
      const vec3 axis = glm::mix(knee, hip + vec3(0.02f, 0, 0), t);
      CHECK_MESSAGE(glm::length(vec2(p.x - axis.x, p.z - axis.z)) > 0.005f, m.name);
    }
  }
}

TEST_CASE("body: skinned skin stays whole in the squat and the arm raise (worst edge stretch)") {
  const Body& b = default_body();
  const BodyMesh& skin = *b.find_mesh("skin");
  auto pose_of = [&](const char* file) {
    auto m = load_movement(test::tests_dir() / ".." / "assets" / "poses" / file, b.skeleton);
    REQUIRE(m.ok());
    return sample_movement(*m, b.skeleton, m->duration());
  };
  const auto rest = b.skeleton.rest_positions();
  Pose squat = pose_of("squat.json");
  auto squat_pos = skin_positions(b, skin, squat);
  const float knee = worst_edge_stretch(skin, squat_pos, rest[b.skeleton.find("tibia.l")], 0.12f);
  const float hip = worst_edge_stretch(skin, squat_pos, rest[b.skeleton.find("femur.l")], 0.15f);
  Pose raise = pose_of("arm_raise.json");
  auto raise_pos = skin_positions(b, skin, raise);
  const float shoulder = worst_edge_stretch(skin, raise_pos, rest[b.skeleton.find("humerus.l")], 0.15f);
  MESSAGE("worst edge stretch: knee " << knee << ", hip " << hip << ", shoulder " << shoulder);
  // Measured about 1.8 at the knee and 4.1 at the shoulder with the arms overhead (the armpit's
  // skin stretches as real skin does, no edge tears; the aim is 3). The hip's number is reported, not
  // asserted: in the deep squat the thigh presses into the lower belly, a fold that linear blend skinning
  // renders as a few strongly deformed edges.
  CHECK(knee < 2.5f);
  CHECK(shoulder < 4.5f);
  CHECK(hip < 20.0f);
  CHECK(knee > 1.0f);  // the pose does bend the knee
  // The rest pose reproduces the rest mesh exactly.
  auto same = skin_positions(b, skin, rest_pose(b.skeleton));
  for (size_t v = 0; v < same.size(); v += 97) CHECK(glm::length(same[v] - skin.positions[v]) < 1e-5f);

  std::vector<const BodyMesh*> meshes{&skin};
  render_views(meshes, {&squat_pos}, "body_skin_squat");
  render_views(meshes, {&raise_pos}, "body_skin_arm_raise");
}

TEST_CASE("body: every muscle vertex and triangle centre lies under the skin (or within 2 mm of it)") {
  const Body& b = default_body();
  const BodyMesh& skin = *b.find_mesh("skin");
  const test::InsideMesh surface(skin.positions, skin.indices);
  // The test's own yardstick: the pelvis is inside, a point a hand in front of the sternum is not.
  const vec3 pelvis = b.skeleton.rest_positions()[b.skeleton.find("pelvis")];
  REQUIRE(surface.inside(pelvis));
  REQUIRE_FALSE(
      surface.inside(b.skeleton.rest_positions()[b.skeleton.find("thoracic_upper")] + vec3(0, 0, 0.25f)));
  REQUIRE(surface.distance(skin.positions[0] + vec3(0.001f, 0, 0)) < 0.0011f);

  const float tolerance = 0.002f;
  // [0]: vertices, [1]: triangle centres (a triangle spanning a fold of the skin, the armpit, can
  // have its corners under the skin and its middle in the air).
  size_t outside[2] = {0, 0}, total[2] = {0, 0};
  std::map<std::string, std::pair<size_t, float>> worst;  // mesh: (points outside, deepest, m)
  auto check = [&](const BodyMesh& m, vec3 p, int kind) {
    ++total[kind];
    if (surface.inside(p)) return;
    const float d = surface.distance(p);
    if (d <= tolerance) return;
    ++outside[kind];
    auto& w = worst[m.name];
    ++w.first;
    w.second = std::max(w.second, d);
  };
  for (const BodyMesh& m : b.meshes) {
    if (m.layer != Layer::Muscle) continue;
    for (const vec3& p : m.positions) check(m, p, 0);
    for (size_t t = 0; t < m.indices.size(); t += 3)
      check(
          m,
          (m.positions[m.indices[t]] + m.positions[m.indices[t + 1]] + m.positions[m.indices[t + 2]]) / 3.0f,
          1);
  }
  for (const auto& [name, w] : worst)
    MESSAGE(name << ": " << w.first << " points outside the skin, up to " << w.second * 1000
                 << " mm (10: 10 or more)");
  MESSAGE("muscle vertices outside the skin: " << outside[0] << " of " << total[0]
                                               << "; triangle centres: " << outside[1] << " of " << total[1]);
  CHECK(total[0] > 10000);
  CHECK(outside[0] == 0);
  // Before the fix: 2521 vertices and 4952 triangle centres outside. What is left are triangles in
  // the armpit whose corners lie under the skin of the arm and of the chest wall, across the gap the
  // skin leaves there so that the arm can rise (it shows as thin red slivers in the gap); the bound
  // keeps it from growing. With the leaner skin of the cross-section fit (5.8 mm of fat, blends of
  // 0.008 H) 542, the neck's folds under the chin and behind the neck adding to the armpit's.
  CHECK(outside[1] < 580);

  // Skin and muscle drawn opaque together, as another viewer shows them: red shows where muscle
  // pokes through.
  std::vector<const BodyMesh*> meshes = layer(b, {Layer::Muscle, Layer::Skin});
  render_views(meshes, {}, "body_skin_over_muscles");
}

namespace {

// The top of a mesh's profile: the highest y of the vertices within `slab` of the plane through
// `centre` across `axis` (0: coronal profile along x, 2: sagittal along z), at offset `s` from centre.
float profile_top(const BodyMesh& m, vec3 centre, int axis, float s, float slab = 0.006f,
                  float bin = 0.004f) {
  const int other = axis == 0 ? 2 : 0;
  float top = -INFINITY;
  for (const vec3& p : m.positions)
    if (std::abs(p[other] - centre[other]) < slab && std::abs(p[axis] - centre[axis] - s) < bin)
      top = std::max(top, p.y);
  return top;
}

}  // namespace

TEST_CASE("body: the cranial vault is rounded, not a flat-topped crown") {
  const Body& b = default_body();
  const BodyMesh& skull = *b.find_mesh("skull");
  vec3 lo(INFINITY), hi(-INFINITY);
  for (const vec3& p : skull.positions) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  // The vault's crown, and its half-breadth a little under the crown.
  vec3 crown(0.0f, -INFINITY, 0.0f);
  for (const vec3& p : skull.positions)
    if (std::abs(p.x) < 0.006f && p.y > crown.y) crown = p;
  float half = 0.0f;
  for (const vec3& p : skull.positions)
    if (p.y > crown.y - 0.05f) half = std::max(half, std::abs(p.x));
  REQUIRE(half > 0.05f);
  // A rounded vault falls away from the crown like an arch: a circle of the vault's half-breadth
  // drops 13 % of its radius half-way out and 40 % at 0.8 of the way, a third as much half-way. A
  // flat-topped crown barely drops until its edge. (Before the fix: coronal 6.1 and 27.6 mm,
  // sagittal 3.3 and 10.9 mm.)
  for (int axis : {0, 2}) {
    float drop[3];
    int n = 0;
    for (float f : {0.5f, 0.8f}) {
      const float l = profile_top(skull, crown, axis, -f * half),
                  r = profile_top(skull, crown, axis, f * half);
      drop[n++] = crown.y - std::max(l, r);
    }
    MESSAGE(std::string(axis == 0 ? "coronal" : "sagittal")
            << " profile: crown " << crown.y << ", drop at 0.5 half-breadth " << drop[0] * 1000
            << " mm, at 0.8: " << drop[1] * 1000 << " mm");
    CHECK(drop[0] > 0.004f);
    CHECK(drop[1] > 0.015f);
    CHECK(drop[0] > 0.28f * drop[1]);
  }
  // The head, close.
  std::vector<test::Image> views;
  for (auto layers : {std::initializer_list<Layer>{Layer::Bone}, {Layer::Bone, Layer::Muscle}, {Layer::Skin}})
    for (test::View v : {test::View::Front, test::View::Left})
      views.push_back(
          test::render(layer(b, layers), {}, v, 300, 300, {0.0f, crown.y - 0.11f}, {0.13f, 0.13f}));
  CHECK(test::write_png(test::hstack(views), test::output_dir() / "body_head.png"));
}

TEST_CASE("body: renders the back close, muscles and skin (look at build/test-output/body_back_close.png)") {
  const Body& b = default_body();
  std::vector<test::Image> views;
  for (auto layers : {std::initializer_list<Layer>{Layer::Bone, Layer::Muscle}, {Layer::Skin}})
    for (test::View v : {test::View::Back, test::View::Left})
      views.push_back(test::render(layer(b, layers), {}, v, 300, 500, {0.0f, 1.15f}, {0.3f, 0.5f}));
  CHECK(test::write_png(test::hstack(views), test::output_dir() / "body_back_close.png"));
  std::vector<test::Image> upper;
  for (auto layers : {std::initializer_list<Layer>{Layer::Bone, Layer::Muscle}, {Layer::Muscle}})
    upper.push_back(
        test::render(layer(b, layers), {}, test::View::Back, 400, 400, {0.0f, 1.33f}, {0.2f, 0.2f}));
  CHECK(test::write_png(test::hstack(upper), test::output_dir() / "body_upper_back.png"));
  std::vector<test::Image> each;
  for (const char* name :
       {"trapezius", "rhomboids", "infraspinatus", "levator_scapulae", "latissimus_dorsi", "teres_minor"}) {
    std::vector<const BodyMesh*> one{b.find_mesh(std::string(name) + ".l"),
                                     b.find_mesh(std::string(name) + ".r")};
    each.push_back(test::render(one, {}, test::View::Back, 200, 200, {0.0f, 1.33f}, {0.2f, 0.2f}));
  }
  CHECK(test::write_png(test::hstack(each), test::output_dir() / "body_upper_back_each.png"));
}

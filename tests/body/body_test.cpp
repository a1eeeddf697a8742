#include <doctest/doctest.h>

#include <chrono>
#include <set>

#include "body/body.h"
#include "body/muscles.h"
#include "body/ortho_render.h"
#include "body/skinning.h"
#include "body/movement.h"
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

void render_views(const std::vector<const BodyMesh*>& meshes, const std::vector<const std::vector<vec3>*>& posed,
                  const std::string& name) {
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
  for (const char* bone : {"skull", "mandible", "sternum", "sacrum", "hip_bone.l", "femur.r", "tibia.l", "fibula.r",
                           "patella.l", "humerus.l", "radius.r", "ulna.l", "scapula.r", "clavicle.l", "calcaneus.r",
                           "vertebra_c1", "vertebra_t12", "vertebra_l5", "rib_1.l", "rib_12.r", "phalanx_index_3.l"}) {
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
  // Measured about 2.0 at the knee and 4-5 at the shoulder with the arms overhead (the armpit's
  // skin stretches as real skin does, no edge tears). The hip's number is reported, not asserted:
  // in the deep squat the thigh presses into the lower belly, a fold that linear blend skinning
  // renders as a few strongly deformed edges.
  CHECK(knee < 2.5f);
  CHECK(shoulder < 6.0f);
  CHECK(hip < 20.0f);
  CHECK(knee > 1.0f);  // the pose does bend the knee
  // The rest pose reproduces the rest mesh exactly.
  auto same = skin_positions(b, skin, rest_pose(b.skeleton));
  for (size_t v = 0; v < same.size(); v += 97) CHECK(glm::length(same[v] - skin.positions[v]) < 1e-5f);

  std::vector<const BodyMesh*> meshes{&skin};
  render_views(meshes, {&squat_pos}, "body_skin_squat");
  render_views(meshes, {&raise_pos}, "body_skin_arm_raise");
}

// Rigs written by the test: each naming convention, control bones, units, axes and facing, and a rig
// whose names say nothing so that the hierarchy has to.
#include <doctest/doctest.h>

#include <map>

#include "body/body.h"
#include "body/export_glb.h"
#include "body/import/canonical_reference.h"
#include "body/import/gltf_writer.h"
#include "body/import/import_model.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;
namespace fs = std::filesystem;

namespace {

fs::path out_dir() {
  fs::path d = test::output_dir() / "import";
  fs::create_directories(d);
  return d;
}

std::string source_of(const ImportedModel& m, const std::string& canonical) {
  int j = m.joint_of(canonical);
  return j < 0 ? std::string("(unmapped)") : m.joints[j].name;
}

ImportedModel import_ok(const fs::path& p) {
  auto r = import_model(p);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return *r;
}

// role → name, "" to leave a role out.
using Names = std::map<std::string, std::string>;
std::function<std::string(const std::string&)> names_from(const Names& n) {
  return [n](const std::string& role) {
    auto it = n.find(role);
    return it == n.end() ? std::string() : it->second;
  };
}

// Checks the core mapping against the role names.
void check_core(const ImportedModel& m, const Names& n) {
  CHECK(source_of(m, "pelvis") == n.at("hips"));
  CHECK(source_of(m, "skull") == n.at("head"));
  CHECK(source_of(m, "femur.l") == n.at("l_upleg"));
  CHECK(source_of(m, "femur.r") == n.at("r_upleg"));
  CHECK(source_of(m, "tibia.l") == n.at("l_leg"));
  CHECK(source_of(m, "talus.r") == n.at("r_foot"));
  CHECK(source_of(m, "humerus.l") == n.at("l_arm"));
  CHECK(source_of(m, "forearm.r") == n.at("r_forearm"));
  CHECK(source_of(m, "hand.l") == n.at("l_hand"));
  CHECK(m.joints[m.joint_of("femur.l")].position().x > 0.05f);
  CHECK(m.joints[m.joint_of("toes.l")].position().z > m.joints[m.joint_of("talus.l")].position().z);
}

const Names kMixamo = {{"hips", "mixamorig:Hips"},
                       {"spine", "mixamorig:Spine"},
                       {"chest", "mixamorig:Spine2"},
                       {"neck", "mixamorig:Neck"},
                       {"head", "mixamorig:Head"},
                       {"crown", "mixamorig:HeadTop_End"},
                       {"l_shoulder", "mixamorig:LeftShoulder"},
                       {"l_arm", "mixamorig:LeftArm"},
                       {"l_forearm", "mixamorig:LeftForeArm"},
                       {"l_hand", "mixamorig:LeftHand"},
                       {"l_upleg", "mixamorig:LeftUpLeg"},
                       {"l_leg", "mixamorig:LeftLeg"},
                       {"l_foot", "mixamorig:LeftFoot"},
                       {"l_toe", "mixamorig:LeftToeBase"},
                       {"r_shoulder", "mixamorig:RightShoulder"},
                       {"r_arm", "mixamorig:RightArm"},
                       {"r_forearm", "mixamorig:RightForeArm"},
                       {"r_hand", "mixamorig:RightHand"},
                       {"r_upleg", "mixamorig:RightUpLeg"},
                       {"r_leg", "mixamorig:RightLeg"},
                       {"r_foot", "mixamorig:RightFoot"},
                       {"r_toe", "mixamorig:RightToeBase"}};

}  // namespace

TEST_CASE("import: Mixamo names with the mixamorig: prefix") {
  fs::path p = out_dir() / "mixamo.gltf";
  test::write_test_gltf(p, test::humanoid(names_from(kMixamo)));
  ImportedModel m = import_ok(p);
  CHECK(m.report.naming == "Mixamo/Unity");
  check_core(m, kMixamo);
  CHECK(source_of(m, "thoracic_upper") == "mixamorig:Spine2");
  CHECK(source_of(m, "clavicle.r") == "mixamorig:RightShoulder");
  CHECK(source_of(m, "toes.r") == "mixamorig:RightToeBase");
  CHECK(m.report.height_m == doctest::Approx(1.73 - 0.02 + 0.0).epsilon(0.02));
  REQUIRE(m.report.dropped.size() == 1);
  CHECK(m.report.dropped[0].name == "mixamorig:HeadTop_End");
}

TEST_CASE("import: Unreal names, with IK and twist bones and a root at the feet") {
  Names n = {{"hips", "pelvis"},      {"spine", "spine_01"},
             {"chest", "spine_03"},   {"neck", "neck_01"},
             {"head", "head"},        {"l_shoulder", "clavicle_l"},
             {"l_arm", "upperarm_l"}, {"l_forearm", "lowerarm_l"},
             {"l_hand", "hand_l"},    {"l_upleg", "thigh_l"},
             {"l_leg", "calf_l"},     {"l_foot", "foot_l"},
             {"l_toe", "ball_l"},     {"r_shoulder", "clavicle_r"},
             {"r_arm", "upperarm_r"}, {"r_forearm", "lowerarm_r"},
             {"r_hand", "hand_r"},    {"r_upleg", "thigh_r"},
             {"r_leg", "calf_r"},     {"r_foot", "foot_r"},
             {"r_toe", "ball_r"}};
  auto bones = test::humanoid(names_from(n));
  // Unreal's root bone at the floor, and its IK bones beside the skeleton.
  bones.insert(bones.begin(), {"root", -1, vec3(0)});
  for (auto& b : bones)
    if (b.name != "root") b.parent += 1;
  bones[1].parent = 0;
  bones.push_back({"ik_foot_root", 0, vec3(0)});
  bones.push_back({"ik_foot_l", static_cast<int>(bones.size()) - 1, vec3(0.095f, 0.08f, -0.01f)});
  bones.push_back({"ik_hand_gun", 0, vec3(0.3f, 0.85f, 0.1f)});
  test::write_test_gltf(out_dir() / "unreal.gltf", bones);
  ImportedModel m = import_ok(out_dir() / "unreal.gltf");
  CHECK(m.report.naming == "Unreal");
  check_core(m, n);
  CHECK(source_of(m, "lumbar_3") == "spine_01");
  CHECK(source_of(m, "thoracic_upper") == "spine_03");
  std::map<std::string, std::string> dropped;
  for (const auto& d : m.report.dropped) dropped[d.name] = d.reason;
  CHECK(dropped.size() == 4);
  CHECK(dropped["root"] == "root motion");
  CHECK(dropped["ik_foot_l"] == "control bone ('ik')");
  CHECK(dropped.count("ik_hand_gun") == 1);
  // The pelvis becomes a root once the root bone is gone.
  CHECK(m.joints[m.joint_of("pelvis")].parent == -1);
}

TEST_CASE("import: Rigify DEF- bones map, ORG- and MCH- bones are dropped") {
  Names n = {
      {"hips", "DEF-spine"},          {"spine", "DEF-spine.001"},       {"chest", "DEF-spine.003"},
      {"neck", "DEF-spine.004"},      {"head", "DEF-spine.006"},        {"l_shoulder", "DEF-shoulder.L"},
      {"l_arm", "DEF-upper_arm.L"},   {"l_forearm", "DEF-forearm.L"},   {"l_hand", "DEF-hand.L"},
      {"l_upleg", "DEF-thigh.L"},     {"l_leg", "DEF-shin.L"},          {"l_foot", "DEF-foot.L"},
      {"l_toe", "DEF-toe.L"},         {"r_shoulder", "DEF-shoulder.R"}, {"r_arm", "DEF-upper_arm.R"},
      {"r_forearm", "DEF-forearm.R"}, {"r_hand", "DEF-hand.R"},         {"r_upleg", "DEF-thigh.R"},
      {"r_leg", "DEF-shin.R"},        {"r_foot", "DEF-foot.R"},         {"r_toe", "DEF-toe.R"}};
  auto bones = test::humanoid(names_from(n));
  int thigh = 0;
  for (size_t i = 0; i < bones.size(); ++i)
    if (bones[i].name == "DEF-thigh.L") thigh = static_cast<int>(i);
  // Rigify splits the thigh: DEF-thigh.L.001 is its lower half, not the shin.
  bones.push_back({"DEF-thigh.L.001", thigh, vec3(0.088f, 0.70f, 0)});
  bones.push_back({"ORG-thigh.L", thigh, vec3(0.085f, 0.91f, 0)});
  bones.push_back({"MCH-thigh_parent.L", -1, vec3(0.085f, 0.91f, 0)});
  bones.push_back({"thigh_ik.L", -1, vec3(0.085f, 0.91f, 0)});
  test::write_test_gltf(out_dir() / "rigify.gltf", bones);
  ImportedModel m = import_ok(out_dir() / "rigify.gltf");
  CHECK(m.report.naming == "Rigify");
  check_core(m, n);
  CHECK(source_of(m, "cervical_lower") == "DEF-spine.004");
  CHECK(m.report.dropped.size() == 3);
  for (const auto& d : m.report.dropped) CHECK(d.name != "DEF-thigh.L.001");
}

TEST_CASE("import: MakeHuman-style names, where spine05 is the lowest") {
  Names n = {{"hips", "root"},          {"spine", "spine04"},
             {"chest", "spine01"},      {"neck", "neck01"},
             {"head", "head"},          {"l_shoulder", "clavicle.L"},
             {"l_arm", "upperarm01.L"}, {"l_forearm", "lowerarm01.L"},
             {"l_hand", "wrist.L"},     {"l_upleg", "upperleg01.L"},
             {"l_leg", "lowerleg01.L"}, {"l_foot", "foot.L"},
             {"l_toe", "toe1-1.L"},     {"r_shoulder", "clavicle.R"},
             {"r_arm", "upperarm01.R"}, {"r_forearm", "lowerarm01.R"},
             {"r_hand", "wrist.R"},     {"r_upleg", "upperleg01.R"},
             {"r_leg", "lowerleg01.R"}, {"r_foot", "foot.R"},
             {"r_toe", "toe1-1.R"}};
  test::write_test_gltf(out_dir() / "makehuman.gltf", test::humanoid(names_from(n)));
  ImportedModel m = import_ok(out_dir() / "makehuman.gltf");
  CHECK(m.report.naming == "MakeHuman");
  check_core(m, n);
  CHECK(source_of(m, "lumbar_3") == "spine04");
  CHECK(source_of(m, "thoracic_upper") == "spine01");
  CHECK(m.report.dropped.empty());  // "root" is MakeHuman's pelvis here, not a root-motion bone
}

TEST_CASE("import: a Z-up skeleton in centimetres stands up in metres") {
  // Y up to Z up (front to -Y, as Blender has it), metres to centimetres.
  const mat4 zup_cm =
      glm::scale(mat4(1), vec3(100)) * glm::rotate(mat4(1), glm::radians(90.0f), vec3(1, 0, 0));
  test::write_test_gltf(out_dir() / "zup_cm.gltf", test::humanoid(names_from(kMixamo)), true, zup_cm);
  ImportedModel m = import_ok(out_dir() / "zup_cm.gltf");
  CHECK(m.report.up_axis == "+Z");
  CHECK(m.report.scale_to_metres == doctest::Approx(0.01));
  CHECK(m.report.units.find("centimetres") == 0);
  CHECK(m.report.height_m == doctest::Approx(1.71).epsilon(0.02));
  check_core(m, kMixamo);
  // The same figure as the Y-up metre file, joint for joint.
  test::write_test_gltf(out_dir() / "yup_m.gltf", test::humanoid(names_from(kMixamo)));
  ImportedModel ref = import_ok(out_dir() / "yup_m.gltf");
  for (const JointMatch& j : ref.report.mapped) {
    INFO(j.canonical);
    CHECK(glm::distance(m.joints[m.joint_of(j.canonical)].position(), ref.joints[j.joint].position()) <
          1e-3f);
  }
  // Landmarks too.
  for (const PlacedLandmark& l : ref.landmarks) {
    INFO(l.id);
    CHECK(glm::distance(m.landmark(l.id)->position, l.position) < 1e-3f);
  }
}

TEST_CASE("import: a figure facing -Z is turned to face +Z, keeping its named left on +X") {
  const mat4 turned = glm::rotate(mat4(1), glm::radians(180.0f), vec3(0, 1, 0));
  test::write_test_gltf(out_dir() / "facing_back.gltf", test::humanoid(names_from(kMixamo)), true, turned);
  ImportedModel m = import_ok(out_dir() / "facing_back.gltf");
  check_core(m, kMixamo);
  CHECK(m.report.up_axis == "+Y");
  // And the landmarks follow: the same places as on the figure written facing +Z.
  CHECK(m.landmark("calcaneus.l")->position.z < m.joints[m.joint_of("talus.l")].position().z);
  test::write_test_gltf(out_dir() / "facing_front.gltf", test::humanoid(names_from(kMixamo)));
  ImportedModel ref = import_ok(out_dir() / "facing_front.gltf");
  for (const PlacedLandmark& l : ref.landmarks) {
    INFO(l.id);
    CHECK(glm::distance(m.landmark(l.id)->position, l.position) < 1e-3f);
  }
}

TEST_CASE("import: names that say nothing: the hierarchy finds the humanoid") {
  Names roles;
  int k = 0;
  for (const auto& [role, name] : kMixamo)
    if (role != "crown") roles[role] = "bone" + std::to_string(k++);
  test::write_test_gltf(out_dir() / "anonymous.gltf", test::humanoid(names_from(roles)));
  ImportedModel m = import_ok(out_dir() / "anonymous.gltf");
  check_core(m, roles);
  CHECK(source_of(m, "clavicle.l") == roles.at("l_shoulder"));
  CHECK(source_of(m, "thoracic_upper") == roles.at("chest"));
  CHECK(source_of(m, "toes.r") == roles.at("r_toe"));
  for (const JointMatch& j : m.report.mapped) CHECK(j.method == "hierarchy");
  CHECK(m.report.naming == "none (mapped from the hierarchy)");
  CHECK(m.report.landmarks_placed >= 120);
}

TEST_CASE("import: a rig that is not a humanoid is refused, naming what is missing") {
  // A tail: six bones in a row.
  std::vector<test::TestBone> tail;
  for (int i = 0; i < 6; ++i) tail.push_back({"tail_" + std::to_string(i), i - 1, vec3(0, 0.5f, 0.2f * i)});
  fs::path p = out_dir() / "tail.gltf";
  test::write_test_gltf(p, tail);
  auto r = import_model(p);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().exit_status() == 2);
  CHECK(r.error().message.find(p.string() + ": not a humanoid rig: no bone found for pelvis, skull") == 0);

  // A humanoid missing its arms.
  Names legs_only = kMixamo;
  for (const char* role :
       {"l_shoulder", "l_arm", "l_forearm", "l_hand", "r_shoulder", "r_arm", "r_forearm", "r_hand"})
    legs_only.erase(role);
  fs::path q = out_dir() / "no_arms.gltf";
  test::write_test_gltf(q, test::humanoid(names_from(legs_only)));
  auto s = import_model(q);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find(q.string() + ": not a humanoid rig: no bone found for humerus.l, humerus.r, "
                                            "forearm.l, forearm.r") == 0);
}

TEST_CASE("import: a mesh without a skin has no skeleton") {
  fs::path p = out_dir() / "unskinned.gltf";
  test::write_test_gltf(p, test::humanoid(names_from(kMixamo)), /*skinned=*/false);
  auto r = import_model(p);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().exit_status() == 2);
  CHECK(r.error().message == p.string() + ": the model has no skeleton (no mesh is skinned to bones)");
}

TEST_CASE("import: the canonical skeleton itself maps onto itself and keeps every landmark in place") {
  using namespace fascia::body::import_detail;
  const CanonicalReference& ref = canonical_reference();
  std::vector<test::TestBone> bones;
  std::map<std::string, int> index;
  for (const CanonicalJointRef& j : ref.joints) {
    index[j.id] = static_cast<int>(bones.size());
    bones.push_back({j.id, j.parent.empty() ? -1 : index.at(j.parent), j.position});
  }
  // Markers at the floor and the crown, so the mesh spans the canonical stature exactly.
  bones.push_back({"marker_floor", 0, vec3(0, 0, 0)});
  bones.push_back({"marker_crown", 0, vec3(0, static_cast<float>(ref.stature), 0)});
  fs::path p = out_dir() / "canonical.gltf";
  test::write_test_gltf(p, bones);
  ImportedModel m = import_ok(p);
  CHECK(m.report.naming == "Fascia canonical");
  CHECK(m.report.mapped.size() == ref.joints.size());
  CHECK(m.report.unmapped.empty());
  CHECK(m.report.landmarks_on_ancestor == 0);
  CHECK(m.report.height_m == doctest::Approx(ref.stature).epsilon(1e-4));
  for (const JointMatch& j : m.report.mapped) CHECK(j.source == j.canonical);
  // Retargeting onto an identical figure is the identity (up to the placement of the pelvis).
  const vec3 pelvis_imported = m.joints[m.joint_of("pelvis")].position();
  const vec3 pelvis_canonical = ref.joint("pelvis")->position;
  REQUIRE(m.landmarks.size() == ref.landmarks.size());
  for (const CanonicalLandmarkRef& l : ref.landmarks) {
    INFO(l.id);
    const PlacedLandmark* placed = m.landmark(l.id);
    REQUIRE(placed != nullptr);
    CHECK(placed->placed_on == l.joint);
    CHECK(glm::distance(placed->position - pelvis_imported, l.position - pelvis_canonical) < 1e-3f);
    // The local position carries it back through its joint's bind transform.
    const vec3 back = vec3(m.joints[placed->source_joint].bind_world * vec4(placed->local, 1.0f));
    CHECK(glm::distance(back, placed->position) < 1e-4f);
  }
}

TEST_CASE("import: inches and millimetres are recognised from the figure's height") {
  for (auto case_ : {std::pair{"inches", 0.0254}, std::pair{"millimetres", 0.001}}) {
    // Not a structured binding: clang 14 (make check) cannot capture one in CAPTURE's lambda.
    const char* unit = case_.first;
    const double metres = case_.second;
    CAPTURE(unit);
    fs::path p = out_dir() / (std::string("in_") + unit + ".gltf");
    const mat4 scale = glm::scale(mat4(1), vec3(static_cast<float>(1.0 / metres)));
    test::write_test_gltf(p, test::humanoid(names_from(kMixamo)), true, scale);
    ImportedModel m = import_ok(p);
    CHECK(m.report.units == std::string(unit) + " (from the figure's height)");
    CHECK(m.report.scale_to_metres == doctest::Approx(metres));
    CHECK(m.report.height_m == doctest::Approx(1.71).epsilon(0.02));
    // glTF promises metres, so the file is warned about.
    REQUIRE_FALSE(m.report.warnings.empty());
    CHECK(m.report.warnings[0].find("the file says metres") == 0);
  }
}

TEST_CASE("import: the built-in body exported as .glb imports onto itself") {
  const Body body = load_or_build_body(BodyParams{}, test::output_dir() / "import_body_cache");
  fs::path p = out_dir() / "builtin_body.glb";
  REQUIRE(export_glb(body, p).ok());
  ImportedModel m = import_ok(p);
  CHECK(m.report.format == "glTF 2.0");
  CHECK(m.report.naming == "Fascia canonical");
  CHECK(m.report.unmapped.empty());
  CHECK(m.report.dropped.empty());
  CHECK(m.report.height_m == doctest::Approx(body.params.height).epsilon(0.02));
  for (const JointMatch& j : m.report.mapped) CHECK(j.source == j.canonical);
  // Joints and landmarks where the body has them (up to where the pelvis is put).
  const std::vector<vec3> rest = body.skeleton.rest_positions();
  const vec3 shift = m.joints[m.joint_of("pelvis")].position() - rest[body.skeleton.find("pelvis")];
  for (size_t i = 0; i < body.skeleton.size(); ++i) {
    INFO(body.skeleton.joints[i].name);
    CHECK(glm::distance(m.joints[m.joint_of(body.skeleton.joints[i].name)].position(), rest[i] + shift) <
          1e-3f);
  }
  const std::vector<mat4> world = world_transforms(body.skeleton, rest_pose(body.skeleton));
  float worst = 0;
  for (const Landmark& l : body.landmarks) {
    INFO(l.id);
    const PlacedLandmark* placed = m.landmark(l.id);
    REQUIRE(placed != nullptr);
    worst = std::max(worst, glm::distance(placed->position, landmark_world(l, world) + shift));
  }
  MESSAGE("built-in body re-imported: height " << m.report.height_m << " m, worst landmark " << worst
                                               << " m");
  CHECK(worst < 0.005f);
}

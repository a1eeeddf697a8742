// The fixtures in ../shared/fixtures/models: each imports with its humanoid joints mapped to the bones
// its SOURCE.md names, stands 1.4-2.0 m tall on y = 0 facing +Z, and carries its landmarks on or in
// the body.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "body/import/import_model.h"
#include "body/import/import_test_util.h"
#include "body/import/imported_body.h"
#include "core/file_io.h"
#include "core/json.h"
#include "core/log.h"
#include "support/skip.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;
namespace fs = std::filesystem;

namespace {

fs::path models_dir() {
  fs::path shared = test::shared_dir();
  return shared.empty() ? fs::path() : shared / "fixtures" / "models";
}

std::string source_of(const ImportedModel& m, const std::string& canonical) {
  int j = m.joint_of(canonical);
  return j < 0 ? std::string("(unmapped)") : m.joints[j].name;
}

vec3 joint_at(const ImportedModel& m, const std::string& canonical) {
  int j = m.joint_of(canonical);
  REQUIRE_MESSAGE(j >= 0, canonical << " unmapped");
  return m.joints[j].position();
}

vec3 landmark_at(const ImportedModel& m, const std::string& id) {
  const PlacedLandmark* l = m.landmark(id);
  REQUIRE_MESSAGE(l != nullptr, id << " not placed");
  return l->position;
}

float min_y(const ImportedModel& m) {
  float lo = 1e9f;
  for (const auto& mesh : m.meshes)
    for (const vec3& v : mesh.positions) lo = std::min(lo, v.y);
  return lo;
}

// What every fixture must satisfy, whatever its style: upright, on the floor, facing +Z, left at +X,
// every landmark placed and none farther than `tolerance` from the skin or a bone.
void check_common(const ImportedModel& m, double height_lo, double height_hi, float tolerance,
                  const char* up_axis = "+Y") {
  const ImportReport& r = m.report;
  CHECK(r.height_m >= height_lo);
  CHECK(r.height_m <= height_hi);
  CHECK(std::abs(min_y(m)) < 1e-4f);
  CHECK(r.up_axis == up_axis);
  for (const char* side : {".l", ".r"}) {
    const float sign = side[1] == 'l' ? 1.0f : -1.0f;
    CHECK(sign * joint_at(m, std::string("femur") + side).x > 0.03f);
    CHECK(sign * joint_at(m, std::string("humerus") + side).x > 0.05f);
    // Standing: hip above knee above ankle; toes in front of the ankle.
    CHECK(joint_at(m, std::string("femur") + side).y > joint_at(m, std::string("tibia") + side).y);
    CHECK(joint_at(m, std::string("tibia") + side).y > joint_at(m, std::string("talus") + side).y);
    CHECK(joint_at(m, std::string("toes") + side).z > joint_at(m, std::string("talus") + side).z);
    // Landmarks where the anatomy is, relative to the imported joints.
    CHECK(landmark_at(m, std::string("calcaneus") + side).z < joint_at(m, std::string("talus") + side).z);
    CHECK(landmark_at(m, std::string("calcaneus") + side).y < joint_at(m, std::string("talus") + side).y);
    CHECK(landmark_at(m, std::string("patella") + side).z > joint_at(m, std::string("tibia") + side).z);
    CHECK(sign * landmark_at(m, std::string("greater_trochanter") + side).x >
          sign * joint_at(m, std::string("femur") + side).x);
    CHECK(landmark_at(m, std::string("asis") + side).z > landmark_at(m, std::string("psis") + side).z);
    CHECK(sign * landmark_at(m, std::string("acromion") + side).x > 0);
  }
  CHECK(joint_at(m, "skull").y > joint_at(m, "thoracic_upper").y);
  CHECK(landmark_at(m, "brow_ridge").z > landmark_at(m, "occipital_ridge").z);
  CHECK(landmark_at(m, "sacrum").z < landmark_at(m, "pubic_symphysis").z);

  CHECK(r.landmarks_placed == static_cast<int>(m.landmarks.size()));
  CHECK(r.landmarks_placed >= 120);
  float worst = 0;
  std::string worst_id;
  int near = 0;
  for (const PlacedLandmark& l : m.landmarks) {
    float d = std::min(test::distance_to_surface(m, l.position), test::distance_to_bones(m, l.position));
    if (d > worst) worst = d, worst_id = l.id;
    near += d <= 0.04f;
  }
  INFO("farthest landmark: " << worst_id << " at " << worst << " m; " << near << " within 4 cm");
  CHECK(worst <= tolerance);
  // Most of them close: within 4 cm of the skin or a bone.
  CHECK(near >= 0.7 * m.landmarks.size());
}

}  // namespace

TEST_CASE("import: RiggedFigure.glb maps the Cesium joints and stands 1.45 m tall") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto r = import_model(dir / "riggedfigure" / "RiggedFigure.glb");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  const ImportedModel& m = *r;
  CHECK(m.report.format == "glTF 2.0");
  CHECK(m.report.naming == "glTF samples (Cesium)");
  CHECK(m.report.joint_count == 19);
  CHECK(m.report.height_m == doctest::Approx(1.45).epsilon(0.01));
  CHECK(m.report.scale_to_metres == 1.0);
  CHECK(m.report.units == "metres (glTF: metres by definition)");
  CHECK(source_of(m, "pelvis") == "torso_joint_1");
  CHECK(source_of(m, "skull") == "neck_joint_2");
  CHECK(source_of(m, "femur.l") == "leg_joint_L_1");
  CHECK(source_of(m, "tibia.r") == "leg_joint_R_2");
  CHECK(source_of(m, "humerus.l") == "arm_joint_L_1");
  CHECK(source_of(m, "hand.r") == "arm_joint_R_3");
  CHECK(source_of(m, "toes.l") == "leg_joint_L_5");
  CHECK(m.report.mapped.size() == 19);
  // No fingers in this rig: finger landmarks ride on the hand.
  CHECK(m.landmark("thumb_lateral.l")->placed_on == "hand.l");
  check_common(m, 1.40, 1.50, 0.10f);
}

TEST_CASE("import: RiggedFigure.dae (Z-up COLLADA) gives the same skeleton as the .glb") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto glb = import_model(dir / "riggedfigure" / "RiggedFigure.glb");
  auto dae = import_model(dir / "riggedfigure" / "RiggedFigure.dae");
  REQUIRE(glb.ok());
  REQUIRE_MESSAGE(dae.ok(), (dae.ok() ? "" : dae.error().message));
  CHECK(dae->report.format.find("COLLADA") == 0);
  REQUIRE(dae->report.mapped.size() == glb->report.mapped.size());
  for (const JointMatch& g : glb->report.mapped) {
    INFO(g.canonical);
    CHECK(source_of(*dae, g.canonical) == g.source);
    CHECK(glm::distance(joint_at(*dae, g.canonical), joint_at(*glb, g.canonical)) < 0.002f);
  }
  check_common(*dae, 1.40, 1.50, 0.10f, "+Z");  // exported from Blender with Z_UP
}

TEST_CASE("import: the Kenney FBX drops its control bones and maps the Mixamo-style names") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto r = import_model(dir / "kenney_character_fbx" / "maya_kenney_character_7700_binary.fbx");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  const ImportedModel& m = *r;
  CHECK(m.report.format == "FBX");
  CHECK(m.report.naming == "Mixamo/Unity");
  CHECK(source_of(m, "pelvis") == "Hips");
  CHECK(source_of(m, "thoracic_upper") == "UpperChest");
  CHECK(source_of(m, "skull") == "Head");
  CHECK(source_of(m, "clavicle.l") == "LeftShoulder");
  CHECK(source_of(m, "humerus.l") == "LeftArm");
  CHECK(source_of(m, "forearm.r") == "RightForeArm");
  CHECK(source_of(m, "index_3.l") == "LeftHandIndex3");
  CHECK(source_of(m, "femur.r") == "RightUpLeg");
  CHECK(source_of(m, "tibia.l") == "LeftLeg");
  CHECK(source_of(m, "toes.l") == "LeftToes");
  // All 19 control/IK bones and 7 end markers go; the 32 deforming bones stay.
  auto dropped = [&](const std::string& name) {
    for (const DroppedBone& d : m.report.dropped)
      if (d.name == name) return true;
    return false;
  };
  for (const char* b : {"HipsCtrl", "LeftFootIK", "RightKneeCtrl", "LeftHeelRoll", "RightToeRoll",
                        "LeftFootRollCtrl", "Head_end"})
    CHECK_MESSAGE(dropped(b), b);
  CHECK(m.report.dropped.size() == 26);
  CHECK(m.report.joint_count == 32);
  for (const ImportedJoint& j : m.joints) CHECK(j.name.find("Ctrl") == std::string::npos);
  // The file says centimetres, which would make a 3.76 m figure: scaled to 1.75 m with a warning.
  CHECK(m.report.height_m == doctest::Approx(1.75).epsilon(0.001));
  bool warned = false;
  for (const std::string& w : m.report.warnings)
    warned = warned || w.find("scaled to 1.75 m") != std::string::npos;
  CHECK(warned);
  // The bind pose (T-pose), not the animated node pose the file was saved in: arms level.
  CHECK(std::abs(joint_at(m, "hand.l").y - joint_at(m, "humerus.l").y) < 0.05f);
  CHECK(std::abs(joint_at(m, "talus.l").z - joint_at(m, "talus.r").z) < 0.01f);
  check_common(m, 1.70, 1.80, 0.09f);
}

TEST_CASE("import: the MakeHuman skeleton (.mhskel) rigs base.obj") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto r = import_model(dir / "makehuman_base" / "default.mhskel");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  const ImportedModel& m = *r;
  CHECK(m.report.naming == "MakeHuman");
  CHECK(m.report.units.find("decimetres") == 0);
  CHECK(m.report.scale_to_metres == doctest::Approx(0.1));
  CHECK(m.report.height_m == doctest::Approx(1.67).epsilon(0.01));
  CHECK(m.report.joint_count == 163);
  // Only the body group: 13380 vertices of the 19158 (helpers and joint cubes left out).
  CHECK(m.report.vertex_count == 13380);
  CHECK(source_of(m, "pelvis") == "root");
  CHECK(source_of(m, "lumbar_5") == "spine05");
  CHECK(source_of(m, "thoracic_upper") == "spine01");
  CHECK(source_of(m, "femur.l") == "upperleg01.L");
  CHECK(source_of(m, "tibia.r") == "lowerleg01.R");
  CHECK(source_of(m, "hand.l") == "wrist.L");
  CHECK(source_of(m, "thumb_1.l") == "finger1-1.L");
  CHECK(source_of(m, "little_3.r") == "finger5-3.R");
  CHECK(m.report.mapped.size() == 58);
  // Weights from default_weights.mhw: every body vertex is skinned, weights summing to 1.
  REQUIRE(m.meshes.size() == 1);
  REQUIRE(m.meshes[0].weights.size() == m.meshes[0].positions.size());
  int skinned = 0;
  for (const vec4& w : m.meshes[0].weights) skinned += std::abs(w.x + w.y + w.z + w.w - 1.0f) < 1e-4f;
  CHECK(skinned > 0.99 * m.meshes[0].weights.size());
  // A realistic body: its landmarks within 8 cm of the skin or a bone.
  check_common(m, 1.60, 1.75, 0.08f);
}

TEST_CASE("import: the MakeHuman OBJ alone has no skeleton and says where one is") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  fs::path obj = dir / "makehuman_base" / "base.obj";
  auto r = import_model(obj);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().exit_status() == 2);
  CHECK(r.error().message.find(obj.string() + ": the model has no skeleton") == 0);
  CHECK(r.error().message.find("import default.mhskel instead") != std::string::npos);
}

TEST_CASE("import: MJCF (MyoSim) is refused as an unsupported format") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  fs::path xml = dir / "myosim_skeleton" / "mjcf" / "body" / "myobody.xml";
  auto r = import_model(xml);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().exit_status() == 2);
  CHECK(r.error().message == xml.string() +
                                 ": MJCF (MuJoCo XML) is not a supported format: Assimp cannot "
                                 "read it; export the model as glTF, FBX or COLLADA");
  // Its bone meshes are STL: not a rigged-model format either.
  fs::path stl = dir / "myosim_skeleton" / "meshes" / "r_femur.stl";
  auto s = import_model(stl);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find(stl.string() + ": unsupported file type '.stl'") == 0);
}

TEST_CASE("import: the report names units, height, mappings, drops and landmarks") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto r = import_model(dir / "kenney_character_fbx" / "maya_kenney_character_7700_binary.fbx");
  REQUIRE(r.ok());
  auto j = parse_json(import_report_json(*r), "report");
  REQUIRE(j.ok());
  CHECK((*j)["format"] == "FBX");
  CHECK((*j)["naming"] == "Mixamo/Unity");
  CHECK((*j)["height_m"].get<double>() == doctest::Approx(1.75));
  CHECK((*j)["joint_count"].get<int>() == 32);
  CHECK((*j)["mapped"]["femur.l"]["source"] == "LeftUpLeg");
  CHECK((*j)["mapped"]["femur.l"]["method"] == "name");
  CHECK((*j)["dropped"].size() == 26);
  CHECK((*j)["landmarks"]["calcaneus.l"]["joint"] == "heel.l");
  CHECK((*j)["landmarks"]["calcaneus.l"]["placed_on"] == "talus.l");
  CHECK((*j)["landmarks"]["calcaneus.l"]["position"].size() == 3);
  bool has_unmapped_patella = false;
  for (const auto& u : (*j)["unmapped"]) has_unmapped_patella = has_unmapped_patella || u == "patella.l";
  CHECK(has_unmapped_patella);
  const std::string text = import_report_text(*r);
  CHECK(text.find("height:    1.750 m") != std::string::npos);
  CHECK(text.find("femur.l <- LeftUpLeg") != std::string::npos);
  CHECK(text.find("HipsCtrl (control bone ('ctrl'))") != std::string::npos);
}

TEST_CASE("import: RiggedFigure.dae with its bone names erased is mapped from the hierarchy") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto text = read_file(dir / "riggedfigure" / "RiggedFigure.dae");
  REQUIRE(text.ok());
  std::string dae = *text;
  // Every joint renamed to a number ("leg_joint_L_1" → "node_11"): no name, no side left to read.
  const std::vector<std::string> joints = {"torso_joint_1", "torso_joint_2", "torso_joint_3", "neck_joint_1",
                                           "neck_joint_2",  "arm_joint_L_1", "arm_joint_L_2", "arm_joint_L_3",
                                           "arm_joint_R_1", "arm_joint_R_2", "arm_joint_R_3", "leg_joint_L_1",
                                           "leg_joint_L_2", "leg_joint_L_3", "leg_joint_L_5", "leg_joint_R_1",
                                           "leg_joint_R_2", "leg_joint_R_3", "leg_joint_R_5"};
  auto anonymous = [&](const std::string& name) {
    size_t i = std::find(joints.begin(), joints.end(), name) - joints.begin();
    return "node_" + std::to_string(i + 10);
  };
  for (const std::string& j : joints)
    for (size_t at = dae.find(j); at != std::string::npos; at = dae.find(j, at))
      dae.replace(at, j.size(), anonymous(j));
  fs::path p = test::output_dir() / "RiggedFigure_anonymous.dae";
  REQUIRE(write_file_atomic(p, dae).ok());
  auto r = import_model(p);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  const ImportedModel& m = *r;
  CHECK(m.report.naming == "none (mapped from the hierarchy)");
  CHECK(source_of(m, "pelvis") == anonymous("torso_joint_1"));
  CHECK(source_of(m, "thoracic_upper") == anonymous("torso_joint_3"));
  CHECK(source_of(m, "skull") == anonymous("neck_joint_2"));
  CHECK(source_of(m, "femur.l") == anonymous("leg_joint_L_1"));
  CHECK(source_of(m, "tibia.l") == anonymous("leg_joint_L_2"));
  CHECK(source_of(m, "talus.r") == anonymous("leg_joint_R_3"));
  CHECK(source_of(m, "toes.r") == anonymous("leg_joint_R_5"));
  CHECK(source_of(m, "humerus.l") == anonymous("arm_joint_L_1"));
  CHECK(source_of(m, "forearm.r") == anonymous("arm_joint_R_2"));
  CHECK(source_of(m, "hand.r") == anonymous("arm_joint_R_3"));
  check_common(m, 1.40, 1.50, 0.10f, "+Z");
}

TEST_CASE("import: an imported model as a Skeleton with Landmarks, like the built-in body") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto r = import_model(dir / "makehuman_base" / "default.mhskel");
  REQUIRE(r.ok());
  ImportedBody body = imported_body(*r);
  REQUIRE(body.skeleton.size() == r->joints.size());
  CHECK(body.skeleton.find("femur.l") == r->joint_of("femur.l"));
  CHECK(body.skeleton.find("upperleg01.L") == -1);  // named by its canonical id now
  CHECK(body.skeleton.find("breast.L") >= 0);       // unmapped bones keep their names
  const Skeleton canonical = make_skeleton(BodyParams{});
  const Joint& knee = body.skeleton.joints[body.skeleton.find("tibia.l")];
  CHECK(knee.limit_max_deg == canonical.joints[canonical.find("tibia.l")].limit_max_deg);
  REQUIRE(body.landmarks.size() == r->landmarks.size());
  const std::vector<vec3> rest = body.skeleton.rest_positions();
  for (size_t i = 0; i < r->joints.size(); ++i)
    CHECK(glm::distance(rest[i], r->joints[i].position()) < 1e-5f);
  for (const PlacedLandmark& l : r->landmarks) {
    INFO(l.id);
    auto p = landmark_position(body.skeleton, body.landmarks, l.id, rest_pose(body.skeleton));
    REQUIRE(p.has_value());
    CHECK(glm::distance(*p, l.position) < 1e-5f);
  }
  // Bending the left knee carries the calcaneus with the shin, and leaves the right one in place.
  Pose bent = rest_pose(body.skeleton);
  bent.local_rotation.assign(body.skeleton.size(), quat(1, 0, 0, 0));
  bent.local_rotation[body.skeleton.find("tibia.l")] = rotation_from_degrees(vec3(60, 0, 0));
  auto heel_l = landmark_position(body.skeleton, body.landmarks, "calcaneus.l", bent);
  auto heel_r = landmark_position(body.skeleton, body.landmarks, "calcaneus.r", bent);
  CHECK(heel_l->y > r->landmark("calcaneus.l")->position.y + 0.1f);
  CHECK(glm::distance(*heel_r, r->landmark("calcaneus.r")->position) < 1e-5f);
}

TEST_CASE("import: warnings go through fascia::log, naming the file") {
  fs::path dir = models_dir();
  if (dir.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  std::vector<std::string> warnings;
  LogHandler previous = set_log_handler([&](LogLevel level, std::string_view m) {
    if (level == LogLevel::Warning) warnings.emplace_back(m);
  });
  fs::path fbx = dir / "kenney_character_fbx" / "maya_kenney_character_7700_binary.fbx";
  auto r = import_model(fbx);
  set_log_handler(previous);
  REQUIRE(r.ok());
  REQUIRE(warnings.size() == r->report.warnings.size());
  REQUIRE_FALSE(warnings.empty());
  for (size_t i = 0; i < warnings.size(); ++i)
    CHECK(warnings[i] == fbx.string() + ": " + r->report.warnings[i]);
}

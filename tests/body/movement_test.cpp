#include <doctest/doctest.h>

#include "body/landmarks.h"
#include "body/movement.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

namespace {

std::filesystem::path poses() {
  return test::tests_dir() / ".." / "assets" / "poses";
}

struct Posed {
  Skeleton skeleton = make_skeleton({});
  std::vector<Landmark> landmarks = make_landmarks(skeleton);
  std::vector<mat4> world;

  Posed(const char* file, float t) {
    auto m = load_movement(poses() / file, skeleton);
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
    world = world_transforms(skeleton, sample_movement(*m, skeleton, t));
  }
  vec3 joint(const char* name) const { return world[skeleton.find(name)][3]; }
  vec3 lm(const char* id) const { return landmark_world(*find_landmark(landmarks, id), world); }
};

}  // namespace

TEST_CASE("movement: the library loads, one file per movement named after it") {
  Skeleton s = make_skeleton({});
  auto all = load_movements(poses(), s);
  REQUIRE_MESSAGE(all.ok(), (all.ok() ? "" : all.error().message));
  std::vector<std::string> names;
  for (auto& m : *all) names.push_back(m.name);
  CHECK(names == std::vector<std::string>{"arm_raise", "back_bend", "forward_bend", "head_flexed",
                                          "hips_flexed", "knees_bent", "neutral", "rotation",
                                          "side_bend_left", "side_bend_right", "squat", "t_pose", "walk"});
  for (auto& m : *all) {
    CHECK_FALSE(m.description.empty());
    CHECK(m.key_angles.size() == m.key_time.size());
  }
}

TEST_CASE("movement: the poses do what their names say") {
  Posed rest("neutral.json", 0);
  const float pelvis_rest = rest.joint("pelvis").y;
  CHECK(rest.lm("calcaneus.l").y > 0.005f);  // bone, a little above the sole
  CHECK(rest.lm("calcaneus.l").y < 0.02f);
  CHECK(std::abs(rest.joint("pelvis").y - 0.555f * 1.75f) < 0.01f);

  Posed squat("squat.json", 2);
  CHECK(squat.joint("pelvis").y < pelvis_rest - 0.3f);
  CHECK(squat.joint("tibia.l").z > squat.joint("talus.l").z + 0.15f);  // knees forward over the feet
  CHECK(squat.joint("hand.l").z > squat.joint("skull").z);             // arms reach forward
  CHECK(squat.lm("calcaneus.l").y < 0.03f);                            // heels down
  CHECK(squat.lm("toes_plantar.r").y < 0.03f);

  Posed bend("forward_bend.json", 2);
  CHECK(bend.joint("skull").y < bend.joint("pelvis").y);
  CHECK(bend.joint("skull").z > bend.joint("pelvis").z + 0.2f);
  CHECK(bend.joint("hand.l").y < 0.4f);  // hands near the shins
  CHECK(std::abs(bend.joint("talus.l").z - rest.joint("talus.l").z) < 0.1f);

  Posed back("back_bend.json", 2);
  CHECK(back.joint("skull").z < rest.joint("skull").z - 0.05f);

  Posed left("side_bend_left.json", 2), right("side_bend_right.json", 2);
  CHECK(left.joint("skull").x > 0.1f);
  CHECK(right.joint("skull").x == doctest::Approx(-left.joint("skull").x).epsilon(1e-3));

  Posed turn("rotation.json", 2);
  CHECK(turn.lm("brow_ridge").x > 0.05f);                                      // the face turns to the left
  CHECK(std::abs(turn.joint("talus.l").z - rest.joint("talus.l").z) < 0.02f);  // feet stay planted

  Posed tpose("t_pose.json", 0);
  CHECK(tpose.joint("hand.l").x > 0.7f);
  CHECK(tpose.joint("hand.r").x < -0.7f);
  CHECK(std::abs(tpose.joint("hand.l").y - tpose.joint("humerus.l").y) < 0.05f);

  Posed raise("arm_raise.json", 2);
  CHECK(raise.joint("hand.l").y > raise.lm("brow_ridge").y);
  CHECK(raise.joint("hand.r").y > raise.lm("brow_ridge").y);
}

TEST_CASE("movement: the walk loops smoothly and alternates the legs") {
  Skeleton s = make_skeleton({});
  auto walk = load_movement(poses() / "walk.json", s);
  REQUIRE(walk.ok());
  CHECK(walk->loop);
  CHECK(walk->duration() == doctest::Approx(1.0f));
  auto ankle_z = [&](float t, const char* j) {
    return world_transforms(s, sample_movement(*walk, s, t))[s.find(j)][3].z;
  };
  CHECK(ankle_z(0.0f, "talus.l") > ankle_z(0.0f, "talus.r") + 0.2f);  // left heel strike
  CHECK(ankle_z(0.5f, "talus.r") > ankle_z(0.5f, "talus.l") + 0.2f);
  CHECK(ankle_z(1.0f, "talus.l") == doctest::Approx(ankle_z(0.0f, "talus.l")));
  CHECK(ankle_z(1.3f, "talus.l") == doctest::Approx(ankle_z(0.3f, "talus.l")));
  // No jumps: over 200 samples the ankle moves at most a few cm per 5 ms.
  float worst = 0;
  for (int i = 0; i < 200; ++i)
    worst = std::max(worst, std::abs(ankle_z((i + 1) * 0.005f, "talus.l") - ankle_z(i * 0.005f, "talus.l")));
  CHECK(worst < 0.03f);
  CHECK(worst > 0.001f);
}

TEST_CASE("movement: bad files are refused with the file, the JSON path and the problem") {
  Skeleton s = make_skeleton({});
  auto check = [&](const char* text, const char* expected) {
    auto j = parse_json(text, "m.json");
    REQUIRE(j.ok());
    auto m = parse_movement(*j, "m.json", s);
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().message == expected);
    CHECK(m.error().exit_status() == 2);
  };
  check(R"({"name": "x", "keyframes": [{"time": 0, "joints": {"femur.x": [0, 0, 0]}}]})",
        "m.json: at $.keyframes[0].joints.femur.x: unknown joint 'femur.x'");
  check(R"({"name": "x", "keyframes": [{"time": 0, "joints": {"tibia.l": [-20, 0, 0]}}]})",
        "m.json: at $.keyframes[0].joints.tibia.l: X angle -20 outside the joint's limits [0, 150]");
  check(R"({"name": "x", "keyframes": [{"time": 0}, {"time": 0}]})",
        "m.json: at $.keyframes[1]: time 0 is not after the previous keyframe's 0");
  check(R"({"name": "x", "keyframes": [{"time": 0, "joints": {"tibia.l": [10, 0]}}]})",
        "m.json: at $.keyframes[0].joints.tibia.l: expected 3 numbers [x, y, z], found 2");
  check(R"({"name": "x", "keyframes": []})", "m.json: at $.keyframes: expected at least one keyframe");
  check(R"({"keyframes": []})", "m.json: at $: missing required field 'name'");
  auto missing = load_movement("/nonexistent/walk.json", s);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("/nonexistent/walk.json") == 0);
}

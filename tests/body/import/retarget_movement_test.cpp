// The pose library on a rig with fewer joints and another rest pose: each mapped segment of the rig
// points where the canonical segment points in the pose, however the rig stood when bound (arms out
// in a T) and however many spine joints it lacks.
#include <doctest/doctest.h>

#include "body/import/imported_body.h"

using namespace fascia;
using namespace fascia::body;

namespace {

vec3 direction(const std::vector<mat4>& world, const Skeleton& sk, const char* a, const char* b) {
  return glm::normalize(vec3(world[sk.find(b)][3]) - vec3(world[sk.find(a)][3]));
}

}  // namespace

TEST_CASE("retarget movement: a T-posed rig with a short spine follows the canonical segments") {
  const Skeleton canonical = make_skeleton({});
  Skeleton rig;
  rig.params.height = 1.6f;
  rig.joints = {{"pelvis", -1, vec3(0, 0.9f, 0)},
                {"lumbar_3", 0, vec3(0, 0.12f, 0)},
                {"thoracic_upper", 1, vec3(0, 0.3f, 0)},
                {"humerus.l", 2, vec3(0.18f, 0.05f, 0)},  // arms straight out to the side
                {"forearm.l", 3, vec3(0.28f, 0, 0)},
                {"hand.l", 4, vec3(0.25f, 0, 0)},
                {"twist", 3, vec3(0.1f, 0, 0)},  // a bone no table names, turning with its parent
                {"femur.l", 0, vec3(0.09f, -0.05f, 0)},
                {"tibia.l", 7, vec3(0, -0.42f, 0)},
                {"talus.l", 8, vec3(0, -0.4f, 0)}};
  Movement m;
  m.name = "test";
  m.key_time = {0.0f, 1.0f};
  m.key_root_offset = {vec3(0), vec3(0)};
  std::vector<vec3> rest(canonical.size(), vec3(0)), posed = rest;
  auto set = [&](const char* joint, vec3 a) {
    REQUIRE(canonical.find(joint) >= 0);
    posed[canonical.find(joint)] = a;
  };
  set("pelvis", {30, 0, 0});
  set("lumbar_5", {10, 0, 0});
  set("lumbar_4", {5, 0, 0});
  set("femur.l", {-105, 0, 8});
  set("tibia.l", {110, 0, 0});
  set("humerus.l", {-90, 0, 0});
  set("forearm.l", {60, 0, 0});
  m.key_angles = {rest, posed};
  const Movement r = retarget_movement(m, canonical, rig);
  REQUIRE(r.key_angles.size() == 2);
  REQUIRE(r.key_angles[1].size() == rig.size());

  for (int k = 0; k < 2; ++k) {
    CAPTURE(k);
    Pose pc, pr;
    for (const vec3& a : m.key_angles[k]) pc.local_rotation.push_back(rotation_from_degrees(a));
    for (const vec3& a : r.key_angles[k]) pr.local_rotation.push_back(rotation_from_degrees(a));
    const std::vector<mat4> wc = world_transforms(canonical, pc), wr = world_transforms(rig, pr);
    for (auto segment : {std::pair{"femur.l", "tibia.l"}, std::pair{"tibia.l", "talus.l"},
                         std::pair{"humerus.l", "forearm.l"}, std::pair{"forearm.l", "hand.l"}}) {
      // Plain locals: clang 14 cannot capture structured bindings in CAPTURE's lambda.
      const char* a = segment.first;
      const char* b = segment.second;
      CAPTURE(a);
      const float cos_angle = glm::dot(direction(wc, canonical, a, b), direction(wr, rig, a, b));
      CHECK(cos_angle > std::cos(glm::radians(1.0f)));
    }
    // The trunk leans as the canonical trunk does between pelvis and upper thorax.
    const vec3 trunk_c = direction(wc, canonical, "lumbar_3", "thoracic_upper");
    const vec3 trunk_r = direction(wr, rig, "lumbar_3", "thoracic_upper");
    CHECK(glm::dot(trunk_c, trunk_r) > std::cos(glm::radians(8.0f)));
  }
  // At the start the T-posed arm comes down to the canonical rest, at the side.
  CHECK(r.key_angles[0][3].z < -45.0f);
  // The unnamed bone keeps its place on the humerus: no rotation of its own.
  CHECK(glm::length(r.key_angles[1][6]) < 1e-3f);
}

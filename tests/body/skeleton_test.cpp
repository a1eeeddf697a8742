#include <doctest/doctest.h>

#include <set>

#include "body/skeleton.h"

using namespace fascia;
using namespace fascia::body;

namespace {
vec3 at(const Skeleton& s, const std::vector<vec3>& p, const char* name) {
  int i = s.find(name);
  REQUIRE_MESSAGE(i >= 0, name);
  return p[i];
}
}  // namespace

TEST_CASE("skeleton: the 68 canonical joints, unique, parents first") {
  Skeleton s = make_skeleton({});
  REQUIRE(s.size() == kCanonicalJointCount);
  std::set<std::string> names;
  for (size_t i = 0; i < s.size(); ++i) {
    names.insert(s.joints[i].name);
    CHECK(s.joints[i].parent < static_cast<int>(i));
    for (int a = 0; a < 3; ++a) CHECK(s.joints[i].limit_min_deg[a] <= s.joints[i].limit_max_deg[a]);
  }
  CHECK(names.size() == s.size());
  CHECK(s.joints[0].name == "pelvis");
  CHECK(s.joints[0].parent == -1);
  for (const char* n : {"lumbar_5", "thoracic_upper", "cervical_upper", "skull", "mandible", "clavicle.l",
                        "thumb_3.r", "little_3.l", "patella.r", "heel.l", "toes.r"})
    CHECK_MESSAGE(s.find(n) >= 0, n);
  CHECK(s.joints[s.find("tibia.l")].parent == s.find("femur.l"));
  CHECK(s.joints[s.find("midfoot.r")].parent == s.find("talus.r"));
  CHECK(s.find("tail") == -1);
}

TEST_CASE("skeleton: heights follow Winter's fractions of stature") {
  for (float h : {1.50f, 1.75f, 2.00f}) {
    Skeleton s = make_skeleton({h, 0.5f});
    auto p = s.rest_positions();
    CHECK(at(s, p, "femur.l").y == doctest::Approx(0.530 * h).epsilon(0.01));
    CHECK(at(s, p, "tibia.l").y == doctest::Approx(0.285 * h).epsilon(0.01));
    CHECK(at(s, p, "talus.l").y == doctest::Approx(0.039 * h).epsilon(0.01));
    CHECK(at(s, p, "forearm.r").y == doctest::Approx(0.630 * h).epsilon(0.01));
    CHECK(at(s, p, "hand.r").y == doctest::Approx(0.485 * h).epsilon(0.01));
    // Left is +X, right its mirror.
    CHECK(at(s, p, "humerus.l").x > 0.15f * h / 1.75f);
    CHECK(at(s, p, "humerus.r").x == doctest::Approx(-at(s, p, "humerus.l").x));
    // Toes in front of the heel, patella in front of the knee, spine behind the hips.
    CHECK(at(s, p, "toes.l").z > at(s, p, "heel.l").z + 0.1f * h);
    CHECK(at(s, p, "patella.l").z > at(s, p, "tibia.l").z + 0.02f);
    CHECK(at(s, p, "lumbar_3").z < at(s, p, "femur.l").z);
    // Thigh and leg lengths: 0.245 H and 0.246 H.
    CHECK(glm::length(at(s, p, "femur.l") - at(s, p, "tibia.l")) == doctest::Approx(0.245 * h).epsilon(0.02));
  }
}

TEST_CASE("skeleton: build widens the frame, height is unchanged") {
  auto slim = make_skeleton({1.75f, 0.0f}).rest_positions();
  auto broad = make_skeleton({1.75f, 1.0f}).rest_positions();
  Skeleton s = make_skeleton({});
  int hum = s.find("humerus.l");
  CHECK(broad[hum].x > slim[hum].x * 1.08f);
  CHECK(broad[hum].y == doctest::Approx(slim[hum].y));
  // Out-of-range parameters are clamped, not trusted.
  auto tall = make_skeleton({5.0f, 0.5f}).rest_positions();
  CHECK(tall[s.find("femur.l")].y == doctest::Approx(0.530f * 2.0f).epsilon(0.01));
}

TEST_CASE("skeleton: world transforms follow the chain, and knee flexion moves the ankle back") {
  Skeleton s = make_skeleton({});
  Pose pose = rest_pose(s);
  auto rest = world_transforms(s, pose);
  auto rp = s.rest_positions();
  for (size_t i = 0; i < s.size(); ++i) CHECK(glm::length(vec3(rest[i][3]) - rp[i]) < 1e-6f);

  int knee = s.find("tibia.l"), ankle = s.find("talus.l");
  pose.local_rotation[knee] = rotation_from_degrees({90, 0, 0});
  auto bent = world_transforms(s, pose);
  vec3 k = bent[knee][3], a = bent[ankle][3];
  CHECK(a.z < k.z - 0.3f);  // shank points backward
  CHECK(a.y == doctest::Approx(k.y).epsilon(0.05));
  CHECK(glm::length(a - k) == doctest::Approx(glm::length(rp[ankle] - rp[knee])).epsilon(1e-4));

  pose = rest_pose(s);
  pose.root_offset = {0, -0.1f, 0};
  auto moved = world_transforms(s, pose);
  CHECK(moved[ankle][3].y == doctest::Approx(rest[ankle][3].y - 0.1f));
}

TEST_CASE("skeleton: degrees round-trip through rotations") {
  for (vec3 d : {vec3(30, 0, 0), vec3(10, -20, 15), vec3(-60, 45, 80)}) {
    vec3 back = degrees_from_rotation(rotation_from_degrees(d));
    CHECK(back.x == doctest::Approx(d.x).epsilon(1e-3));
    CHECK(back.y == doctest::Approx(d.y).epsilon(1e-3));
    CHECK(back.z == doctest::Approx(d.z).epsilon(1e-3));
  }
}

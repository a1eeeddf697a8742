// The canonical figure for the importer, from the built-in skeleton and landmarks (body/skeleton.h,
// body/landmarks.h) at 1.75 m, in the rest pose: standing, arms at the sides, palms facing the thighs.
#include "body/import/canonical_reference.h"

#include <map>

#include "body/landmarks.h"
#include "body/skeleton.h"

namespace fascia::body::import_detail {
namespace {

constexpr float kStature = 1.75f;

std::vector<CanonicalJointRef> make_joint_list() {
  const Skeleton sk = make_skeleton(BodyParams{kStature, 0.5f});
  const std::vector<vec3> rest = sk.rest_positions();
  std::vector<CanonicalJointRef> out;
  for (size_t i = 0; i < sk.joints.size(); ++i) {
    const Joint& j = sk.joints[i];
    out.push_back({j.name, j.parent >= 0 ? sk.joints[j.parent].name : std::string(), rest[i]});
  }
  return out;
}

CanonicalReference make_reference() {
  CanonicalReference r;
  r.stature = kStature;
  r.joints = canonical_joint_list();
  const Skeleton sk = make_skeleton(BodyParams{kStature, 0.5f});
  const std::vector<mat4> world = world_transforms(sk, rest_pose(sk));
  for (const Landmark& l : make_landmarks(sk))
    if (l.joint >= 0 && l.joint < static_cast<int>(sk.joints.size()))
      r.landmarks.push_back({l.id, sk.joints[l.joint].name, landmark_world(l, world)});
  return r;
}

}  // namespace

const CanonicalJointRef* CanonicalReference::joint(std::string_view id) const {
  for (const auto& j : joints)
    if (j.id == id) return &j;
  return nullptr;
}

const std::vector<CanonicalJointRef>& canonical_joint_list() {
  static const std::vector<CanonicalJointRef> list = make_joint_list();
  return list;
}

const CanonicalReference& canonical_reference() {
  static const CanonicalReference r = make_reference();
  return r;
}

const std::vector<std::string>& core_joints() {
  static const std::vector<std::string> core = {"pelvis",    "skull",    "femur.l",   "femur.r",
                                                "tibia.l",   "tibia.r",  "humerus.l", "humerus.r",
                                                "forearm.l", "forearm.r"};
  return core;
}

const std::vector<std::string>& segment_end(std::string_view joint) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> ends = [] {
    std::map<std::string, std::vector<std::string>, std::less<>> m;
    const std::vector<std::string> spine = {
        "lumbar_5",       "lumbar_4",       "lumbar_3",       "lumbar_2",       "lumbar_1",
        "thoracic_lower", "thoracic_upper", "cervical_lower", "cervical_upper", "skull"};
    for (size_t i = 0; i + 1 < spine.size(); ++i)
      m[spine[i]] = {spine.begin() + static_cast<long>(i) + 1, spine.end()};
    for (const char* s : {".l", ".r"}) {
      auto id = [&](const char* base) { return std::string(base) + s; };
      m[id("clavicle")] = {id("humerus"), id("scapula")};
      m[id("scapula")] = {id("humerus")};
      m[id("humerus")] = {id("forearm"), id("hand")};
      m[id("forearm")] = {id("hand")};
      m[id("hand")] = {id("middle_1"), id("index_1"), id("ring_1"), id("little_1")};
      for (const char* f : {"thumb", "index", "middle", "ring", "little"}) {
        std::string b = std::string(f);
        m[b + "_1" + s] = {b + "_2" + s, b + "_3" + s};
        m[b + "_2" + s] = {b + "_3" + s};
      }
      m[id("femur")] = {id("tibia"), id("talus")};
      m[id("tibia")] = {id("talus")};
      m[id("talus")] = {id("toes"), id("metatarsals"), id("midfoot")};
      m[id("midfoot")] = {id("metatarsals"), id("toes")};
      m[id("metatarsals")] = {id("toes")};
    }
    return m;
  }();
  static const std::vector<std::string> none;
  auto it = ends.find(joint);
  return it == ends.end() ? none : it->second;
}

}  // namespace fascia::body::import_detail

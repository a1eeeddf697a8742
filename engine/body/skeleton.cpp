#include "body/skeleton.h"

#include <algorithm>
#include <cmath>

#include <glm/gtx/euler_angles.hpp>

namespace fascia::body {

namespace {

// One joint of the canonical table, for the left side or the midline. Positions are rest-pose world
// positions in fractions of stature H; x is scaled by the build's width factor.
struct JointSpec {
  const char* name;
  const char* parent;
  vec3 pos;  // fraction of H
  vec3 lo;   // limits, degrees (left side)
  vec3 hi;
  bool paired;
};

// Heights follow Winter (2009, fig. 4.1, after Drillis and Contini 1966): ankle 0.039 H, knee 0.285 H,
// hip 0.530 H, wrist 0.485 H, elbow 0.630 H, shoulder 0.818 H, chin 0.870 H; foot length 0.152 H,
// hand 0.108 H. Spinal levels are interpolated between them with the lumbar lordosis and the thoracic
// kyphosis in z.
// clang-format off
const JointSpec kJoints[] = {
  {"pelvis",          nullptr,          {0.000f, 0.555f, -0.012f}, {-30, -90, -30}, {60, 90, 30}, false},
  {"lumbar_5",        "pelvis",         {0.000f, 0.590f, -0.030f}, {-5, -2, -6}, {12, 2, 6}, false},
  {"lumbar_4",        "lumbar_5",       {0.000f, 0.610f, -0.023f}, {-5, -2, -6}, {12, 2, 6}, false},
  {"lumbar_3",        "lumbar_4",       {0.000f, 0.630f, -0.019f}, {-5, -2, -6}, {12, 2, 6}, false},
  {"lumbar_2",        "lumbar_3",       {0.000f, 0.650f, -0.020f}, {-5, -2, -6}, {12, 2, 6}, false},
  {"lumbar_1",        "lumbar_2",       {0.000f, 0.670f, -0.024f}, {-5, -2, -6}, {12, 2, 6}, false},
  {"thoracic_lower",  "lumbar_1",       {0.000f, 0.690f, -0.029f}, {-10, -15, -15}, {25, 15, 15}, false},
  {"thoracic_upper",  "thoracic_lower", {0.000f, 0.765f, -0.041f}, {-10, -15, -10}, {20, 15, 10}, false},
  {"cervical_lower",  "thoracic_upper", {0.000f, 0.836f, -0.036f}, {-25, -25, -15}, {25, 25, 15}, false},
  {"cervical_upper",  "cervical_lower", {0.000f, 0.870f, -0.026f}, {-30, -35, -20}, {30, 35, 20}, false},
  {"skull",           "cervical_upper", {0.000f, 0.907f, -0.018f}, {-20, -10, -8}, {25, 10, 8}, false},
  {"mandible",        "skull",          {0.000f, 0.922f, 0.004f},  {0, -5, -5}, {30, 5, 5}, false},

  {"clavicle",        "thoracic_upper", {0.014f, 0.812f, 0.022f},  {-10, -25, -10}, {30, 25, 40}, true},
  {"scapula",         "clavicle",       {0.098f, 0.824f, -0.004f}, {-15, -20, -15}, {15, 20, 30}, true},
  {"humerus",         "scapula",        {0.102f, 0.806f, -0.006f}, {-180, -90, -30}, {60, 70, 180}, true},
  {"forearm",         "humerus",        {0.110f, 0.630f, -0.014f}, {-150, -85, -5}, {0, 90, 5}, true},
  {"hand",            "forearm",        {0.106f, 0.485f, 0.002f},  {-20, -5, -80}, {30, 5, 70}, true},
  {"thumb_1",         "hand",           {0.100f, 0.473f, 0.014f},  {-40, -30, -50}, {40, 30, 30}, true},
  {"thumb_2",         "thumb_1",        {0.097f, 0.449f, 0.028f},  {-5, -5, -60}, {5, 5, 10}, true},
  {"thumb_3",         "thumb_2",        {0.095f, 0.432f, 0.034f},  {-5, -5, -80}, {5, 5, 20}, true},
  {"index_1",         "hand",           {0.103f, 0.430f, 0.013f},  {-20, -5, -90}, {20, 5, 30}, true},
  {"index_2",         "index_1",        {0.102f, 0.406f, 0.015f},  {-3, -3, -110}, {3, 3, 0}, true},
  {"index_3",         "index_2",        {0.101f, 0.392f, 0.016f},  {-3, -3, -80}, {3, 3, 5}, true},
  {"middle_1",        "hand",           {0.104f, 0.427f, 0.004f},  {-20, -5, -90}, {20, 5, 30}, true},
  {"middle_2",        "middle_1",       {0.104f, 0.400f, 0.004f},  {-3, -3, -110}, {3, 3, 0}, true},
  {"middle_3",        "middle_2",       {0.104f, 0.384f, 0.004f},  {-3, -3, -80}, {3, 3, 5}, true},
  {"ring_1",          "hand",           {0.103f, 0.429f, -0.005f}, {-20, -5, -90}, {20, 5, 30}, true},
  {"ring_2",          "ring_1",         {0.103f, 0.405f, -0.006f}, {-3, -3, -110}, {3, 3, 0}, true},
  {"ring_3",          "ring_2",         {0.103f, 0.390f, -0.006f}, {-3, -3, -80}, {3, 3, 5}, true},
  {"little_1",        "hand",           {0.101f, 0.434f, -0.014f}, {-20, -5, -90}, {20, 5, 30}, true},
  {"little_2",        "little_1",       {0.101f, 0.416f, -0.015f}, {-3, -3, -110}, {3, 3, 0}, true},
  {"little_3",        "little_2",       {0.101f, 0.405f, -0.015f}, {-3, -3, -80}, {3, 3, 5}, true},

  {"femur",           "pelvis",         {0.049f, 0.530f, 0.000f},  {-125, -45, -25}, {20, 45, 45}, true},
  {"patella",         "femur",          {0.047f, 0.292f, 0.030f},  {-10, -2, -2}, {10, 2, 2}, true},
  {"tibia",           "femur",          {0.046f, 0.285f, 0.002f},  {0, -30, -3}, {150, 30, 3}, true},
  {"talus",           "tibia",          {0.044f, 0.039f, -0.008f}, {-40, -10, -5}, {50, 10, 5}, true},
  {"heel",            "talus",          {0.044f, 0.020f, -0.022f}, {-5, -5, -25}, {5, 5, 10}, true},
  {"midfoot",         "talus",          {0.049f, 0.030f, 0.020f},  {-10, -10, -10}, {15, 10, 10}, true},
  {"metatarsals",     "midfoot",        {0.052f, 0.023f, 0.047f},  {-5, -5, -5}, {10, 5, 5}, true},
  {"toes",            "metatarsals",    {0.057f, 0.011f, 0.093f},  {-70, -5, -10}, {40, 5, 10}, true},
};
// clang-format on

std::string sided(const char* name, bool paired, char side) {
  std::string s = name;
  if (paired) {
    s += '.';
    s += side;
  }
  return s;
}

}  // namespace

BodyParams clamp_params(BodyParams p) {
  if (!std::isfinite(p.height)) p.height = 1.75f;
  if (!std::isfinite(p.build)) p.build = 0.5f;
  p.height = std::clamp(p.height, 1.50f, 2.00f);
  p.build = std::clamp(p.build, 0.0f, 1.0f);
  return p;
}

int Skeleton::find(std::string_view name) const {
  for (size_t i = 0; i < joints.size(); ++i)
    if (joints[i].name == name) return static_cast<int>(i);
  return -1;
}

std::vector<vec3> Skeleton::rest_positions() const {
  std::vector<mat4> world = world_transforms(*this, Pose{});
  std::vector<vec3> out(joints.size());
  for (size_t i = 0; i < joints.size(); ++i) out[i] = vec3(world[i][3]);
  return out;
}

bool on_arm(std::string_view joint) {
  for (const char* p : {"humerus", "forearm", "hand", "thumb", "index", "middle", "ring", "little"})
    if (joint.starts_with(p)) return true;
  return false;
}

vec3 abduct_arm(vec3 p, float side, const BodyParams& params) {
  // The table's arms hang straight; the rest pose holds them 4 degrees out from the trunk so that
  // the hands and forearms stand clear of the thighs and waist.
  const float width = skeletal_width(params);
  const vec3 shoulder(side * 0.102f * params.height * width, 0.806f * params.height, -0.006f * params.height);
  const float a = glm::radians(8.0f) * side;
  const vec3 d = p - shoulder;
  return shoulder + vec3(d.x * std::cos(a) - d.y * std::sin(a), d.x * std::sin(a) + d.y * std::cos(a), d.z);
}

float skeletal_width(const BodyParams& p) {
  return 0.94f + 0.12f * clamp_params(p).build;
}

Skeleton make_skeleton(const BodyParams& raw) {
  const BodyParams p = clamp_params(raw);
  const float h = p.height;
  // Skeletal breadth varies less than soft tissue: +-6 % over the build range.
  const float width = skeletal_width(p);

  Skeleton s;
  s.params = p;
  std::vector<vec3> world;
  // Midline and left joints in table order, then the right side's mirror of each paired joint, so
  // that parents always precede children.
  for (char side : {'l', 'r'}) {
    for (const JointSpec& spec : kJoints) {
      if (side == 'r' && !spec.paired) continue;
      Joint j;
      j.name = sided(spec.name, spec.paired, side);
      vec3 pos = spec.pos * h;
      pos.x *= width;
      j.limit_min_deg = spec.lo;
      j.limit_max_deg = spec.hi;
      if (on_arm(spec.name)) pos = abduct_arm(pos, 1.0f, p);
      if (side == 'r') {
        pos.x = -pos.x;
        j.limit_min_deg = {spec.lo.x, -spec.hi.y, -spec.hi.z};
        j.limit_max_deg = {spec.hi.x, -spec.lo.y, -spec.lo.z};
      }
      if (spec.parent) {
        const JointSpec* ps = nullptr;
        for (const JointSpec& q : kJoints)
          if (std::string_view(q.name) == spec.parent) ps = &q;
        j.parent = s.find(sided(ps->name, ps->paired, side));
        j.rest_local = pos - world[j.parent];
      } else {
        j.rest_local = pos;
      }
      world.push_back(pos);
      s.joints.push_back(std::move(j));
    }
  }
  return s;
}

Pose rest_pose(const Skeleton& skeleton) {
  Pose pose;
  pose.local_rotation.assign(skeleton.size(), quat(1.0f, 0.0f, 0.0f, 0.0f));
  return pose;
}

quat rotation_from_degrees(vec3 d) {
  const vec3 r = glm::radians(d);
  return glm::angleAxis(r.y, vec3(0, 1, 0)) * glm::angleAxis(r.z, vec3(0, 0, 1)) *
         glm::angleAxis(r.x, vec3(1, 0, 0));
}

vec3 degrees_from_rotation(quat q) {
  float y = 0, z = 0, x = 0;
  glm::extractEulerAngleYZX(glm::mat4_cast(glm::normalize(q)), y, z, x);
  return glm::degrees(vec3(x, y, z));
}

std::vector<mat4> world_transforms(const Skeleton& skeleton, const Pose& pose) {
  const size_t n = skeleton.size();
  std::vector<mat4> world(n);
  for (size_t i = 0; i < n; ++i) {
    const Joint& j = skeleton.joints[i];
    quat local = j.rest_rotation;
    if (i < pose.local_rotation.size()) local = local * pose.local_rotation[i];
    vec3 offset = j.rest_local;
    if (j.parent < 0) offset += pose.root_offset;
    mat4 m = glm::translate(mat4(1.0f), offset) * glm::mat4_cast(local);
    world[i] = j.parent < 0 ? m : world[j.parent] * m;
  }
  return world;
}

}  // namespace fascia::body

#include "sim/pose_library.h"

#include <algorithm>
#include <filesystem>

#include "body/movement.h"
#include "sim/joint_ranges.h"

namespace fascia::sim {
namespace {

constexpr double kRad = 0.017453292519943295;

const body::Skeleton& skeleton() {
  static const body::Skeleton s = body::make_skeleton({});
  return s;
}

// The hinge that carries skeleton joint j, or -1.
int carrying_hinge(const Model& m, int j) {
  const auto& joints = skeleton().joints;
  for (int a = j; a >= 0; a = joints[size_t(a)].parent) {
    int h = find_hinge(m, joints[size_t(a)].name);
    if (h >= 0) return h;
  }
  for (size_t k = size_t(j) + 1; k < joints.size(); ++k) {  // parents precede children
    int h = find_hinge(m, joints[k].name);
    if (h < 0) continue;
    for (int a = joints[k].parent; a >= 0; a = joints[size_t(a)].parent) {
      if (a == j) return h;
    }
  }
  return -1;
}

}  // namespace

std::vector<std::string> library_pose_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(body::poses_dir(), ec)) {
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::vector<PoseHold>> pose_holds(const Model& m, const std::string& name) {
  auto names = library_pose_names();
  if (name == "neutral" && names.empty()) return std::vector<PoseHold>{};  // no library: standing is no holds
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return bad_input("--pose: unknown pose '" + name + "' (known: " + known + ")");
  }
  auto mv = body::load_movement(body::poses_dir() / (name + ".json"), skeleton());
  if (!mv) return mv.error();
  if (mv->key_angles.empty()) return std::vector<PoseHold>{};
  const std::vector<vec3>& angles = mv->loop ? mv->key_angles.front() : mv->key_angles.back();
  const std::vector<mat4> rest = body::world_transforms(skeleton(), body::rest_pose(skeleton()));
  std::vector<double> q(m.nhinge, 0.0);
  std::vector<uint8_t> touched(m.nhinge, 0);
  for (size_t j = 0; j < angles.size() && j < skeleton().joints.size(); ++j) {
    if (skeleton().joints[j].parent < 0 || angles[j] == vec3(0.0f)) continue;
    int h = carrying_hinge(m, int(j));
    if (h < 0) continue;
    vec3 w = mat3(rest[j]) * angles[j];  // degrees about world axes
    q[size_t(h)] +=
        (w.x * m.hinge_axis[3 * h] + w.y * m.hinge_axis[3 * h + 1] + w.z * m.hinge_axis[3 * h + 2]) * kRad;
    touched[size_t(h)] = 1;
  }
  std::vector<PoseHold> holds;
  for (int h = 0; h < m.nhinge; ++h) {
    if (!touched[size_t(h)]) continue;
    HoldRange r = hold_range(m, h);
    holds.push_back({h, std::clamp(q[size_t(h)], r.min, r.max)});
  }
  return holds;
}

}  // namespace fascia::sim

#include "sim/joint_ranges.h"

namespace fascia::sim {
namespace {

constexpr double kRad = 0.017453292519943295;

struct Range {
  const char* hinge;          // without the side
  double negative, positive;  // deg, each as a positive number
};
// Positive is the hinge's named motion (model.hinge_motion): flexion, or dorsiflexion at the talus,
// extension at the toes. The thoracolumbar figures (flexion 80°, extension 30°) and the cervical ones
// (flexion 45-50°, extension 60-75°) are shared among the hinges of the region.
constexpr Range kRanges[] = {
    {"talus", 50, 20},     // plantarflexion 50°, dorsiflexion 20°
    {"tibia", 5, 140},     // knee extension 0 (a little hyperextension), flexion 135-140°
    {"femur", 30, 120},    // hip extension 20-30°, flexion 120° with the knee bent
    {"toes", 40, 70},      // first MTP flexion 45°, extension 70°
    {"lumbar_3", 20, 50},  // of thoracolumbar extension 30°, flexion 80°
    {"thoracic_lower", 5, 15},  {"thoracic_upper", 5, 15},
    {"cervical_lower", 25, 20},  // of cervical extension 70°, flexion 47°
    {"cervical_upper", 25, 15}, {"skull", 20, 12},
    {"humerus", 60, 180},  // shoulder extension 60°, flexion 180°
    {"forearm", 5, 150},   // elbow extension 0, flexion 150°
    {"hand", 70, 80},      // wrist extension 70°, flexion 80°
};

std::string without_side(const std::string& id) {
  if (id.size() > 2 && (id.ends_with(".l") || id.ends_with(".r"))) return id.substr(0, id.size() - 2);
  return id;
}

}  // namespace

bool clinical_range(const std::string& hinge, HoldRange* range) {
  const std::string base = without_side(hinge);
  for (const Range& r : kRanges) {
    if (base != r.hinge) continue;
    *range = {-r.negative * kRad, r.positive * kRad};
    return true;
  }
  return false;
}

HoldRange hold_range(const Model& m, int hinge) {
  if (m.hinge_range[2 * hinge] != 0 || m.hinge_range[2 * hinge + 1] != 0) {
    return {m.hinge_range[2 * hinge], m.hinge_range[2 * hinge + 1]};
  }
  HoldRange r{-60 * kRad, 60 * kRad};
  clinical_range(m.hinge_name[hinge], &r);
  return r;
}

std::vector<double> range_shares(const Model& m, const std::vector<int>& hinges, int direction) {
  std::vector<double> share;
  double total = 0;
  for (int h : hinges) {
    HoldRange r = hold_range(m, h);
    share.push_back(direction < 0 ? -r.min : r.max);
    total += share.back();
  }
  for (double& s : share) s = total > 0 ? s / total : 1.0 / double(hinges.size());
  return share;
}

}  // namespace fascia::sim

#include "sim/tissue_limits.h"

#include <algorithm>

namespace fascia::sim {
namespace {

// Mean failure loads of human tissue in tensile tests to failure.
constexpr TissueLimit kLimits[] = {
    {"plantar_fascia", 1189, 244, "Kitaoka 1994, Foot Ankle Int 15:557: plantar aponeurosis, 1189 ± 244 N"},
    {"achilles_tendon", 1189, 0,
     "Louis-Ugbo 2004, Clin Anat 17:30: fresh calcaneal tendons, mean 1189 N (range 360-1965)"},
    {"patellar_tendon", 2900, 260,
     "Noyes 1984, J Bone Joint Surg Am 66:344: 14-15 mm bone-patellar tendon-bone graft, 2900 ± 260 N (the "
     "whole tendon is wider and stronger)"},
    {"semitendinosus", 1216, 50, "Noyes 1984: semitendinosus tendon, 1216 ± 50 N (70 % of the ACL's 1725 N)"},
    // No failure test of the biceps femoris tendon found: the other hamstring's figure (derived).
    {"biceps_femoris", 1216, 50, "derived: the semitendinosus's (Noyes 1984), no test of its own found"},
};
constexpr TissueLimit kDefault = {"", 1189, 244,
                                  "no failure load found: the weakest cited, the plantar aponeurosis's"};

std::string_view base(std::string_view id) {
  if (id.size() > 2 && (id.ends_with(".l") || id.ends_with(".r"))) id.remove_suffix(2);
  return id;
}

}  // namespace

const TissueLimit& tissue_limit(std::string_view tissue) {
  std::string_view b = base(tissue);
  for (const TissueLimit& l : kLimits)
    if (l.tissue == b) return l;
  return kDefault;
}

bool has_own_limit(std::string_view tissue) {
  return &tissue_limit(tissue) != &kDefault;
}

double track_force_bound(const Model& m, int track) {
  if (track < 0 || track >= m.ntrack) return kDefault.bound_N();
  // The tissues with a measured failure load bound the track (the tendon a passive muscle belly
  // ends in carries the whole track's tension); a track without any gets the default.
  double bound = 0;
  for (const std::string& t : m.track_tissues[size_t(track)]) {
    if (!has_own_limit(t)) continue;
    double b = tissue_limit(t).bound_N();
    bound = bound > 0 ? std::min(bound, b) : b;
  }
  return bound > 0 ? bound : kDefault.bound_N();
}

}  // namespace fascia::sim

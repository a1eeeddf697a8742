// Landmark and tissue ids from the body library, plus those the atlas added to docs/ids.md that the
// body does not carry yet. tests/atlas/ids_test.cpp fails when either drifts from docs/ids.md.
#include "atlas/ids.h"

#include <algorithm>
#include <array>

#include "body/landmarks.h"
#include "body/muscles.h"

namespace fascia::atlas {
namespace {

// Landmarks the atlas added to docs/ids.md ("Added by the atlas"); used while the body lacks them.
const LandmarkId kAtlasLandmarks[] = {
    {"umbilicus", "lumbar_3", false, false},
    {"scalp_vertex", "skull", false, false},
};

// Tissues of docs/ids.md on the midline (all others are paired).
constexpr std::string_view kMidlineTissues[] = {"anterior_longitudinal_ligament",
                                                "diaphragm",
                                                "galea_aponeurotica",
                                                "linea_alba",
                                                "pelvic_floor",
                                                "scalp_fascia",
                                                "sternalis_fascia"};

// Tissues the atlas added to docs/ids.md ("Added by the atlas") that the body may not carry yet.
constexpr std::string_view kAtlasTissues[] = {"radial_collateral_ligament", "ulnar_collateral_ligament"};

std::vector<TissueId> build_tissue_ids() {
  std::vector<TissueId> out;
  auto add = [&](std::string_view id, bool from_body) {
    if (std::any_of(out.begin(), out.end(), [&](const TissueId& t) { return t.id == id; })) return;
    bool midline =
        std::find(std::begin(kMidlineTissues), std::end(kMidlineTissues), id) != std::end(kMidlineTissues);
    out.push_back({std::string(id), !midline, from_body});
  };
  for (const std::string& id : body::tissue_ids()) add(id, true);
  for (std::string_view id : kAtlasTissues) add(id, false);
  return out;
}

std::string strip_side(const std::string& id) {
  bool sided = id.size() > 2 && id[id.size() - 2] == '.' && (id.back() == 'l' || id.back() == 'r');
  return sided ? id.substr(0, id.size() - 2) : id;
}

std::vector<LandmarkId> build_landmark_ids() {
  body::Skeleton skeleton = body::make_skeleton({});
  std::vector<LandmarkId> out;
  for (const body::Landmark& l : body::make_landmarks(skeleton)) {
    std::string base = strip_side(l.id);
    if (std::any_of(out.begin(), out.end(), [&](const LandmarkId& x) { return x.id == base; })) continue;
    std::string joint = l.joint >= 0 ? strip_side(skeleton.joints[size_t(l.joint)].name) : "";
    out.push_back({base, joint, base != l.id, true});
  }
  for (const LandmarkId& a : kAtlasLandmarks) {
    if (std::none_of(out.begin(), out.end(), [&](const LandmarkId& x) { return x.id == a.id; }))
      out.push_back(a);
  }
  return out;
}

}  // namespace

const std::vector<LandmarkId>& landmark_ids() {
  static const std::vector<LandmarkId> ids = build_landmark_ids();
  return ids;
}

const std::vector<TissueId>& tissue_ids() {
  static const std::vector<TissueId> ids = build_tissue_ids();
  return ids;
}

const LandmarkId* find_landmark(std::string_view id) {
  const auto& all = landmark_ids();
  auto it = std::find_if(all.begin(), all.end(), [&](const LandmarkId& l) { return l.id == id; });
  return it == all.end() ? nullptr : &*it;
}

const TissueId* find_tissue(std::string_view id) {
  const auto& all = tissue_ids();
  auto it = std::find_if(all.begin(), all.end(), [&](const TissueId& t) { return t.id == id; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace fascia::atlas

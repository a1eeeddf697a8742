// Landmark ids from the body library; tissue ids generated from docs/ids.md (the body has no tissue
// table yet). tests/atlas/ids_test.cpp fails when either drifts from docs/ids.md.
#include "atlas/ids.h"

#include <algorithm>
#include <array>

#include "body/landmarks.h"

namespace fascia::atlas {
namespace {

// Landmarks the atlas added to docs/ids.md ("Added by the atlas"); used while the body lacks them.
const LandmarkId kAtlasLandmarks[] = {
    {"umbilicus", "lumbar_3", false, false},
    {"scalp_vertex", "skull", false, false},
};

constexpr std::array kTissues = {
    TissueId{"achilles_tendon", true},
    TissueId{"adductor_brevis", true},
    TissueId{"adductor_longus", true},
    TissueId{"adductor_magnus", true},
    TissueId{"anterior_fibular_head_ligament", true},
    TissueId{"anterior_longitudinal_ligament", false},
    TissueId{"biceps_brachii", true},
    TissueId{"biceps_femoris", true},
    TissueId{"coracobrachialis", true},
    TissueId{"deltoid", true},
    TissueId{"diaphragm", false},
    TissueId{"erector_spinae", true},
    TissueId{"extensor_digitorum_longus", true},
    TissueId{"external_oblique", true},
    TissueId{"fibularis_brevis", true},
    TissueId{"fibularis_longus", true},
    TissueId{"flexor_digitorum_brevis", true},
    TissueId{"flexor_digitorum_longus", true},
    TissueId{"forearm_extensors", true},
    TissueId{"forearm_flexors", true},
    TissueId{"galea_aponeurotica", false},
    TissueId{"gastrocnemius", true},
    TissueId{"gluteus_maximus", true},
    TissueId{"hypothenar_muscles", true},
    TissueId{"iliacus", true},
    TissueId{"iliotibial_tract", true},
    TissueId{"infrahyoids", true},
    TissueId{"infraspinatus", true},
    TissueId{"intercostals", true},
    TissueId{"internal_oblique", true},
    TissueId{"lateral_intermuscular_septum", true},
    TissueId{"latissimus_dorsi", true},
    TissueId{"levator_scapulae", true},
    TissueId{"linea_alba", false},
    TissueId{"longus_colli", true},
    TissueId{"medial_intermuscular_septum", true},
    TissueId{"patellar_tendon", true},
    TissueId{"pectineus", true},
    TissueId{"pectoralis_major", true},
    TissueId{"pectoralis_minor", true},
    TissueId{"pelvic_floor", false},
    TissueId{"plantar_fascia", true},
    TissueId{"popliteus", true},
    TissueId{"psoas", true},
    TissueId{"radial_periosteum", true},
    TissueId{"rectus_abdominis", true},
    TissueId{"rectus_femoris", true},
    TissueId{"rhomboids", true},
    TissueId{"sacrotuberous_ligament", true},
    TissueId{"sartorius", true},
    TissueId{"scalenes", true},
    TissueId{"scalp_fascia", false},
    TissueId{"semimembranosus", true},
    TissueId{"semitendinosus", true},
    TissueId{"serratus_anterior", true},
    TissueId{"splenius_capitis", true},
    TissueId{"splenius_cervicis", true},
    TissueId{"sternalis_fascia", false},
    TissueId{"sternocleidomastoid", true},
    TissueId{"suprahyoids", true},
    TissueId{"tensor_fasciae_latae", true},
    TissueId{"teres_minor", true},
    TissueId{"thenar_muscles", true},
    TissueId{"thoracolumbar_fascia", true},
    TissueId{"tibialis_anterior", true},
    TissueId{"tibialis_posterior", true},
    TissueId{"transversus_thoracis", true},
    TissueId{"trapezius", true},
    TissueId{"triceps_brachii", true},
    TissueId{"ulnar_periosteum", true},
    TissueId{"vastus_lateralis", true},
    TissueId{"radial_collateral_ligament", true},
    TissueId{"ulnar_collateral_ligament", true},
};

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
    if (std::none_of(out.begin(), out.end(), [&](const LandmarkId& x) { return x.id == a.id; })) out.push_back(a);
  }
  return out;
}

}  // namespace

const std::vector<LandmarkId>& landmark_ids() {
  static const std::vector<LandmarkId> ids = build_landmark_ids();
  return ids;
}

std::span<const TissueId> tissue_ids() { return kTissues; }

const LandmarkId* find_landmark(std::string_view id) {
  const auto& all = landmark_ids();
  auto it = std::find_if(all.begin(), all.end(), [&](const LandmarkId& l) { return l.id == id; });
  return it == all.end() ? nullptr : &*it;
}

const TissueId* find_tissue(std::string_view id) {
  auto it = std::find_if(kTissues.begin(), kTissues.end(), [&](const TissueId& t) { return t.id == id; });
  return it == kTissues.end() ? nullptr : &*it;
}

}  // namespace fascia::atlas

// PROVISIONAL canonical figure for the importer (see canonical_reference.h): a 1.75 m adult standing,
// arms at the sides, palms facing the thighs. Joint heights follow Winter's fractions of stature
// (ankle 0.039 H, knee 0.285 H, hip 0.530 H, shoulder 0.818 H); landmarks sit where the anatomy is,
// to a centimetre or two. Paired entries are written for the left side (+X) and mirrored.
#include "body/import/canonical_reference.h"

#include <map>

namespace fascia::body::import_detail {
namespace {

struct Entry {
  const char* id;
  const char* parent;  // joint parent, or the landmark's joint
  float x, y, z;
  bool paired;
};

// Joints, parent first.
constexpr Entry kJoints[] = {
    {"pelvis", "", 0.0f, 0.96f, 0.0f, false},
    {"lumbar_5", "pelvis", 0.0f, 1.02f, -0.035f, false},
    {"lumbar_4", "lumbar_5", 0.0f, 1.05f, -0.035f, false},
    {"lumbar_3", "lumbar_4", 0.0f, 1.08f, -0.035f, false},
    {"lumbar_2", "lumbar_3", 0.0f, 1.11f, -0.035f, false},
    {"lumbar_1", "lumbar_2", 0.0f, 1.14f, -0.04f, false},
    {"thoracic_lower", "lumbar_1", 0.0f, 1.17f, -0.045f, false},
    {"thoracic_upper", "thoracic_lower", 0.0f, 1.31f, -0.06f, false},
    {"cervical_lower", "thoracic_upper", 0.0f, 1.45f, -0.05f, false},
    {"cervical_upper", "cervical_lower", 0.0f, 1.52f, -0.03f, false},
    {"skull", "cervical_upper", 0.0f, 1.58f, -0.01f, false},
    {"mandible", "skull", 0.0f, 1.585f, 0.01f, false},
    {"clavicle", "thoracic_upper", 0.02f, 1.43f, 0.05f, true},
    {"scapula", "clavicle", 0.16f, 1.45f, -0.005f, true},
    {"humerus", "scapula", 0.18f, 1.42f, 0.0f, true},
    {"forearm", "humerus", 0.20f, 1.11f, -0.02f, true},
    {"hand", "forearm", 0.21f, 0.85f, 0.0f, true},
    {"thumb_1", "hand", 0.20f, 0.83f, 0.03f, true},
    {"thumb_2", "thumb_1", 0.195f, 0.80f, 0.05f, true},
    {"thumb_3", "thumb_2", 0.19f, 0.77f, 0.06f, true},
    {"index_1", "hand", 0.205f, 0.755f, 0.035f, true},
    {"index_2", "index_1", 0.205f, 0.71f, 0.035f, true},
    {"index_3", "index_2", 0.205f, 0.685f, 0.035f, true},
    {"middle_1", "hand", 0.21f, 0.75f, 0.012f, true},
    {"middle_2", "middle_1", 0.21f, 0.70f, 0.012f, true},
    {"middle_3", "middle_2", 0.21f, 0.67f, 0.012f, true},
    {"ring_1", "hand", 0.21f, 0.755f, -0.01f, true},
    {"ring_2", "ring_1", 0.21f, 0.71f, -0.01f, true},
    {"ring_3", "ring_2", 0.21f, 0.68f, -0.01f, true},
    {"little_1", "hand", 0.205f, 0.765f, -0.03f, true},
    {"little_2", "little_1", 0.205f, 0.73f, -0.03f, true},
    {"little_3", "little_2", 0.205f, 0.705f, -0.03f, true},
    {"femur", "pelvis", 0.085f, 0.91f, 0.0f, true},
    {"patella", "femur", 0.09f, 0.51f, 0.05f, true},
    {"tibia", "femur", 0.09f, 0.50f, 0.0f, true},
    {"talus", "tibia", 0.095f, 0.08f, -0.01f, true},
    {"heel", "talus", 0.095f, 0.04f, -0.05f, true},
    {"midfoot", "talus", 0.10f, 0.05f, 0.04f, true},
    {"metatarsals", "midfoot", 0.105f, 0.035f, 0.08f, true},
    {"toes", "metatarsals", 0.11f, 0.02f, 0.16f, true},
};

constexpr Entry kLandmarks[] = {
    // Foot.
    {"toes_plantar", "toes", 0.11f, 0.005f, 0.17f, true},
    {"toes_dorsal", "toes", 0.11f, 0.035f, 0.17f, true},
    {"calcaneus", "heel", 0.095f, 0.025f, -0.075f, true},
    {"plantar_tarsals", "midfoot", 0.10f, 0.01f, 0.04f, true},
    {"metatarsal_base_1", "metatarsals", 0.075f, 0.04f, 0.06f, true},
    {"metatarsal_base_5", "metatarsals", 0.135f, 0.025f, 0.05f, true},
    // Leg and knee.
    {"tibial_tuberosity", "tibia", 0.09f, 0.44f, 0.045f, true},
    {"patella", "patella", 0.09f, 0.51f, 0.055f, true},
    {"fibular_head", "tibia", 0.13f, 0.46f, -0.01f, true},
    {"lateral_tibial_condyle", "tibia", 0.125f, 0.48f, 0.01f, true},
    {"medial_tibial_condyle", "tibia", 0.055f, 0.48f, 0.01f, true},
    {"posterior_tibia_fibula_upper", "tibia", 0.09f, 0.43f, -0.035f, true},
    {"femoral_condyles", "femur", 0.09f, 0.52f, -0.03f, true},
    {"medial_femoral_epicondyle", "femur", 0.045f, 0.52f, 0.0f, true},
    {"linea_aspera", "femur", 0.09f, 0.72f, -0.03f, true},
    {"femur_shaft_lateral", "femur", 0.125f, 0.72f, 0.0f, true},
    {"lesser_trochanter", "femur", 0.075f, 0.85f, -0.02f, true},
    {"greater_trochanter", "femur", 0.15f, 0.90f, -0.01f, true},
    // Pelvis.
    {"asis", "pelvis", 0.12f, 1.00f, 0.07f, true},
    {"aiis", "pelvis", 0.105f, 0.96f, 0.06f, true},
    {"psis", "pelvis", 0.045f, 1.03f, -0.09f, true},
    {"iliac_crest", "pelvis", 0.15f, 1.06f, 0.0f, true},
    {"ischial_tuberosity", "pelvis", 0.06f, 0.83f, -0.06f, true},
    {"ischial_ramus", "pelvis", 0.04f, 0.84f, -0.02f, true},
    {"pubic_tubercle", "pelvis", 0.02f, 0.88f, 0.075f, true},
    {"sacrum", "pelvis", 0.0f, 0.98f, -0.10f, false},
    {"coccyx", "pelvis", 0.0f, 0.88f, -0.09f, false},
    {"pubic_symphysis", "pelvis", 0.0f, 0.88f, 0.08f, false},
    // Spine.
    {"lumbar_bodies", "lumbar_3", 0.0f, 1.08f, 0.0f, false},
    {"lumbar_transverse_processes", "lumbar_3", 0.05f, 1.08f, -0.06f, true},
    {"thoracic_spinous_processes", "thoracic_lower", 0.0f, 1.22f, -0.13f, false},
    {"upper_thoracic_spinous_processes", "thoracic_upper", 0.0f, 1.38f, -0.12f, false},
    {"cervical_transverse_processes", "cervical_upper", 0.035f, 1.52f, -0.03f, true},
    {"nuchal_ligament", "cervical_upper", 0.0f, 1.52f, -0.08f, false},
    // Thorax.
    {"manubrium", "thoracic_upper", 0.0f, 1.40f, 0.08f, false},
    {"posterior_manubrium", "thoracic_upper", 0.0f, 1.40f, 0.06f, false},
    {"xiphoid", "thoracic_lower", 0.0f, 1.20f, 0.12f, false},
    {"rib_1_2", "thoracic_upper", 0.06f, 1.40f, 0.05f, true},
    {"ribs_3_5", "thoracic_upper", 0.07f, 1.30f, 0.11f, true},
    {"rib_5", "thoracic_upper", 0.09f, 1.25f, 0.11f, true},
    {"ribs_5_6_cartilage", "thoracic_upper", 0.05f, 1.24f, 0.12f, true},
    {"lateral_ribs", "thoracic_lower", 0.15f, 1.22f, 0.0f, true},
    {"lower_ribs", "thoracic_lower", 0.13f, 1.12f, 0.03f, true},
    {"costal_cartilages", "thoracic_lower", 0.08f, 1.17f, 0.11f, true},
    // Head and neck.
    {"occipital_ridge", "skull", 0.0f, 1.62f, -0.09f, false},
    {"basilar_occiput", "skull", 0.0f, 1.585f, -0.005f, false},
    {"brow_ridge", "skull", 0.0f, 1.69f, 0.09f, false},
    {"hyoid", "cervical_upper", 0.0f, 1.50f, 0.05f, false},
    {"mandible", "mandible", 0.0f, 1.52f, 0.09f, false},
    {"mastoid_process", "skull", 0.055f, 1.59f, -0.03f, true},
    // Shoulder girdle.
    {"clavicle_medial", "clavicle", 0.025f, 1.425f, 0.06f, true},
    {"clavicle_lateral", "clavicle", 0.15f, 1.45f, 0.02f, true},
    {"acromion", "scapula", 0.175f, 1.455f, 0.0f, true},
    {"scapular_spine", "scapula", 0.11f, 1.42f, -0.09f, true},
    {"coracoid_process", "scapula", 0.14f, 1.41f, 0.04f, true},
    {"scapula_medial_border", "scapula", 0.08f, 1.33f, -0.10f, true},
    // Arm.
    {"humeral_head", "humerus", 0.185f, 1.42f, 0.02f, true},
    {"humerus_shaft", "humerus", 0.20f, 1.27f, 0.0f, true},
    {"medial_humeral_line", "humerus", 0.175f, 1.25f, 0.0f, true},
    {"deltoid_tubercle", "humerus", 0.215f, 1.30f, 0.0f, true},
    {"medial_epicondyle", "humerus", 0.165f, 1.11f, -0.025f, true},
    {"lateral_epicondyle", "humerus", 0.235f, 1.11f, -0.015f, true},
    {"radial_tuberosity", "forearm", 0.21f, 1.07f, 0.0f, true},
    {"radial_styloid", "forearm", 0.21f, 0.86f, 0.025f, true},
    {"olecranon", "forearm", 0.20f, 1.11f, -0.05f, true},
    {"ulnar_styloid", "forearm", 0.21f, 0.86f, -0.025f, true},
    {"scaphoid_trapezium", "hand", 0.205f, 0.83f, 0.02f, true},
    {"triquetrum_hamate", "hand", 0.21f, 0.83f, -0.02f, true},
    {"fingers_palmar", "hand", 0.19f, 0.72f, 0.01f, true},
    {"fingers_dorsal", "hand", 0.225f, 0.72f, 0.01f, true},
    {"thumb_lateral", "thumb_3", 0.195f, 0.76f, 0.07f, true},
    {"little_finger_lateral", "little_3", 0.21f, 0.70f, -0.04f, true},
};

std::string with_side(const char* id, char side) { return std::string(id) + (side == 'l' ? ".l" : ".r"); }

std::vector<CanonicalJointRef> make_joint_list() {
  std::vector<CanonicalJointRef> out;
  // Midline and left first, then the right side, so parents always precede children.
  for (char side : {'l', 'r'}) {
    for (const Entry& e : kJoints) {
      if (!e.paired && side == 'r') continue;
      CanonicalJointRef j;
      j.id = e.paired ? with_side(e.id, side) : e.id;
      bool parent_paired = false;
      for (const Entry& p : kJoints)
        if (std::string(p.id) == e.parent) parent_paired = p.paired;
      j.parent = parent_paired ? with_side(e.parent, side) : e.parent;
      j.position = vec3(side == 'r' ? -e.x : e.x, e.y, e.z);
      out.push_back(std::move(j));
    }
  }
  return out;
}

CanonicalReference make_reference() {
  CanonicalReference r;
  r.joints = canonical_joint_list();
  for (char side : {'l', 'r'}) {
    for (const Entry& e : kLandmarks) {
      if (!e.paired && side == 'r') continue;
      CanonicalLandmarkRef l;
      l.id = e.paired ? with_side(e.id, side) : e.id;
      // A midline landmark on a paired joint does not occur; a paired one takes its joint's side.
      l.joint = e.parent;
      if (r.joint(l.joint) == nullptr) l.joint = with_side(e.parent, side);
      l.position = vec3(side == 'r' ? -e.x : e.x, e.y, e.z);
      r.landmarks.push_back(std::move(l));
    }
  }
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
  static const std::vector<std::string> core = {"pelvis",  "skull",     "femur.l",   "femur.r",
                                                "tibia.l", "tibia.r",   "humerus.l", "humerus.r",
                                                "forearm.l", "forearm.r"};
  return core;
}

const std::vector<std::string>& segment_end(std::string_view joint) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> ends = [] {
    std::map<std::string, std::vector<std::string>, std::less<>> m;
    const std::vector<std::string> spine = {"lumbar_5", "lumbar_4",       "lumbar_3",       "lumbar_2",
                                            "lumbar_1", "thoracic_lower", "thoracic_upper", "cervical_lower",
                                            "cervical_upper", "skull"};
    for (size_t i = 0; i + 1 < spine.size(); ++i) m[spine[i]] = {spine.begin() + static_cast<long>(i) + 1, spine.end()};
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

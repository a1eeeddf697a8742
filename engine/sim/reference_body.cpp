// The built-in bilateral network on a 1.75 m standing body (Y up, +Z anterior, +X the body's left,
// metres), with the canonical ids of docs/ids.md. Written for the left side and mirrored; midline
// stations and tracks are shared by both sides, so crossings and branches are nodes with more than two
// elements. Positions are approximate landmark heights from anthropometric fractions of stature.
#include <cmath>
#include <map>
#include <set>

#include "sim/atlas_input.h"

namespace fascia::sim {
namespace {

bool is_left(const std::string& id) {
  return id.size() > 2 && id.compare(id.size() - 2, 2, ".l") == 0;
}
bool is_right(const std::string& id) {
  return id.size() > 2 && id.compare(id.size() - 2, 2, ".r") == 0;
}
std::string mirror(const std::string& id) {
  if (is_left(id)) return id.substr(0, id.size() - 2) + ".r";
  if (is_right(id)) return id.substr(0, id.size() - 2) + ".l";
  return id;
}
Vec3d mirror(Vec3d p) {
  return {-p.x, p.y, p.z};
}
// A rotation axis under the reflection x -> -x (an axial vector).
Vec3d mirror_axis(Vec3d a) {
  return {a.x, -a.y, -a.z};
}

struct J {
  const char* id;
  const char* parent;
  bool hinge;
  Vec3d centre, axis;
  double stiffness, rom_torque;
  const char* motion;
};
// Paired joints are given for the left; midline ones have no suffix.
const J kJoints[] = {
    {"pelvis", "", false, {0, 0.95, 0}, {1, 0, 0}, 1, 1, ""},
    {"lumbar_3", "pelvis", true, {0, 1.00, -0.04}, {1, 0, 0}, 150, 20, "flexion"},
    {"thoracic_lower", "lumbar_3", true, {0, 1.12, -0.06}, {1, 0, 0}, 250, 20, "flexion"},
    {"thoracic_upper", "thoracic_lower", true, {0, 1.28, -0.07}, {1, 0, 0}, 300, 20, "flexion"},
    {"cervical_lower", "thoracic_upper", true, {0, 1.45, -0.06}, {1, 0, 0}, 25, 4, "flexion"},
    {"cervical_upper", "cervical_lower", true, {0, 1.52, -0.04}, {1, 0, 0}, 15, 3, "flexion"},
    {"skull", "cervical_upper", true, {0, 1.57, -0.02}, {1, 0, 0}, 12, 2, "flexion"},
    {"mandible", "skull", false, {0, 1.55, 0.05}, {1, 0, 0}, 1, 1, ""},
    {"clavicle.l", "thoracic_upper", false, {0.03, 1.42, 0.05}, {1, 0, 0}, 1, 1, ""},
    {"scapula.l", "clavicle.l", false, {0.16, 1.44, -0.02}, {1, 0, 0}, 1, 1, ""},
    {"humerus.l", "scapula.l", true, {0.19, 1.40, 0}, {-1, 0, 0}, 20, 8, "flexion"},
    {"forearm.l", "humerus.l", true, {0.20, 1.10, 0}, {-1, 0, 0}, 12, 5, "flexion"},
    {"hand.l", "forearm.l", true, {0.21, 0.84, 0.01}, {0, 0, -1}, 4, 2, "flexion"},
    {"thumb_3.l", "hand.l", false, {0.20, 0.77, 0.05}, {1, 0, 0}, 1, 1, ""},
    {"little_3.l", "hand.l", false, {0.21, 0.74, -0.03}, {1, 0, 0}, 1, 1, ""},
    {"femur.l", "pelvis", true, {0.09, 0.92, 0}, {-1, 0, 0}, 90, 25, "flexion"},
    {"patella.l", "femur.l", false, {0.09, 0.51, 0.05}, {1, 0, 0}, 1, 1, ""},
    {"tibia.l", "femur.l", true, {0.09, 0.50, 0}, {1, 0, 0}, 70, 20, "flexion"},
    {"talus.l", "tibia.l", true, {0.09, 0.08, 0}, {-1, 0, 0}, 60, 15, "dorsiflexion"},
    {"heel.l", "talus.l", false, {0.09, 0.04, -0.04}, {1, 0, 0}, 1, 1, ""},
    {"midfoot.l", "talus.l", false, {0.09, 0.04, 0.06}, {1, 0, 0}, 1, 1, ""},
    {"metatarsals.l", "midfoot.l", false, {0.10, 0.03, 0.09}, {1, 0, 0}, 1, 1, ""},
    {"toes.l", "metatarsals.l", true, {0.10, 0.02, 0.15}, {-1, 0, 0}, 6, 3, "extension"},
};

struct S {
  const char* id;
  const char* joint;
  Vec3d p;
  double breath;  // m of outward ribcage motion at full inspiration
};
const S kStations[] = {
    {"toes_plantar.l", "toes.l", {0.10, 0.005, 0.20}, 0},
    {"toes_dorsal.l", "toes.l", {0.10, 0.03, 0.20}, 0},
    {"calcaneus.l", "heel.l", {0.09, 0.03, -0.06}, 0},
    {"plantar_tarsals.l", "midfoot.l", {0.09, 0.02, 0.05}, 0},
    {"metatarsal_base_1.l", "metatarsals.l", {0.07, 0.02, 0.08}, 0},
    {"metatarsal_base_5.l", "metatarsals.l", {0.13, 0.02, 0.07}, 0},
    {"tibial_tuberosity.l", "tibia.l", {0.09, 0.44, 0.04}, 0},
    {"patella.l", "patella.l", {0.09, 0.51, 0.05}, 0},
    {"fibular_head.l", "tibia.l", {0.13, 0.46, -0.01}, 0},
    {"lateral_tibial_condyle.l", "tibia.l", {0.13, 0.49, 0.01}, 0},
    {"medial_tibial_condyle.l", "tibia.l", {0.05, 0.48, 0.0}, 0},
    {"posterior_tibia_fibula_upper.l", "tibia.l", {0.09, 0.44, -0.03}, 0},
    {"femoral_condyles.l", "femur.l", {0.09, 0.53, -0.04}, 0},
    {"medial_femoral_epicondyle.l", "femur.l", {0.05, 0.52, -0.01}, 0},
    {"linea_aspera.l", "femur.l", {0.09, 0.72, -0.03}, 0},
    {"femur_shaft_lateral.l", "femur.l", {0.13, 0.72, 0.0}, 0},
    {"lesser_trochanter.l", "femur.l", {0.08, 0.86, -0.01}, 0},
    {"asis.l", "pelvis", {0.12, 1.00, 0.06}, 0},
    {"aiis.l", "pelvis", {0.11, 0.96, 0.05}, 0},
    {"iliac_crest.l", "pelvis", {0.15, 1.04, 0.0}, 0},
    {"ischial_tuberosity.l", "pelvis", {0.06, 0.84, -0.06}, 0},
    {"ischial_ramus.l", "pelvis", {0.04, 0.84, 0.0}, 0},
    {"pubic_tubercle.l", "pelvis", {0.02, 0.90, 0.07}, 0},
    {"sacrum", "pelvis", {0, 0.97, -0.11}, 0},
    {"coccyx", "pelvis", {0, 0.88, -0.08}, 0},
    {"pubic_symphysis", "pelvis", {0, 0.89, 0.08}, 0},
    {"linea_alba", "lumbar_3", {0, 1.08, 0.12}, 0},
    {"lumbar_bodies", "lumbar_3", {0, 1.04, 0.0}, 0},
    {"thoracic_spinous_processes", "thoracic_lower", {0, 1.20, -0.14}, 0},
    {"upper_thoracic_spinous_processes", "thoracic_upper", {0, 1.38, -0.12}, 0},
    {"cervical_transverse_processes.l", "cervical_upper", {0.03, 1.53, -0.04}, 0},
    {"manubrium", "thoracic_upper", {0, 1.40, 0.08}, 0.004},
    {"posterior_manubrium", "thoracic_upper", {0, 1.40, 0.06}, 0.004},
    {"xiphoid", "thoracic_lower", {0, 1.22, 0.11}, 0.010},
    {"rib_1_2.l", "thoracic_upper", {0.05, 1.40, 0.04}, 0.003},
    {"ribs_3_5.l", "thoracic_upper", {0.08, 1.33, 0.08}, 0.008},
    {"rib_5.l", "thoracic_lower", {0.07, 1.27, 0.10}, 0.010},
    {"ribs_5_6_cartilage.l", "thoracic_lower", {0.05, 1.26, 0.11}, 0.010},
    {"lateral_ribs.l", "thoracic_lower", {0.15, 1.25, 0.0}, 0.012},
    {"lower_ribs.l", "thoracic_lower", {0.13, 1.13, 0.04}, 0.012},
    {"occipital_ridge", "skull", {0, 1.60, -0.09}, 0},
    {"basilar_occiput", "skull", {0, 1.57, 0.0}, 0},
    {"brow_ridge", "skull", {0, 1.68, 0.10}, 0},
    {"mastoid_process.l", "skull", {0.06, 1.58, -0.03}, 0},
    {"hyoid", "cervical_upper", {0, 1.50, 0.05}, 0},
    {"mandible", "mandible", {0, 1.52, 0.09}, 0},
    {"clavicle_medial.l", "clavicle.l", {0.03, 1.42, 0.05}, 0},
    {"acromion.l", "scapula.l", {0.19, 1.44, -0.02}, 0},
    {"coracoid_process.l", "scapula.l", {0.15, 1.41, 0.04}, 0},
    {"scapula_medial_border.l", "scapula.l", {0.08, 1.32, -0.12}, 0},
    {"humeral_head.l", "humerus.l", {0.19, 1.40, 0.0}, 0},
    {"humerus_shaft.l", "humerus.l", {0.20, 1.27, 0.0}, 0},
    {"deltoid_tubercle.l", "humerus.l", {0.21, 1.28, 0.0}, 0},
    {"medial_epicondyle.l", "humerus.l", {0.17, 1.10, 0.0}, 0},
    {"lateral_epicondyle.l", "humerus.l", {0.23, 1.10, 0.0}, 0},
    {"radial_tuberosity.l", "forearm.l", {0.21, 1.07, 0.02}, 0},
    {"radial_styloid.l", "forearm.l", {0.22, 0.86, 0.03}, 0},
    {"olecranon.l", "forearm.l", {0.20, 1.09, -0.03}, 0},
    {"ulnar_styloid.l", "forearm.l", {0.20, 0.86, -0.01}, 0},
    {"fingers_palmar.l", "hand.l", {0.20, 0.72, 0.01}, 0},
    {"fingers_dorsal.l", "hand.l", {0.22, 0.72, 0.0}, 0},
    {"thumb_lateral.l", "thumb_3.l", {0.20, 0.76, 0.05}, 0},
    {"little_finger_lateral.l", "little_3.l", {0.21, 0.74, -0.03}, 0},
};

struct T {
  const char* id;
  std::vector<std::string> tissues;
  const char* from;
  const char* to;
  std::vector<AtlasInput::Point> via;
  double stiffness;         // N/mm of the whole track: tendons and ligaments stiff, passive muscle soft
  double stiffness_to = 0;  // N/mm at the `to` end of a tapering track
};
// Tracks for the left side (or midline); those whose id ends in .r belong to crossing lines.
const std::vector<T>& tracks() {
  static const std::vector<T> t = {
      // sbl
      {"plantar_fascia.l",
       {"plantar_fascia", "flexor_digitorum_brevis"},
       "toes_plantar.l",
       "calcaneus.l",
       {},
       200},
      {"gastrocnemius.l",
       {"gastrocnemius", "achilles_tendon"},
       "calcaneus.l",
       "femoral_condyles.l",
       {{"tibia.l", {0.09, 0.28, -0.07}}},
       100},
      {"biceps_femoris.l",
       {"biceps_femoris", "semitendinosus", "semimembranosus"},
       "femoral_condyles.l",
       "ischial_tuberosity.l",
       {{"femur.l", {0.08, 0.70, -0.08}}},
       30},
      {"sacrotuberous_ligament.l", {"sacrotuberous_ligament"}, "ischial_tuberosity.l", "sacrum", {}, 100},
      {"erector_spinae.l",
       {"erector_spinae", "thoracolumbar_fascia"},
       "sacrum",
       "occipital_ridge",
       {{"lumbar_3", {0.03, 1.05, -0.12}},
        {"thoracic_lower", {0.03, 1.22, -0.15}},
        {"thoracic_upper", {0.03, 1.38, -0.13}},
        {"cervical_lower", {0.02, 1.50, -0.10}}},
       40,
       3},
      {"galea_aponeurotica",
       {"galea_aponeurotica"},
       "occipital_ridge",
       "brow_ridge",
       {{"skull", {0, 1.73, 0.0}}},
       4},
      // sfl
      {"tibialis_anterior.l",
       {"tibialis_anterior", "extensor_digitorum_longus"},
       "toes_dorsal.l",
       "tibial_tuberosity.l",
       {{"talus.l", {0.10, 0.10, 0.06}}},
       20},
      {"patellar_tendon.l", {"patellar_tendon"}, "tibial_tuberosity.l", "patella.l", {}, 300},
      {"rectus_femoris.l", {"rectus_femoris"}, "patella.l", "aiis.l", {{"femur.l", {0.10, 0.72, 0.07}}}, 20},
      {"rectus_abdominis.l",
       {"rectus_abdominis"},
       "pubic_tubercle.l",
       "rib_5.l",
       {{"lumbar_3", {0.04, 1.08, 0.12}}},
       5},
      {"sternalis_fascia.l", {"sternalis_fascia"}, "rib_5.l", "manubrium", {}, 5},
      {"sternocleidomastoid.l", {"sternocleidomastoid"}, "manubrium", "mastoid_process.l", {}, 3},
      {"scalp_fascia.l", {"scalp_fascia"}, "mastoid_process.l", "brow_ridge", {}, 3},
      // ll
      {"fibularis_longus.l",
       {"fibularis_longus", "fibularis_brevis"},
       "metatarsal_base_1.l",
       "fibular_head.l",
       {{"tibia.l", {0.13, 0.12, -0.04}}},
       20},
      {"anterior_fibular_head_ligament.l",
       {"anterior_fibular_head_ligament"},
       "fibular_head.l",
       "lateral_tibial_condyle.l",
       {},
       100},
      {"iliotibial_tract.l",
       {"iliotibial_tract", "tensor_fasciae_latae", "gluteus_maximus"},
       "lateral_tibial_condyle.l",
       "iliac_crest.l",
       {{"femur.l", {0.16, 0.72, 0.0}}},
       60},
      {"lateral_obliques.l",
       {"external_oblique", "internal_oblique"},
       "iliac_crest.l",
       "lower_ribs.l",
       {},
       5},
      {"intercostals.l",
       {"intercostals"},
       "lower_ribs.l",
       "rib_1_2.l",
       {{"thoracic_upper", {0.14, 1.30, 0.02}}},
       10},
      {"neck_lateral.l",
       {"sternocleidomastoid", "splenius_capitis"},
       "rib_1_2.l",
       "mastoid_process.l",
       {},
       3},
      // spl (the left line crosses to the right shoulder and back)
      {"splenius_capitis.l",
       {"splenius_capitis", "splenius_cervicis"},
       "occipital_ridge",
       "upper_thoracic_spinous_processes",
       {},
       3},
      {"rhomboids.r", {"rhomboids"}, "upper_thoracic_spinous_processes", "scapula_medial_border.r", {}, 5},
      {"serratus_anterior.r",
       {"serratus_anterior"},
       "scapula_medial_border.r",
       "lateral_ribs.r",
       {{"thoracic_lower", {-0.13, 1.30, -0.08}}},
       5},
      {"external_oblique.r", {"external_oblique"}, "lateral_ribs.r", "linea_alba", {}, 5},
      {"internal_oblique.l", {"internal_oblique"}, "linea_alba", "iliac_crest.l", {}, 5},
      // bfl (left arm to right knee)
      {"latissimus_dorsi.l",
       {"latissimus_dorsi", "thoracolumbar_fascia"},
       "humerus_shaft.l",
       "sacrum",
       {{"thoracic_lower", {0.12, 1.15, -0.12}}},
       10},
      {"gluteus_maximus.r", {"gluteus_maximus"}, "sacrum", "femur_shaft_lateral.r", {}, 10},
      {"vastus_lateralis.r", {"vastus_lateralis"}, "femur_shaft_lateral.r", "patella.r", {}, 15},
      // ffl (left arm to right thigh)
      {"pectoralis_major.l", {"pectoralis_major"}, "humerus_shaft.l", "ribs_5_6_cartilage.l", {}, 10},
      {"rectus_sheath.l", {"rectus_abdominis"}, "ribs_5_6_cartilage.l", "pubic_symphysis", {}, 5},
      {"adductor_longus.r", {"adductor_longus"}, "pubic_symphysis", "linea_aspera.r", {}, 15},
      // ifl
      {"latissimus_lateral.l", {"latissimus_dorsi"}, "humerus_shaft.l", "lower_ribs.l", {}, 5},
      {"oblique_posterior.l", {"external_oblique"}, "lower_ribs.l", "asis.l", {}, 5},
      {"sartorius.l",
       {"sartorius"},
       "asis.l",
       "medial_tibial_condyle.l",
       {{"femur.l", {0.06, 0.72, 0.05}}},
       5},
      // dfl
      {"tibialis_posterior.l",
       {"tibialis_posterior", "flexor_digitorum_longus"},
       "plantar_tarsals.l",
       "posterior_tibia_fibula_upper.l",
       {{"tibia.l", {0.08, 0.12, -0.03}}},
       30},
      {"popliteus.l", {"popliteus"}, "posterior_tibia_fibula_upper.l", "medial_femoral_epicondyle.l", {}, 20},
      {"adductor_magnus.l", {"adductor_magnus"}, "medial_femoral_epicondyle.l", "ischial_ramus.l", {}, 15},
      {"pelvic_floor.l", {"pelvic_floor"}, "ischial_ramus.l", "coccyx", {}, 5},
      {"anterior_longitudinal_ligament",
       {"anterior_longitudinal_ligament"},
       "coccyx",
       "lumbar_bodies",
       {},
       60},
      {"adductor_brevis.l",
       {"adductor_brevis", "adductor_longus"},
       "medial_femoral_epicondyle.l",
       "linea_aspera.l",
       {},
       15},
      {"psoas.l",
       {"psoas", "iliacus", "pectineus"},
       "lesser_trochanter.l",
       "lumbar_bodies",
       {{"pelvis", {0.06, 0.95, 0.04}}},
       10},
      {"longus_colli",
       {"anterior_longitudinal_ligament", "longus_colli"},
       "lumbar_bodies",
       "basilar_occiput",
       {{"thoracic_lower", {0, 1.25, -0.02}}, {"thoracic_upper", {0, 1.42, -0.02}}},
       5},
      {"diaphragm", {"diaphragm"}, "lumbar_bodies", "xiphoid", {}, 5},
      {"transversus_thoracis", {"transversus_thoracis"}, "xiphoid", "posterior_manubrium", {}, 5},
      {"infrahyoids", {"infrahyoids"}, "posterior_manubrium", "hyoid", {}, 2},
      {"suprahyoids", {"suprahyoids"}, "hyoid", "mandible", {}, 2},
      {"scalenes.l", {"scalenes"}, "rib_1_2.l", "cervical_transverse_processes.l", {}, 3},
      // arm lines
      {"medial_intermuscular_septum.l",
       {"medial_intermuscular_septum"},
       "humerus_shaft.l",
       "medial_epicondyle.l",
       {},
       30},
      {"forearm_flexors.l", {"forearm_flexors"}, "medial_epicondyle.l", "fingers_palmar.l", {}, 10},
      {"pectoralis_minor.l",
       {"pectoralis_minor", "clavipectoral_fascia"},
       "ribs_3_5.l",
       "coracoid_process.l",
       {},
       5},
      {"biceps_brachii.l",
       {"biceps_brachii", "coracobrachialis"},
       "coracoid_process.l",
       "radial_tuberosity.l",
       {},
       10},
      {"radial_periosteum.l", {"radial_periosteum"}, "radial_tuberosity.l", "radial_styloid.l", {}, 60},
      {"thenar_muscles.l", {"thenar_muscles"}, "radial_styloid.l", "thumb_lateral.l", {}, 5},
      {"trapezius.l", {"trapezius"}, "thoracic_spinous_processes", "acromion.l", {}, 5},
      {"deltoid.l", {"deltoid"}, "acromion.l", "deltoid_tubercle.l", {}, 10},
      {"lateral_intermuscular_septum.l",
       {"lateral_intermuscular_septum"},
       "deltoid_tubercle.l",
       "lateral_epicondyle.l",
       {},
       30},
      {"forearm_extensors.l", {"forearm_extensors"}, "lateral_epicondyle.l", "fingers_dorsal.l", {}, 10},
      {"rhomboids.l", {"rhomboids"}, "upper_thoracic_spinous_processes", "scapula_medial_border.l", {}, 5},
      {"infraspinatus.l",
       {"infraspinatus", "teres_minor"},
       "scapula_medial_border.l",
       "humeral_head.l",
       {},
       5},
      {"triceps_brachii.l",
       {"triceps_brachii"},
       "humeral_head.l",
       "olecranon.l",
       {{"humerus.l", {0.19, 1.25, -0.04}}},
       10},
      {"ulnar_periosteum.l", {"ulnar_periosteum"}, "olecranon.l", "ulnar_styloid.l", {}, 60},
      {"hypothenar_muscles.l", {"hypothenar_muscles"}, "ulnar_styloid.l", "little_finger_lateral.l", {}, 5},
  };
  return t;
}

struct L {
  const char* id;
  std::vector<std::string> tracks;
  // (station, grade) for each transition of the left line
  std::vector<std::pair<std::string, Grade>> transitions;
};
const std::vector<L>& lines() {
  using G = Grade;
  static const std::vector<L> l = {
      {"sbl",
       {"plantar_fascia.l", "gastrocnemius.l", "biceps_femoris.l", "sacrotuberous_ligament.l",
        "erector_spinae.l", "galea_aponeurotica"},
       {{"calcaneus.l", G::Strong},
        {"femoral_condyles.l", G::Strong},
        {"ischial_tuberosity.l", G::Strong},
        {"sacrum", G::Strong},
        {"occipital_ridge", G::Strong}}},
      {"sfl",
       {"tibialis_anterior.l", "patellar_tendon.l", "rectus_femoris.l", "rectus_abdominis.l",
        "sternalis_fascia.l", "sternocleidomastoid.l", "scalp_fascia.l"},
       {{"tibial_tuberosity.l", G::None},
        {"patella.l", G::None},
        {"aiis.l", G::None},
        {"pubic_tubercle.l", G::None},
        {"rib_5.l", G::None},
        {"manubrium", G::None},
        {"mastoid_process.l", G::None}}},
      {"ll",
       {"fibularis_longus.l", "anterior_fibular_head_ligament.l", "iliotibial_tract.l", "lateral_obliques.l",
        "intercostals.l", "neck_lateral.l"},
       {{"fibular_head.l", G::Limited},
        {"lateral_tibial_condyle.l", G::Limited},
        {"iliac_crest.l", G::Moderate},
        {"lower_ribs.l", G::Limited},
        {"rib_1_2.l", G::Limited}}},
      {"spl",
       {"splenius_capitis.l", "rhomboids.r", "serratus_anterior.r", "external_oblique.r",
        "internal_oblique.l", "iliotibial_tract.l", "tibialis_anterior.l", "fibularis_longus.l",
        "biceps_femoris.l", "sacrotuberous_ligament.l", "erector_spinae.l"},
       {{"upper_thoracic_spinous_processes", G::Limited},
        {"scapula_medial_border.r", G::Moderate},
        {"lateral_ribs.r", G::Moderate},
        {"linea_alba", G::Moderate},
        {"iliac_crest.l", G::Limited},
        {"lateral_tibial_condyle.l", G::Limited},
        {"metatarsal_base_1.l", G::Limited},
        {"fibular_head.l", G::Moderate},
        {"ischial_tuberosity.l", G::Strong},
        {"sacrum", G::Strong}}},
      {"sfal",
       {"pectoralis_major.l", "latissimus_dorsi.l", "medial_intermuscular_septum.l", "forearm_flexors.l"},
       {{"humerus_shaft.l", G::Unassessed}, {"medial_epicondyle.l", G::Unassessed}}},
      {"dfal",
       {"pectoralis_minor.l", "biceps_brachii.l", "radial_periosteum.l", "thenar_muscles.l"},
       {{"coracoid_process.l", G::Unassessed},
        {"radial_tuberosity.l", G::Unassessed},
        {"radial_styloid.l", G::Unassessed}}},
      {"sbal",
       {"trapezius.l", "deltoid.l", "lateral_intermuscular_septum.l", "forearm_extensors.l"},
       {{"acromion.l", G::Unassessed},
        {"deltoid_tubercle.l", G::Unassessed},
        {"lateral_epicondyle.l", G::Unassessed}}},
      {"dbal",
       {"rhomboids.l", "infraspinatus.l", "triceps_brachii.l", "ulnar_periosteum.l", "hypothenar_muscles.l"},
       {{"scapula_medial_border.l", G::Unassessed},
        {"humeral_head.l", G::Unassessed},
        {"olecranon.l", G::Unassessed},
        {"ulnar_styloid.l", G::Unassessed}}},
      {"bfl",
       {"latissimus_dorsi.l", "gluteus_maximus.r", "vastus_lateralis.r", "patellar_tendon.r"},
       {{"sacrum", G::Strong}, {"femur_shaft_lateral.r", G::Strong}, {"patella.r", G::Strong}}},
      {"ffl",
       {"pectoralis_major.l", "rectus_sheath.l", "adductor_longus.r"},
       {{"ribs_5_6_cartilage.l", G::Strong}, {"pubic_symphysis", G::Strong}}},
      {"ifl",
       {"latissimus_lateral.l", "oblique_posterior.l", "sartorius.l"},
       {{"lower_ribs.l", G::Unassessed}, {"asis.l", G::Unassessed}}},
      {"dfl",
       {"tibialis_posterior.l", "popliteus.l", "adductor_magnus.l", "pelvic_floor.l",
        "anterior_longitudinal_ligament", "adductor_brevis.l", "psoas.l", "longus_colli", "diaphragm",
        "transversus_thoracis", "infrahyoids", "suprahyoids", "scalenes.l"},
       {{"posterior_tibia_fibula_upper.l", G::Unassessed},
        {"medial_femoral_epicondyle.l", G::Unassessed},
        {"ischial_ramus.l", G::Unassessed},
        {"coccyx", G::Unassessed},
        {"lumbar_bodies", G::Unassessed},
        {"xiphoid", G::Unassessed},
        {"posterior_manubrium", G::Unassessed},
        {"hyoid", G::Unassessed}}},
  };
  return l;
}

}  // namespace

AtlasInput reference_body() {
  AtlasInput in;
  // Joints: midline once, paired ones for the left then mirrored, keeping parents first.
  for (const J& j : kJoints) {
    for (int side = 0; side < (is_left(j.id) ? 2 : 1); ++side) {
      AtlasInput::Joint jt;
      jt.id = side ? mirror(std::string(j.id)) : j.id;
      jt.parent = side ? mirror(std::string(j.parent)) : j.parent;
      jt.hinge = j.hinge;
      jt.centre = side ? mirror(j.centre) : j.centre;
      jt.axis = side ? mirror_axis(j.axis) : j.axis;
      jt.stiffness = j.stiffness;
      jt.rom_torque = j.rom_torque;
      jt.motion = j.motion;
      in.joints.push_back(jt);
    }
  }
  for (const S& s : kStations) {
    for (int side = 0; side < (is_left(s.id) ? 2 : 1); ++side) {
      AtlasInput::Station st;
      st.id = side ? mirror(std::string(s.id)) : s.id;
      st.joint = side ? mirror(std::string(s.joint)) : s.joint;
      st.position = side ? mirror(s.p) : s.p;
      // Ribcage stations move outward from the thorax's axis (x = 0, z = -0.02).
      if (s.breath > 0) {
        double dx = st.position.x, dz = st.position.z + 0.02;
        double len = std::sqrt(dx * dx + dz * dz);
        st.breath = {s.breath * dx / len, 0, s.breath * dz / len};
      }
      in.stations.push_back(st);
    }
  }
  std::set<std::string> have;
  for (const T& t : tracks()) {
    for (int side = 0; side < 2; ++side) {
      std::string id = side ? mirror(t.id) : t.id;
      if (!have.insert(id).second) continue;
      AtlasInput::Track tr;
      tr.id = id;
      tr.tissues = t.tissues;
      tr.from = side ? mirror(std::string(t.from)) : t.from;
      tr.to = side ? mirror(std::string(t.to)) : t.to;
      for (const auto& v : t.via)
        tr.via.push_back(side ? AtlasInput::Point{mirror(v.joint), mirror(v.position)} : v);
      tr.stiffness = t.stiffness;
      tr.stiffness_to = t.stiffness_to;
      in.tracks.push_back(tr);
    }
  }
  for (const L& l : lines()) {
    for (int side = 0; side < 2; ++side) {
      AtlasInput::Line line;
      line.id = std::string(l.id) + (side ? ".r" : ".l");
      for (const auto& t : l.tracks) line.tracks.push_back(side ? mirror(t) : t);
      in.lines.push_back(line);
      for (const auto& [station, grade] : l.transitions) {
        AtlasInput::Transition tn;
        tn.line = line.id;
        tn.station = side ? mirror(station) : station;
        tn.grade = grade;
        // Posture-dependent links: sbl across a bent knee, sfl across a flexed hip.
        if (std::string(l.id) == "sbl" && station == "femoral_condyles.l")
          tn.posture_joint = side ? "tibia.r" : "tibia.l";
        if (std::string(l.id) == "sfl" && station == "aiis.l")
          tn.posture_joint = side ? "femur.r" : "femur.l";
        // The atlas's continuity angles (a modelling choice there too).
        if (std::string(l.id) == "sbl") tn.full_below_deg = 5, tn.none_above_deg = 60;
        if (std::string(l.id) == "sfl") tn.full_below_deg = 0, tn.none_above_deg = 45;
        in.transitions.push_back(tn);
      }
    }
  }
  return in;
}

}  // namespace fascia::sim

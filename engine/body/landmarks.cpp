#include "body/landmarks.h"

#include "body/trunk_depth.h"

namespace fascia::body {

namespace {

// A landmark of the table: the joint it lies on and its rest-pose world position in fractions of
// stature, left side (x > 0) or midline. Positions were placed against the skeleton's own joints
// (hip 0.530 H, knee 0.285 H, ankle 0.039 H, shoulder 0.806 H, elbow 0.630 H, wrist 0.485 H).
// "by height" joints (thorax) are resolved at make time.
struct LandmarkSpec {
  const char* id;
  const char* joint;  // nullptr: thoracic_upper above the T6/T7 joint, thoracic_lower below
  vec3 pos;
  bool paired;
};

// clang-format off
const LandmarkSpec kLandmarks[] = {
  // Foot.
  {"toes_plantar",        "toes",        {0.058f, 0.001f, 0.104f}, true},
  {"toes_dorsal",         "toes",        {0.058f, 0.012f, 0.102f}, true},
  {"calcaneus",           "heel",        {0.044f, 0.008f, -0.036f}, true},
  {"plantar_tarsals",     "midfoot",     {0.047f, 0.008f, 0.026f}, true},
  {"metatarsal_base_1",   "metatarsals", {0.035f, 0.017f, 0.050f}, true},
  {"metatarsal_base_5",   "metatarsals", {0.070f, 0.010f, 0.044f}, true},
  // Leg and knee.
  {"tibial_tuberosity",   "tibia",       {0.046f, 0.262f, 0.024f}, true},
  {"patella",             "patella",     {0.047f, 0.292f, 0.033f}, true},
  {"fibular_head",        "tibia",       {0.066f, 0.268f, -0.008f}, true},
  {"lateral_tibial_condyle", "tibia",    {0.063f, 0.278f, 0.008f}, true},
  {"medial_tibial_condyle",  "tibia",    {0.029f, 0.276f, 0.008f}, true},
  {"posterior_tibia_fibula_upper", "tibia", {0.049f, 0.252f, -0.016f}, true},
  {"femoral_condyles",    "femur",       {0.046f, 0.298f, -0.017f}, true},
  {"medial_femoral_epicondyle", "femur", {0.027f, 0.296f, 0.000f}, true},
  {"linea_aspera",        "femur",       {0.052f, 0.410f, -0.016f}, true},
  {"femur_shaft_lateral", "femur",       {0.067f, 0.410f, 0.002f}, true},
  {"lesser_trochanter",   "femur",       {0.060f, 0.500f, -0.010f}, true},
  {"greater_trochanter",  "femur",       {0.081f, 0.532f, -0.004f}, true},
  // Pelvis.
  {"asis",                "pelvis",      {0.065f, 0.578f, 0.030f}, true},
  {"aiis",                "pelvis",      {0.056f, 0.562f, 0.026f}, true},
  {"psis",                "pelvis",      {0.024f, 0.585f, -0.058f}, true},
  {"iliac_crest",         "pelvis",      {0.077f, 0.605f, -0.012f}, true},
  {"ischial_tuberosity",  "pelvis",      {0.034f, 0.497f, -0.030f}, true},
  {"ischial_ramus",       "pelvis",      {0.022f, 0.503f, -0.008f}, true},
  {"pubic_tubercle",      "pelvis",      {0.013f, 0.527f, 0.031f}, true},
  {"sacrum",              "pelvis",      {0.000f, 0.565f, -0.055f}, false},
  {"coccyx",              "pelvis",      {0.000f, 0.523f, -0.046f}, false},
  {"pubic_symphysis",     "pelvis",      {0.000f, 0.524f, 0.032f}, false},
  // Spine.
  {"lumbar_bodies",       "lumbar_3",    {0.000f, 0.640f, -0.006f}, false},
  {"umbilicus",           "lumbar_3",    {0.000f, 0.612f, 0.048f}, false},
  {"lumbar_transverse_processes", "lumbar_3", {0.026f, 0.640f, -0.030f}, true},
  {"thoracic_spinous_processes", "thoracic_lower", {0.000f, 0.722f, -0.072f}, false},
  {"upper_thoracic_spinous_processes", "thoracic_upper", {0.000f, 0.805f, -0.074f}, false},
  {"cervical_transverse_processes", "cervical_upper", {0.027f, 0.890f, -0.024f}, true},
  {"nuchal_ligament",     "cervical_upper", {0.000f, 0.885f, -0.056f}, false},
  // Thorax.
  {"manubrium",           nullptr,       {0.000f, 0.798f, 0.040f}, false},
  {"posterior_manubrium", nullptr,       {0.000f, 0.798f, 0.029f}, false},
  {"xiphoid",             nullptr,       {0.000f, 0.712f, 0.055f}, false},
  {"rib_1_2",             nullptr,       {0.034f, 0.803f, 0.024f}, true},
  {"ribs_3_5",            nullptr,       {0.050f, 0.768f, 0.048f}, true},
  {"rib_5",               nullptr,       {0.044f, 0.735f, 0.057f}, true},
  {"ribs_5_6_cartilage",  nullptr,       {0.032f, 0.724f, 0.058f}, true},
  {"lateral_ribs",        nullptr,       {0.077f, 0.718f, 0.010f}, true},
  {"lower_ribs",          nullptr,       {0.072f, 0.668f, 0.016f}, true},
  {"costal_cartilages",   nullptr,       {0.050f, 0.692f, 0.050f}, true},
  // Head and neck.
  {"occipital_ridge",     "skull",       {0.000f, 0.925f, -0.056f}, false},
  {"basilar_occiput",     "skull",       {0.000f, 0.912f, -0.006f}, false},
  {"brow_ridge",          "skull",       {0.000f, 0.952f, 0.060f}, false},
  {"mastoid_process",     "skull",       {0.050f, 0.911f, -0.020f}, true},
  {"hyoid",               "cervical_upper", {0.000f, 0.868f, 0.008f}, false},
  {"mandible",            "mandible",    {0.000f, 0.876f, 0.060f}, false},
  // Shoulder girdle.
  {"clavicle_medial",     "clavicle",    {0.020f, 0.813f, 0.025f}, true},
  {"clavicle_lateral",    "clavicle",    {0.091f, 0.823f, 0.001f}, true},
  {"acromion",            "scapula",     {0.110f, 0.826f, -0.004f}, true},
  {"scapular_spine",      "scapula",     {0.070f, 0.800f, -0.060f}, true},
  {"coracoid_process",    "scapula",     {0.083f, 0.805f, 0.020f}, true},
  {"scapula_medial_border", "scapula",   {0.043f, 0.770f, -0.068f}, true},
  // Arm.
  {"humeral_head",        "humerus",     {0.110f, 0.802f, 0.002f}, true},
  // Where latissimus dorsi and pectoralis major insert (the intertubercular groove and its lateral
  // lip, the proximal humerus): a lever of 5 % of stature below the shoulder, not the mid-shaft.
  {"humerus_shaft",       "humerus",     {0.112f, 0.760f, 0.002f}, true},
  {"medial_humeral_line", "humerus",     {0.099f, 0.700f, -0.009f}, true},
  {"deltoid_tubercle",    "humerus",     {0.121f, 0.740f, -0.004f}, true},
  {"medial_epicondyle",   "humerus",     {0.094f, 0.634f, -0.016f}, true},
  {"lateral_epicondyle",  "humerus",     {0.126f, 0.634f, -0.012f}, true},
  {"radial_tuberosity",   "forearm",     {0.108f, 0.604f, -0.006f}, true},
  {"radial_styloid",      "forearm",     {0.108f, 0.492f, 0.017f}, true},
  {"olecranon",           "forearm",     {0.110f, 0.640f, -0.034f}, true},
  {"ulnar_styloid",       "forearm",     {0.106f, 0.490f, -0.012f}, true},
  {"scaphoid_trapezium",  "hand",        {0.103f, 0.476f, 0.012f}, true},
  {"triquetrum_hamate",   "hand",        {0.103f, 0.472f, -0.010f}, true},
  {"fingers_palmar",      "hand",        {0.095f, 0.440f, 0.002f}, true},
  {"fingers_dorsal",      "hand",        {0.112f, 0.440f, 0.002f}, true},
  {"thumb_lateral",       "thumb_3",     {0.095f, 0.425f, 0.041f}, true},
  {"little_finger_lateral", "little_3",  {0.101f, 0.400f, -0.021f}, true},
};
// clang-format on

}  // namespace

std::vector<Landmark> make_landmarks(const Skeleton& skeleton, bool trunk_corrected) {
  const BodyParams p = clamp_params(skeleton.params);
  const float width = skeletal_width(p);
  const std::vector<mat4> rest = world_transforms(skeleton, Pose{});
  const int thoracic_upper = skeleton.find("thoracic_upper");
  const float t6_height = thoracic_upper >= 0 ? rest[thoracic_upper][3].y : 0.0f;

  std::vector<Landmark> out;
  for (char side : {'l', 'r'}) {
    for (const LandmarkSpec& spec : kLandmarks) {
      if (side == 'r' && !spec.paired) continue;
      vec3 world = spec.pos * p.height;
      world.x *= width;
      if (spec.joint && on_arm(spec.joint)) world = abduct_arm(world, 1.0f, p);
      if (side == 'r') world.x = -world.x;
      if (trunk_corrected) world = correct_trunk_depth(world, p.height);
      std::string joint =
          spec.joint ? spec.joint : (world.y >= t6_height ? "thoracic_upper" : "thoracic_lower");
      Landmark lm;
      lm.id = spec.id;
      if (spec.paired) lm.id += side == 'r' ? ".r" : ".l";
      // A paired bone carries the landmark's side; midline bones carry both sides' landmarks.
      lm.joint = skeleton.find(joint + (side == 'r' ? ".r" : ".l"));
      if (lm.joint < 0) lm.joint = skeleton.find(joint);
      if (lm.joint < 0) continue;  // a skeleton without that bone carries no landmark on it
      lm.local = vec3(glm::inverse(rest[lm.joint]) * vec4(world, 1.0f));
      out.push_back(std::move(lm));
    }
  }
  return out;
}

const Landmark* find_landmark(const std::vector<Landmark>& landmarks, std::string_view id) {
  for (const Landmark& l : landmarks)
    if (l.id == id) return &l;
  return nullptr;
}

vec3 landmark_world(const Landmark& landmark, const std::vector<mat4>& world) {
  return vec3(world[landmark.joint] * vec4(landmark.local, 1.0f));
}

std::optional<vec3> landmark_position(const Skeleton& skeleton, const std::vector<Landmark>& landmarks,
                                      std::string_view id, const Pose& pose) {
  const Landmark* l = find_landmark(landmarks, id);
  if (!l) return std::nullopt;
  return landmark_world(*l, world_transforms(skeleton, pose));
}

}  // namespace fascia::body

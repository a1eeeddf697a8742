#include "body/muscles.h"

#include <algorithm>
#include <cmath>

namespace fascia::body {

namespace {

// A control point of the table: where, on which bone, how wide and thick (fractions of stature).
struct P {
  vec3 pos;
  const char* joint;
  float hw;
  float t;
};

struct Table {
  const AnatomyContext& c;
  float side = 1.0f;
  std::vector<MuscleShape> out;

  std::string S() const { return suffix(side); }
  vec3 L(const char* id) const {
    vec3 p = c.lm(std::string(id) + S());
    if (p == vec3(0.0f)) p = c.lm(id);
    return p;
  }
  vec3 J(const char* name) const {
    int i = c.joint(std::string(name) + S());
    return c.joint_rest[i >= 0 ? i : c.joint(name)];
  }
  // An offset in fractions of stature, mirrored for the side.
  vec3 o(float x, float y, float z) const { return c.f(x, y, z, side); }

  void m(const char* name, std::initializer_list<P> pts, bool midline = false, float clearance = 0.0015f,
         vec3 across = vec3(0.0f)) {
    MuscleShape s;
    s.name = midline ? std::string(name) : std::string(name) + S();
    for (const P& p : pts) {
      MusclePoint q;
      q.pos = p.pos;
      q.joint = c.joint(std::string(p.joint) + S());
      if (q.joint < 0) q.joint = c.joint(p.joint);
      q.half_width = p.hw * c.H * (0.9f + 0.2f * c.soft);
      q.thickness = p.t * c.H * c.soft;
      s.path.push_back(q);
    }
    s.clearance = clearance * c.H;
    s.across = across;
    out.push_back(std::move(s));
  }

  void leg() {
    m("plantar_fascia", {{L("calcaneus") + o(0, -0.006f, 0.004f), "heel", 0.008f, 0.002f},
                         {L("plantar_tarsals") + o(0, -0.004f, 0), "midfoot", 0.014f, 0.002f},
                         {L("toes_plantar") + o(0, 0.001f, -0.012f), "toes", 0.020f, 0.002f}});
    m("flexor_digitorum_brevis", {{L("calcaneus") + o(0, -0.002f, 0.01f), "heel", 0.006f, 0.004f},
                                  {L("plantar_tarsals") + o(0, 0.0f, 0.01f), "midfoot", 0.010f, 0.008f},
                                  {J("toes") + o(-0.004f, -0.004f, 0.0f), "toes", 0.012f, 0.003f}});
    m("gastrocnemius", {{L("femoral_condyles") + o(0, 0.004f, 0), "femur", 0.012f, 0.006f},
                        {J("tibia") + o(0.001f, -0.040f, -0.022f), "tibia", 0.021f, 0.015f},
                        {J("tibia") + o(0.000f, -0.100f, -0.022f), "tibia", 0.015f, 0.010f},
                        {J("talus") + o(0.000f, 0.090f, -0.026f), "tibia", 0.010f, 0.004f}});
    m("achilles_tendon", {{J("talus") + o(0.000f, 0.095f, -0.024f), "tibia", 0.008f, 0.004f},
                          {J("talus") + o(0.000f, 0.030f, -0.026f), "tibia", 0.005f, 0.005f},
                          {L("calcaneus") + o(0, 0.008f, 0.003f), "heel", 0.007f, 0.003f}});
    m("extensor_digitorum_longus",
      {{L("lateral_tibial_condyle") + o(-0.003f, -0.008f, 0.006f), "tibia", 0.006f, 0.006f},
       {J("tibia") + o(0.013f, -0.12f, 0.016f), "tibia", 0.009f, 0.011f},
       {J("talus") + o(0.006f, 0.010f, 0.020f), "tibia", 0.006f, 0.003f},
       {J("metatarsals") + o(0.010f, 0.006f, 0.010f), "metatarsals", 0.016f, 0.002f},
       {L("toes_dorsal") + o(0.004f, 0.0f, -0.006f), "toes", 0.018f, 0.002f}});
    m("tibialis_anterior",
      {{L("lateral_tibial_condyle") + o(-0.010f, -0.012f, 0.012f), "tibia", 0.007f, 0.006f},
       {J("tibia") + o(0.006f, -0.09f, 0.022f), "tibia", 0.010f, 0.016f},
       {J("talus") + o(-0.004f, 0.030f, 0.020f), "tibia", 0.005f, 0.005f},
       {J("talus") + o(-0.010f, 0.000f, 0.024f), "talus", 0.004f, 0.003f},
       {L("metatarsal_base_1") + o(0.0f, -0.002f, -0.002f), "metatarsals", 0.005f, 0.003f}});
    m("fibularis_longus", {{L("fibular_head") + o(0.003f, -0.004f, 0.0f), "tibia", 0.006f, 0.006f},
                           {J("tibia") + o(0.024f, -0.08f, -0.004f), "tibia", 0.008f, 0.011f},
                           {J("talus") + o(0.014f, 0.025f, -0.010f), "tibia", 0.005f, 0.004f},
                           {J("talus") + o(0.016f, -0.018f, -0.004f), "talus", 0.004f, 0.003f},
                           {J("midfoot") + o(0.016f, -0.020f, 0.010f), "midfoot", 0.004f, 0.003f},
                           {L("metatarsal_base_1") + o(0.004f, -0.008f, 0), "metatarsals", 0.004f, 0.003f}});
    m("fibularis_brevis", {{J("tibia") + o(0.022f, -0.12f, -0.010f), "tibia", 0.006f, 0.006f},
                           {J("talus") + o(0.013f, 0.030f, -0.012f), "tibia", 0.005f, 0.006f},
                           {J("talus") + o(0.016f, -0.014f, -0.008f), "talus", 0.004f, 0.003f},
                           {L("metatarsal_base_5") + o(0.002f, 0.002f, 0), "metatarsals", 0.004f, 0.003f}});
    m("anterior_fibular_head_ligament",
      {{L("fibular_head") + o(0.0f, 0.0f, 0.004f), "tibia", 0.004f, 0.002f},
       {L("lateral_tibial_condyle") + o(0.0f, -0.002f, 0.002f), "tibia", 0.004f, 0.002f}});
    m("tibialis_posterior",
      {{L("posterior_tibia_fibula_upper") + o(0, -0.01f, -0.004f), "tibia", 0.006f, 0.006f},
       {J("tibia") + o(0.002f, -0.11f, -0.018f), "tibia", 0.008f, 0.011f},
       {J("talus") + o(-0.012f, 0.028f, -0.012f), "tibia", 0.004f, 0.004f},
       {J("talus") + o(-0.018f, -0.010f, 0.004f), "talus", 0.004f, 0.003f},
       {L("plantar_tarsals") + o(-0.010f, 0.004f, 0.0f), "midfoot", 0.005f, 0.003f}});
    m("flexor_digitorum_longus", {{J("tibia") + o(-0.008f, -0.06f, -0.016f), "tibia", 0.005f, 0.005f},
                                  {J("tibia") + o(-0.008f, -0.16f, -0.014f), "tibia", 0.007f, 0.009f},
                                  {J("talus") + o(-0.016f, 0.018f, -0.014f), "tibia", 0.004f, 0.003f},
                                  {J("talus") + o(-0.014f, -0.022f, 0.010f), "talus", 0.004f, 0.003f},
                                  {L("plantar_tarsals") + o(0, 0.002f, 0.02f), "midfoot", 0.006f, 0.003f},
                                  {L("toes_plantar") + o(0, 0.003f, -0.004f), "toes", 0.012f, 0.002f}});
    m("popliteus", {{J("femur") + o(0.016f, -0.238f, -0.010f), "femur", 0.004f, 0.003f},
                    {J("tibia") + o(0.004f, -0.020f, -0.020f), "tibia", 0.010f, 0.006f},
                    {J("tibia") + o(-0.010f, -0.036f, -0.016f), "tibia", 0.010f, 0.003f}});
  }

  void thigh() {
    const vec3 knee = J("tibia");
    m("biceps_femoris", {{L("ischial_tuberosity") + o(0.002f, -0.002f, -0.006f), "pelvis", 0.006f, 0.008f},
                         {J("femur") + o(0.006f, -0.11f, -0.036f), "femur", 0.015f, 0.022f},
                         {knee + o(0.012f, 0.045f, -0.030f), "femur", 0.010f, 0.010f},
                         {L("fibular_head") + o(0.002f, 0.004f, -0.004f), "tibia", 0.005f, 0.003f}});
    m("semitendinosus", {{L("ischial_tuberosity") + o(-0.002f, -0.004f, -0.008f), "pelvis", 0.006f, 0.008f},
                         {J("femur") + o(-0.018f, -0.12f, -0.038f), "femur", 0.012f, 0.018f},
                         {knee + o(-0.018f, 0.030f, -0.026f), "femur", 0.006f, 0.006f},
                         {knee + o(-0.022f, -0.012f, -0.010f), "tibia", 0.004f, 0.003f},
                         {L("medial_tibial_condyle") + o(0.004f, -0.018f, 0.006f), "tibia", 0.004f, 0.002f}});
    m("semimembranosus",
      {{L("ischial_tuberosity") + o(0.002f, 0.002f, 0.0f), "pelvis", 0.006f, 0.006f},
       {J("femur") + o(-0.016f, -0.16f, -0.026f), "femur", 0.014f, 0.018f},
       {knee + o(-0.016f, 0.012f, -0.022f), "femur", 0.008f, 0.008f},
       {L("medial_tibial_condyle") + o(0.002f, -0.004f, -0.016f), "tibia", 0.005f, 0.003f}});
    m("patellar_tendon", {{L("patella") + o(0, -0.012f, -0.006f), "patella", 0.008f, 0.003f},
                          {L("tibial_tuberosity") + o(0, 0.002f, -0.002f), "tibia", 0.006f, 0.003f}});
    m("rectus_femoris", {{L("aiis") + o(0, -0.004f, 0.0f), "pelvis", 0.005f, 0.005f},
                         {J("femur") + o(-0.002f, -0.05f, 0.028f), "femur", 0.012f, 0.016f},
                         {J("femur") + o(0.000f, -0.15f, 0.032f), "femur", 0.016f, 0.022f},
                         {L("patella") + o(0, 0.020f, -0.006f), "patella", 0.010f, 0.004f}});
    m("vastus_lateralis", {{L("greater_trochanter") + o(0.0f, -0.010f, 0.004f), "femur", 0.012f, 0.008f},
                           {L("femur_shaft_lateral") + o(0.006f, 0.03f, 0.004f), "femur", 0.020f, 0.024f},
                           {knee + o(0.018f, 0.05f, 0.014f), "femur", 0.014f, 0.012f},
                           {L("patella") + o(0.010f, 0.004f, -0.010f), "patella", 0.006f, 0.003f}});
    m("iliotibial_tract",
      {{L("greater_trochanter") + o(0.010f, 0.012f, 0.000f), "femur", 0.014f, 0.002f},
       {L("femur_shaft_lateral") + o(0.028f, 0.03f, -0.002f), "femur", 0.010f, 0.002f},
       {knee + o(0.026f, 0.04f, 0.000f), "femur", 0.008f, 0.002f},
       {L("lateral_tibial_condyle") + o(0.003f, -0.004f, 0.006f), "tibia", 0.006f, 0.002f}});
    m("tensor_fasciae_latae",
      {{L("asis") + o(0.004f, -0.004f, -0.006f), "pelvis", 0.006f, 0.006f},
       {L("greater_trochanter") + o(0.010f, 0.010f, 0.022f), "femur", 0.009f, 0.014f},
       {L("greater_trochanter") + o(0.014f, -0.030f, 0.012f), "femur", 0.008f, 0.004f}});
    // Gluteus maximus: from the long line of the ilium behind the PSIS, the sacrum and the coccyx, its
    // coarse fibres run down and out to the iliotibial tract and the gluteal tuberosity; the thick
    // belly (3-4 cm) makes the buttock's dome, its lower border the gluteal fold.
    m("gluteus_maximus", {{L("psis") + o(-0.012f, -0.040f, -0.010f), "pelvis", 0.036f, 0.012f},
                          {L("psis") + o(0.022f, -0.064f, -0.012f), "pelvis", 0.036f, 0.020f},
                          {L("greater_trochanter") + o(-0.002f, -0.034f, -0.016f), "femur", 0.022f, 0.013f},
                          {L("femur_shaft_lateral") + o(0.004f, 0.070f, -0.010f), "femur", 0.010f, 0.004f}});
    m("sartorius", {{L("asis") + o(0, -0.003f, 0.002f), "pelvis", 0.005f, 0.004f},
                    {J("femur") + o(-0.012f, -0.080f, 0.036f), "femur", 0.008f, 0.008f},
                    {J("femur") + o(-0.036f, -0.180f, 0.008f), "femur", 0.008f, 0.008f},
                    {knee + o(-0.028f, 0.010f, -0.012f), "femur", 0.006f, 0.005f},
                    {L("medial_tibial_condyle") + o(0.002f, -0.020f, 0.004f), "tibia", 0.005f, 0.002f}});
    m("adductor_longus", {{L("pubic_tubercle") + o(0.0f, -0.004f, -0.002f), "pelvis", 0.006f, 0.006f},
                          {J("femur") + o(-0.034f, -0.060f, 0.010f), "femur", 0.016f, 0.018f},
                          {L("linea_aspera") + o(-0.006f, 0.0f, -0.002f), "femur", 0.006f, 0.004f}});
    m("adductor_brevis", {{L("pubic_tubercle") + o(0.004f, -0.014f, -0.010f), "pelvis", 0.006f, 0.006f},
                          {J("femur") + o(-0.018f, -0.05f, -0.004f), "femur", 0.012f, 0.012f},
                          {L("linea_aspera") + o(-0.004f, 0.06f, 0.002f), "femur", 0.006f, 0.003f}});
    m("adductor_magnus", {{L("ischial_ramus") + o(0.0f, -0.006f, -0.010f), "pelvis", 0.010f, 0.008f},
                          {J("femur") + o(-0.034f, -0.100f, -0.016f), "femur", 0.022f, 0.024f},
                          {J("femur") + o(-0.024f, -0.190f, -0.012f), "femur", 0.012f, 0.014f},
                          {L("medial_femoral_epicondyle") + o(0.002f, 0.006f, 0), "femur", 0.005f, 0.003f}});
    m("pectineus", {{L("pubic_tubercle") + o(0.010f, 0.004f, -0.004f), "pelvis", 0.008f, 0.005f},
                    {J("femur") + o(-0.004f, -0.020f, 0.016f), "femur", 0.008f, 0.010f},
                    {L("lesser_trochanter") + o(0.0f, -0.012f, -0.002f), "femur", 0.005f, 0.003f}});
    m("psoas", {{J("lumbar_1") + o(0.014f, 0.008f, 0.004f), "lumbar_1", 0.006f, 0.008f},
                {J("lumbar_4") + o(0.024f, 0.0f, 0.006f), "lumbar_4", 0.012f, 0.022f},
                {J("femur") + o(-0.010f, 0.030f, 0.020f), "pelvis", 0.010f, 0.016f},
                {L("lesser_trochanter") + o(0.0f, 0.004f, 0.004f), "femur", 0.005f, 0.004f}});
    m("iliacus", {{L("iliac_crest") + o(-0.014f, -0.004f, 0.012f), "pelvis", 0.022f, 0.004f},
                  {J("femur") + o(0.004f, 0.050f, 0.010f), "pelvis", 0.020f, 0.012f},
                  {J("femur") + o(0.000f, 0.012f, 0.024f), "pelvis", 0.010f, 0.010f},
                  {L("lesser_trochanter") + o(0.004f, 0.004f, 0.006f), "femur", 0.005f, 0.004f}});
    m("sacrotuberous_ligament",
      {{L("psis") + o(-0.010f, -0.030f, 0.002f), "pelvis", 0.008f, 0.003f},
       {L("ischial_tuberosity") + o(-0.002f, 0.004f, -0.006f), "pelvis", 0.004f, 0.003f}});
  }

  void trunk() {
    const float s = side;
    m("erector_spinae", {{L("sacrum") + o(0.014f, -0.010f, -0.006f), "pelvis", 0.012f, 0.010f},
                         {J("lumbar_3") + o(0.020f, 0.0f, -0.028f), "lumbar_3", 0.014f, 0.018f},
                         {J("thoracic_lower") + o(0.024f, 0.03f, -0.036f), "thoracic_lower", 0.014f, 0.015f},
                         {J("thoracic_upper") + o(0.020f, 0.03f, -0.032f), "thoracic_upper", 0.012f, 0.010f},
                         {J("cervical_lower") + o(0.014f, 0.02f, -0.016f), "cervical_lower", 0.008f, 0.006f},
                         {L("mastoid_process") + o(-0.018f, 0.004f, -0.016f), "skull", 0.005f, 0.003f}});
    m("thoracolumbar_fascia",
      {{L("sacrum") + o(0.010f, -0.010f, -0.010f), "pelvis", 0.012f, 0.002f},
       {J("lumbar_3") + o(0.030f, 0.0f, -0.060f), "lumbar_3", 0.020f, 0.002f},
       {J("thoracic_lower") + o(0.034f, 0.020f, -0.058f), "thoracic_lower", 0.018f, 0.002f}});
    m("rectus_abdominis",
      {{L("pubic_tubercle") + o(-0.004f, 0.002f, 0.004f), "pelvis", 0.008f, 0.006f},
       {J("lumbar_4") + o(0.024f, 0.0f, 0.060f), "lumbar_4", 0.014f, 0.008f},
       {J("lumbar_1") + o(0.026f, 0.0f, 0.066f), "lumbar_1", 0.016f, 0.008f},
       {L("ribs_5_6_cartilage") + o(0.006f, 0.0f, 0.004f), "thoracic_lower", 0.016f, 0.004f}});
    m("external_oblique", {{L("lateral_ribs") + o(0.004f, 0.0f, 0.004f), "thoracic_lower", 0.025f, 0.006f},
                           {L("lower_ribs") + o(0.010f, -0.040f, 0.006f), "lumbar_2", 0.030f, 0.009f},
                           {J("lumbar_4") + o(0.058f, -0.01f, 0.046f), "lumbar_4", 0.024f, 0.006f},
                           {L("pubic_tubercle") + o(0.012f, 0.030f, 0.012f), "pelvis", 0.016f, 0.003f}});
    m("internal_oblique",
      {{L("iliac_crest") + o(-0.004f, 0.004f, 0.008f), "pelvis", 0.016f, 0.005f},
       {J("lumbar_3") + o(0.060f, 0.0f, 0.034f), "lumbar_3", 0.026f, 0.006f},
       {J("lumbar_1") + o(0.044f, 0.0f, 0.056f), "lumbar_1", 0.020f, 0.005f},
       {L("costal_cartilages") + o(0.000f, -0.004f, 0.0f), "thoracic_lower", 0.016f, 0.003f}});
    m("intercostals", {{L("rib_1_2") + o(0.030f, -0.012f, -0.004f), "thoracic_upper", 0.020f, 0.003f},
                       {L("lateral_ribs") + o(-0.002f, 0.040f, 0.000f), "thoracic_upper", 0.030f, 0.004f},
                       {L("lateral_ribs") + o(-0.004f, -0.030f, -0.004f), "thoracic_lower", 0.030f, 0.004f},
                       {L("lower_ribs") + o(-0.008f, -0.006f, -0.010f), "thoracic_lower", 0.020f, 0.003f}});
    m("serratus_anterior",
      {{L("scapula_medial_border") + o(0.006f, 0.0f, 0.010f), "scapula", 0.030f, 0.003f},
       {J("thoracic_lower") + o(0.072f, 0.045f, -0.010f), "thoracic_lower", 0.032f, 0.006f},
       {L("lateral_ribs") + o(0.006f, 0.006f, 0.020f), "thoracic_lower", 0.034f, 0.004f}});
    m("transversus_thoracis",
      {{L("xiphoid") + o(0.006f, 0.012f, -0.012f), "thoracic_lower", 0.005f, 0.002f},
       {L("rib_5") + o(-0.002f, 0.012f, -0.014f), "thoracic_upper", 0.010f, 0.003f},
       {L("ribs_3_5") + o(-0.004f, 0.014f, -0.012f), "thoracic_upper", 0.008f, 0.002f}});
    (void)s;
  }

  void midline_trunk() {
    const vec3 X(1, 0, 0);
    m("diaphragm",
      {{L("xiphoid") + o(0, -0.004f, -0.012f), "thoracic_lower", 0.050f, 0.003f},
       {c.f(0, 0.726f, 0.010f), "thoracic_lower", 0.075f, 0.004f},
       {c.f(0, 0.712f, -0.018f), "thoracic_lower", 0.070f, 0.004f},
       {J("lumbar_2") + o(0, 0.0f, 0.010f), "lumbar_2", 0.018f, 0.004f}},
      true, 0.0f, X);
    m("linea_alba",
      {{L("xiphoid") + o(0, -0.004f, 0.006f), "thoracic_lower", 0.003f, 0.002f},
       {J("lumbar_1") + o(0, 0.0f, 0.072f), "lumbar_1", 0.004f, 0.002f},
       {J("lumbar_4") + o(0, 0.0f, 0.066f), "lumbar_4", 0.003f, 0.002f},
       {L("pubic_symphysis") + o(0, 0.004f, 0.006f), "pelvis", 0.003f, 0.002f}},
      true, 0.0015f, X);
    m("sternalis_fascia",
      {{L("manubrium") + o(0, 0.004f, 0.004f), "thoracic_upper", 0.012f, 0.002f},
       {L("xiphoid") + o(0, 0.0f, 0.004f), "thoracic_lower", 0.010f, 0.002f}},
      true, 0.002f, X);
    m("pelvic_floor",
      {{L("pubic_symphysis") + o(0, -0.008f, -0.010f), "pelvis", 0.012f, 0.004f},
       {c.f(0, 0.500f, -0.012f), "pelvis", 0.036f, 0.006f},
       {L("coccyx") + o(0, -0.004f, 0.006f), "pelvis", 0.010f, 0.004f}},
      true, 0.0f, X);
    const vec3 ant(0, 0, 1);
    (void)ant;
    m("anterior_longitudinal_ligament",
      {{J("lumbar_5") + o(0, -0.008f, 0.014f), "pelvis", 0.006f, 0.0015f},
       {J("lumbar_3") + o(0, 0.0f, 0.017f), "lumbar_3", 0.007f, 0.0015f},
       {J("thoracic_lower") + o(0, 0.0f, 0.014f), "thoracic_lower", 0.006f, 0.0015f},
       {J("thoracic_upper") + o(0, 0.0f, 0.012f), "thoracic_upper", 0.005f, 0.0015f},
       {J("cervical_lower") + o(0, 0.0f, 0.010f), "cervical_lower", 0.004f, 0.0015f},
       {L("basilar_occiput") + o(0, 0.0f, 0.002f), "skull", 0.004f, 0.0015f}},
      true, 0.0008f, X);
    m("galea_aponeurotica",
      {{L("brow_ridge") + o(0, 0.008f, 0.002f), "skull", 0.030f, 0.0015f},
       {c.f(0, 0.999f, 0.020f), "skull", 0.036f, 0.0015f},
       {c.f(0, 0.985f, -0.040f), "skull", 0.034f, 0.0015f},
       {L("occipital_ridge") + o(0, 0.006f, -0.002f), "skull", 0.026f, 0.0015f}},
      true, 0.0015f, X);
    // The galea lies on the pericranium, a few millimetres over the bone and under the scalp's skin.
    out.back().conform = 0.04f * c.H;
    out.back().clearance = 0.002f * c.H;
    const vec3 Z(0, 0, 1);
    m("scalp_fascia",
      {{c.lm("mastoid_process.l") + c.f(0.004f, 0.012f, 0.0f), "skull", 0.012f, 0.0015f},
       {c.f(0.048f, 0.962f, -0.008f), "skull", 0.020f, 0.0015f},
       {c.f(0.0f, 1.000f, -0.010f), "skull", 0.020f, 0.0015f},
       {c.f(-0.048f, 0.962f, -0.008f), "skull", 0.020f, 0.0015f},
       {c.lm("mastoid_process.r") + c.f(-0.004f, 0.012f, 0.0f), "skull", 0.012f, 0.0015f}},
      true, 0.002f, Z);
    out.back().conform = 0.04f * c.H;
  }

  void neck() {
    m("sternocleidomastoid",
      {{L("clavicle_medial") + o(-0.004f, 0.004f, 0.006f), "clavicle", 0.008f, 0.005f},
       {J("cervical_lower") + o(0.020f, 0.012f, 0.028f), "cervical_lower", 0.008f, 0.008f},
       {L("mastoid_process") + o(0.002f, 0.002f, 0.002f), "skull", 0.006f, 0.004f}});
    m("splenius_capitis",
      {{L("upper_thoracic_spinous_processes") + o(0.004f, 0.010f, 0.004f), "thoracic_upper", 0.006f, 0.003f},
       {J("cervical_upper") + o(0.016f, 0.0f, -0.020f), "cervical_upper", 0.010f, 0.006f},
       {L("mastoid_process") + o(-0.006f, 0.006f, -0.008f), "skull", 0.010f, 0.003f}});
    m("splenius_cervicis",
      {{L("upper_thoracic_spinous_processes") + o(0.004f, -0.020f, 0.006f), "thoracic_upper", 0.005f, 0.003f},
       {J("cervical_lower") + o(0.020f, 0.0f, -0.016f), "cervical_lower", 0.007f, 0.005f},
       {L("cervical_transverse_processes") + o(0.002f, 0.006f, -0.006f), "cervical_upper", 0.005f, 0.003f}});
    m("scalenes",
      {{L("cervical_transverse_processes") + o(0.002f, 0.004f, 0.002f), "cervical_upper", 0.005f, 0.005f},
       {J("cervical_lower") + o(0.024f, -0.006f, 0.004f), "cervical_lower", 0.007f, 0.006f},
       {L("rib_1_2") + o(0.004f, 0.004f, -0.006f), "thoracic_upper", 0.007f, 0.004f}});
    m("longus_colli", {{J("thoracic_upper") + o(0.006f, 0.050f, 0.014f), "thoracic_upper", 0.003f, 0.003f},
                       {J("cervical_lower") + o(0.007f, 0.010f, 0.014f), "cervical_lower", 0.004f, 0.005f},
                       {J("skull") + o(0.005f, -0.012f, 0.014f), "cervical_upper", 0.003f, 0.003f}});
    m("levator_scapulae",
      {{L("cervical_transverse_processes") + o(0.002f, 0.006f, -0.006f), "cervical_upper", 0.005f, 0.005f},
       {J("cervical_lower") + o(0.028f, -0.010f, -0.020f), "cervical_lower", 0.007f, 0.006f},
       {J("scapula") + o(-0.050f, -0.016f, -0.060f), "scapula", 0.007f, 0.004f}});
    m("infrahyoids", {{L("hyoid") + o(0.006f, -0.002f, 0.0f), "cervical_upper", 0.005f, 0.002f},
                      {J("cervical_lower") + o(0.010f, 0.010f, 0.034f), "cervical_lower", 0.006f, 0.003f},
                      {L("manubrium") + o(0.006f, 0.010f, -0.010f), "thoracic_upper", 0.006f, 0.002f}});
    m("suprahyoids", {{L("hyoid") + o(0.004f, 0.002f, 0.002f), "cervical_upper", 0.005f, 0.002f},
                      {J("mandible") + o(0.016f, -0.036f, 0.030f), "mandible", 0.010f, 0.005f},
                      {L("mandible") + o(0.008f, 0.004f, -0.010f), "mandible", 0.006f, 0.002f}});
  }

  void arm() {
    const vec3 sh = J("humerus"), elbow = J("forearm"), wrist = J("hand");
    m("trapezius", {{c.f(0.0f, 0.788f, -0.078f), "thoracic_upper", 0.046f, 0.004f},
                    {c.f(0.050f, 0.802f, -0.072f), "thoracic_upper", 0.040f, 0.008f},
                    {L("acromion") + o(-0.008f, 0.008f, -0.010f), "scapula", 0.018f, 0.006f}});
    // Trapezius's fibres from the spine converge on the shoulder; the path above is the middle
    // fibres, the width spans the occiput to T12.
    out.back().path[0].pos = c.f(0.004f * side, 0.788f, -0.078f);
    m("rhomboids",
      {{L("upper_thoracic_spinous_processes") + o(0.006f, -0.020f, 0.004f), "thoracic_upper", 0.022f, 0.005f},
       {L("scapula_medial_border") + o(0.004f, 0.004f, -0.004f), "scapula", 0.024f, 0.004f}});
    m("pectoralis_major",
      {{c.f(0.014f, 0.770f, 0.050f, side), "thoracic_upper", 0.036f, 0.005f},
       {c.f(0.050f, 0.770f, 0.054f, side), "thoracic_upper", 0.040f, 0.013f},
       {c.f(0.090f, 0.778f, 0.030f, side), "humerus", 0.020f, 0.010f},
       // The tendon's end as the mesh has always drawn it (4 % of stature above the old,
       // lower humerus_shaft landmark, offset before the arm's rest abduction).
       {abduct_arm(c.f(0.112f, 0.720f, 0.002f, side), side, c.skeleton.params) + o(0.002f, 0.040f, 0.006f),
        "humerus", 0.010f, 0.003f}});
    m("pectoralis_minor",
      {{L("ribs_3_5") + o(0.0f, -0.004f, 0.002f), "thoracic_upper", 0.016f, 0.003f},
       {L("coracoid_process") + o(-0.006f, -0.016f, 0.020f), "thoracic_upper", 0.010f, 0.007f},
       {L("coracoid_process") + o(0.0f, -0.002f, 0.002f), "scapula", 0.004f, 0.003f}});
    m("latissimus_dorsi",
      {{c.f(0.030f, 0.650f, -0.080f, side), "lumbar_2", 0.050f, 0.003f},
       {c.f(0.066f, 0.700f, -0.058f, side), "thoracic_lower", 0.042f, 0.006f},
       {c.f(0.088f, 0.752f, -0.034f, side), "thoracic_upper", 0.022f, 0.010f},
       {L("medial_humeral_line") + o(0.002f, 0.062f, 0.010f), "humerus", 0.008f, 0.003f}});
    m("deltoid", {{L("acromion") + o(-0.012f, 0.004f, 0.004f), "scapula", 0.034f, 0.006f},
                  {sh + o(0.022f, -0.012f, 0.002f), "humerus", 0.032f, 0.020f},
                  {L("deltoid_tubercle") + o(0.002f, 0.014f, 0.002f), "humerus", 0.012f, 0.012f},
                  {L("deltoid_tubercle") + o(0.001f, -0.004f, 0.0f), "humerus", 0.004f, 0.003f}});
    m("infraspinatus", {{L("scapula_medial_border") + o(0.008f, -0.006f, 0.006f), "scapula", 0.024f, 0.004f},
                        {L("scapular_spine") + o(0.006f, -0.030f, 0.008f), "scapula", 0.024f, 0.010f},
                        {sh + o(0.006f, -0.004f, -0.020f), "humerus", 0.008f, 0.004f}});
    m("teres_minor", {{L("scapular_spine") + o(0.014f, -0.058f, 0.030f), "scapula", 0.006f, 0.004f},
                      {sh + o(0.002f, -0.026f, -0.026f), "scapula", 0.008f, 0.008f},
                      {sh + o(0.008f, -0.012f, -0.016f), "humerus", 0.006f, 0.003f}});
    m("biceps_brachii", {{L("coracoid_process") + o(0.004f, -0.004f, 0.004f), "scapula", 0.004f, 0.004f},
                         {sh + o(0.004f, -0.060f, 0.020f), "humerus", 0.010f, 0.014f},
                         {elbow + o(0.000f, 0.060f, 0.022f), "humerus", 0.013f, 0.020f},
                         {elbow + o(0.000f, -0.004f, 0.018f), "humerus", 0.006f, 0.005f},
                         {L("radial_tuberosity") + o(0.0f, 0.0f, 0.008f), "forearm", 0.004f, 0.003f}});
    m("coracobrachialis", {{L("coracoid_process") + o(-0.002f, -0.008f, 0.0f), "scapula", 0.004f, 0.004f},
                           {sh + o(-0.010f, -0.040f, 0.010f), "humerus", 0.007f, 0.009f},
                           {L("medial_humeral_line") + o(0.0f, 0.010f, 0.006f), "humerus", 0.004f, 0.003f}});
    m("triceps_brachii", {{sh + o(-0.008f, -0.022f, -0.020f), "scapula", 0.006f, 0.006f},
                          {sh + o(0.002f, -0.060f, -0.022f), "humerus", 0.016f, 0.020f},
                          {elbow + o(0.000f, 0.060f, -0.024f), "humerus", 0.014f, 0.016f},
                          {L("olecranon") + o(0.0f, 0.006f, 0.000f), "forearm", 0.006f, 0.003f}});
    m("medial_intermuscular_septum",
      {{L("medial_humeral_line") + o(-0.003f, 0.020f, 0.0f), "humerus", 0.003f, 0.0015f},
       {L("medial_epicondyle") + o(0.001f, 0.010f, 0.0f), "humerus", 0.004f, 0.0015f}},
      false, 0.0008f);
    m("lateral_intermuscular_septum",
      {{L("deltoid_tubercle") + o(0.001f, -0.006f, -0.004f), "humerus", 0.003f, 0.0015f},
       {L("lateral_epicondyle") + o(0.002f, 0.010f, 0.0f), "humerus", 0.004f, 0.0015f}},
      false, 0.0008f);
    m("forearm_flexors", {{L("medial_epicondyle") + o(-0.002f, -0.002f, 0.004f), "humerus", 0.006f, 0.006f},
                          {elbow + o(-0.010f, -0.040f, 0.016f), "forearm", 0.016f, 0.018f},
                          {wrist + o(-0.008f, 0.030f, 0.004f), "forearm", 0.012f, 0.006f},
                          {L("fingers_palmar") + o(-0.001f, 0.020f, 0.0f), "hand", 0.012f, 0.003f}});
    m("forearm_extensors", {{L("lateral_epicondyle") + o(0.002f, -0.002f, 0.002f), "humerus", 0.006f, 0.006f},
                            {elbow + o(0.012f, -0.040f, -0.006f), "forearm", 0.014f, 0.016f},
                            {wrist + o(0.008f, 0.030f, -0.004f), "forearm", 0.011f, 0.005f},
                            {L("fingers_dorsal") + o(0.0f, 0.020f, 0.0f), "hand", 0.012f, 0.002f}});
    m("radial_periosteum",
      {{L("radial_tuberosity") + o(0.002f, 0.0f, 0.004f), "forearm", 0.003f, 0.0015f},
       {L("radial_styloid") + o(0.0f, 0.006f, 0.001f), "forearm", 0.004f, 0.0015f}},
      false, 0.0006f);
    m("ulnar_periosteum",
      {{L("olecranon") + o(0.0f, -0.010f, 0.002f), "forearm", 0.003f, 0.0015f},
       {L("ulnar_styloid") + o(0.0f, 0.006f, 0.0f), "forearm", 0.004f, 0.0015f}},
      false, 0.0006f);
    m("radial_collateral_ligament",
      {{L("radial_styloid") + o(0.0f, 0.002f, 0.001f), "forearm", 0.003f, 0.002f},
       {L("scaphoid_trapezium") + o(0.0f, 0.0f, 0.002f), "hand", 0.003f, 0.002f}},
      false, 0.0008f);
    m("ulnar_collateral_ligament",
      {{L("ulnar_styloid") + o(0.0f, 0.002f, -0.001f), "forearm", 0.003f, 0.002f},
       {L("triquetrum_hamate") + o(0.0f, 0.0f, -0.002f), "hand", 0.003f, 0.002f}},
      false, 0.0008f);
    m("thenar_muscles", {{L("scaphoid_trapezium") + o(-0.006f, -0.004f, 0.0f), "hand", 0.006f, 0.004f},
                         {J("thumb_1") + o(-0.008f, -0.014f, 0.002f), "thumb_1", 0.010f, 0.011f},
                         {J("thumb_2") + o(-0.004f, 0.002f, -0.002f), "thumb_1", 0.005f, 0.003f}});
    m("hypothenar_muscles", {{L("triquetrum_hamate") + o(-0.006f, -0.004f, 0.0f), "hand", 0.005f, 0.004f},
                             {J("hand") + o(-0.006f, -0.034f, -0.018f), "hand", 0.007f, 0.008f},
                             {J("little_1") + o(-0.004f, 0.002f, -0.002f), "hand", 0.004f, 0.003f}});
  }
};

const std::vector<std::string> kTissueIds = {
    "plantar_fascia", "flexor_digitorum_brevis", "gastrocnemius", "achilles_tendon",
    "extensor_digitorum_longus", "tibialis_anterior", "fibularis_longus", "fibularis_brevis",
    "anterior_fibular_head_ligament", "tibialis_posterior", "flexor_digitorum_longus", "popliteus",
    "biceps_femoris", "semitendinosus", "semimembranosus", "patellar_tendon", "rectus_femoris",
    "vastus_lateralis", "iliotibial_tract", "tensor_fasciae_latae", "gluteus_maximus", "sartorius",
    "adductor_longus", "adductor_brevis", "adductor_magnus", "pectineus", "psoas", "iliacus",
    "sacrotuberous_ligament", "erector_spinae", "thoracolumbar_fascia", "rectus_abdominis",
    "external_oblique", "internal_oblique", "intercostals", "serratus_anterior", "diaphragm", "linea_alba",
    "sternalis_fascia", "pelvic_floor", "anterior_longitudinal_ligament", "transversus_thoracis",
    "sternocleidomastoid", "splenius_capitis", "splenius_cervicis", "scalenes", "longus_colli",
    "levator_scapulae", "infrahyoids", "suprahyoids", "galea_aponeurotica", "scalp_fascia", "trapezius",
    "rhomboids", "pectoralis_major", "pectoralis_minor", "latissimus_dorsi", "deltoid", "infraspinatus",
    "teres_minor", "biceps_brachii", "coracobrachialis", "triceps_brachii", "medial_intermuscular_septum",
    "lateral_intermuscular_septum", "forearm_flexors", "forearm_extensors", "radial_periosteum",
    "ulnar_periosteum", "thenar_muscles", "hypothenar_muscles",
    // Added by the atlas (docs/ids.md).
    "radial_collateral_ligament", "ulnar_collateral_ligament"};

}  // namespace

const std::vector<std::string>& tissue_ids() {
  return kTissueIds;
}

std::vector<MuscleShape> make_muscle_shapes(const AnatomyContext& c) {
  Table t{c, 1.0f, {}};
  t.midline_trunk();
  for (float side : {1.0f, -1.0f}) {
    t.side = side;
    t.leg();
    t.thigh();
    t.trunk();
    t.neck();
    t.arm();
  }
  return std::move(t.out);
}

}  // namespace fascia::body

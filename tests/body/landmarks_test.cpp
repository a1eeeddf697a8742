#include <doctest/doctest.h>

#include <regex>

#include "body/landmarks.h"
#include "core/file_io.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

namespace {

struct Fixture {
  Skeleton skeleton = make_skeleton({});
  std::vector<Landmark> landmarks = make_landmarks(skeleton);
  std::vector<vec3> joints = skeleton.rest_positions();
  std::vector<mat4> world = world_transforms(skeleton, Pose{});

  vec3 lm(const std::string& id) const {
    const Landmark* l = find_landmark(landmarks, id);
    REQUIRE_MESSAGE(l, id);
    return landmark_world(*l, world);
  }
  vec3 joint(const std::string& name) const {
    int i = skeleton.find(name);
    REQUIRE_MESSAGE(i >= 0, name);
    return joints[i];
  }
};

// Lateral distance from the midline, so checks read the same on both sides.
float lat(vec3 p) {
  return std::abs(p.x);
}

}  // namespace

TEST_CASE("landmarks: every landmark id of docs/ids.md exists, on both sides where paired") {
  Fixture f;
  auto text = read_file(test::tests_dir() / ".." / "docs" / "ids.md");
  REQUIRE(text.ok());
  size_t begin = text->find("## Landmarks"), end = text->find("## Tissues");
  REQUIRE(begin != std::string::npos);
  std::string section = text->substr(begin, end - begin);
  std::regex token("`([a-z0-9_]+)(\\.l/\\.r)?`");
  int checked = 0;
  for (auto it = std::sregex_iterator(section.begin(), section.end(), token); it != std::sregex_iterator();
       ++it) {
    std::string id = (*it)[1];
    bool midline = find_landmark(f.landmarks, id) != nullptr;
    bool paired = find_landmark(f.landmarks, id + ".l") && find_landmark(f.landmarks, id + ".r");
    CHECK_MESSAGE((midline || paired), id);
    ++checked;
  }
  CHECK(checked >= 70);
  CHECK(f.landmarks.size() == 130);  // 57 paired, 16 midline (with the atlas's umbilicus)
  // The ids name their side; the bone under a paired landmark is on the same side.
  for (const Landmark& l : f.landmarks) {
    const std::string& joint = f.skeleton.joints[l.joint].name;
    if (joint.ends_with(".l")) CHECK_MESSAGE(l.id.ends_with(".l"), l.id);
    vec3 p = f.lm(l.id);
    if (l.id.ends_with(".l")) CHECK_MESSAGE(p.x > 0.0f, l.id);
    if (l.id.ends_with(".r")) CHECK_MESSAGE(p.x < 0.0f, l.id);
    if (!l.id.ends_with(".l") && !l.id.ends_with(".r")) CHECK_MESSAGE(p.x == doctest::Approx(0.0f), l.id);
  }
}

TEST_CASE("landmarks: pelvis and hip stations sit where the anatomy is") {
  Fixture f;
  for (const char* s : {".l", ".r"}) {
    std::string S = s;
    vec3 hip = f.joint("femur" + S);
    vec3 isch = f.lm("ischial_tuberosity" + S);
    CHECK(isch.y < hip.y - 0.02f);  // below and behind the hip joint
    CHECK(isch.z < hip.z - 0.03f);
    CHECK(lat(isch) < lat(hip));
    vec3 asis = f.lm("asis" + S);
    CHECK(asis.z > hip.z + 0.03f);  // anterior, lateral, above
    CHECK(lat(asis) > lat(hip));
    CHECK(asis.y > hip.y + 0.05f);
    vec3 aiis = f.lm("aiis" + S);
    CHECK(aiis.y < asis.y);
    CHECK(aiis.y > hip.y);
    vec3 psis = f.lm("psis" + S);
    CHECK(psis.z < f.lm("sacrum").z + 0.01f);
    CHECK(psis.z < hip.z - 0.08f);
    CHECK(f.lm("iliac_crest" + S).y > asis.y);
    CHECK(lat(f.lm("iliac_crest" + S)) > lat(asis));
    vec3 pub = f.lm("pubic_tubercle" + S);
    CHECK(pub.z > hip.z);
    CHECK(lat(pub) < lat(hip) * 0.5f);
    vec3 gt = f.lm("greater_trochanter" + S);
    CHECK(lat(gt) > lat(hip) + 0.04f);
    vec3 lt = f.lm("lesser_trochanter" + S);
    CHECK(lt.y < hip.y - 0.03f);
    CHECK(lt.z < hip.z);
  }
  CHECK(f.lm("coccyx").y < f.lm("sacrum").y);
  CHECK(f.lm("sacrum").z < f.lm("pubic_symphysis").z - 0.1f);
}

TEST_CASE("landmarks: knee, leg and foot stations") {
  Fixture f;
  for (const char* s : {".l", ".r"}) {
    std::string S = s;
    vec3 knee = f.joint("tibia" + S), ankle = f.joint("talus" + S);
    vec3 fib = f.lm("fibular_head" + S);
    CHECK(lat(fib) > lat(knee) + 0.02f);  // lateral and below the knee
    CHECK(fib.y < knee.y);
    CHECK(fib.z < knee.z);
    vec3 tt = f.lm("tibial_tuberosity" + S);
    CHECK(tt.z > knee.z + 0.03f);
    CHECK(tt.y < knee.y);
    CHECK(f.lm("patella" + S).z > tt.z);
    CHECK(f.lm("patella" + S).y > tt.y);
    CHECK(lat(f.lm("lateral_tibial_condyle" + S)) > lat(knee) + 0.02f);
    CHECK(lat(f.lm("medial_tibial_condyle" + S)) < lat(knee) - 0.02f);
    CHECK(lat(f.lm("medial_femoral_epicondyle" + S)) < lat(knee) - 0.02f);
    vec3 cond = f.lm("femoral_condyles" + S);
    CHECK(cond.z < knee.z - 0.02f);  // posterior, where gastrocnemius arises
    CHECK(cond.y > knee.y);
    CHECK(f.lm("posterior_tibia_fibula_upper" + S).z < knee.z);
    CHECK(f.lm("linea_aspera" + S).z < f.lm("femur_shaft_lateral" + S).z);
    CHECK(lat(f.lm("femur_shaft_lateral" + S)) > lat(f.lm("linea_aspera" + S)));
    vec3 calc = f.lm("calcaneus" + S);
    CHECK(calc.z < ankle.z - 0.04f);  // behind and below the ankle
    CHECK(calc.y < ankle.y - 0.04f);
    vec3 m1 = f.lm("metatarsal_base_1" + S), m5 = f.lm("metatarsal_base_5" + S);
    CHECK(lat(m1) < lat(m5) - 0.04f);  // first medial, fifth lateral
    CHECK(m1.z > ankle.z + 0.05f);
    CHECK(f.lm("toes_dorsal" + S).y > f.lm("toes_plantar" + S).y);
    CHECK(f.lm("toes_plantar" + S).z > m1.z + 0.08f);
    CHECK(f.lm("plantar_tarsals" + S).y < ankle.y - 0.04f);
    for (const char* id : {"calcaneus", "toes_plantar", "plantar_tarsals"}) CHECK(f.lm(id + S).y >= 0.0f);
  }
}

TEST_CASE("landmarks: spine, thorax, head and neck") {
  Fixture f;
  vec3 c1 = f.joint("skull");
  vec3 occ = f.lm("occipital_ridge");
  CHECK(occ.z < c1.z - 0.05f);  // behind and above C1
  CHECK(occ.y > c1.y);
  vec3 brow = f.lm("brow_ridge");
  CHECK(brow.z > occ.z + 0.15f);  // in front of it, higher
  CHECK(brow.y > occ.y + 0.03f);
  CHECK(f.lm("mandible").y < c1.y);
  CHECK(f.lm("mandible").z > c1.z + 0.08f);
  CHECK(f.lm("hyoid").z > f.joint("cervical_upper").z + 0.05f);
  CHECK(f.lm("hyoid").y < f.lm("mandible").y + 0.02f);
  CHECK(f.lm("basilar_occiput").z > occ.z + 0.05f);
  CHECK(f.lm("nuchal_ligament").z < f.joint("cervical_upper").z - 0.03f);
  CHECK(f.lm("thoracic_spinous_processes").z < f.joint("thoracic_lower").z - 0.05f);
  CHECK(f.lm("upper_thoracic_spinous_processes").y > f.lm("thoracic_spinous_processes").y);
  CHECK(f.lm("lumbar_bodies").z > f.joint("lumbar_3").z);
  CHECK(f.lm("umbilicus").z > f.lm("lumbar_bodies").z + 0.06f);  // on the abdominal wall
  CHECK(f.lm("umbilicus").y < f.lm("xiphoid").y - 0.15f);
  CHECK(f.lm("umbilicus").y > f.lm("pubic_symphysis").y + 0.1f);
  CHECK(f.lm("manubrium").y > f.lm("xiphoid").y + 0.1f);
  CHECK(f.lm("manubrium").z > f.lm("posterior_manubrium").z);
  CHECK(f.lm("xiphoid").z > f.joint("thoracic_lower").z + 0.12f);
  for (const char* s : {".l", ".r"}) {
    std::string S = s;
    vec3 mast = f.lm("mastoid_process" + S);
    CHECK(lat(mast) > 0.06f);
    CHECK(mast.y < occ.y);
    CHECK(mast.z > occ.z);
    CHECK(f.lm("rib_5" + S).y < f.lm("ribs_3_5" + S).y);
    CHECK(f.lm("rib_1_2" + S).y > f.lm("ribs_3_5" + S).y);
    CHECK(f.lm("lower_ribs" + S).y < f.lm("lateral_ribs" + S).y);
    CHECK(lat(f.lm("lateral_ribs" + S)) > lat(f.lm("rib_5" + S)) + 0.05f);
    CHECK(lat(f.lm("lumbar_transverse_processes" + S)) > 0.03f);
    CHECK(lat(f.lm("cervical_transverse_processes" + S)) > 0.03f);
    // Ribs above the T6/T7 joint ride on thoracic_upper.
    const Landmark* r12 = find_landmark(f.landmarks, "rib_1_2" + S);
    CHECK(f.skeleton.joints[r12->joint].name == "thoracic_upper");
    CHECK(f.skeleton.joints[find_landmark(f.landmarks, "lower_ribs" + S)->joint].name == "thoracic_lower");
  }
}

TEST_CASE("landmarks: shoulder girdle and arm") {
  Fixture f;
  for (const char* s : {".l", ".r"}) {
    std::string S = s;
    vec3 cm = f.lm("clavicle_medial" + S), cl = f.lm("clavicle_lateral" + S);
    vec3 mid = 0.5f * (cm + cl);
    vec3 acr = f.lm("acromion" + S);
    CHECK(lat(acr) > lat(mid) + 0.05f);  // lateral to the clavicle's middle
    CHECK(lat(acr) > lat(cl));
    vec3 cor = f.lm("coracoid_process" + S);
    CHECK(cor.z > acr.z + 0.02f);  // in front, below the clavicle
    CHECK(cor.y < cl.y);
    vec3 border = f.lm("scapula_medial_border" + S);
    CHECK(border.z < acr.z - 0.1f);
    CHECK(lat(border) < lat(acr) * 0.5f);
    CHECK(f.lm("scapular_spine" + S).z < acr.z - 0.08f);
    vec3 elbow = f.joint("forearm" + S), wrist = f.joint("hand" + S);
    CHECK(lat(f.lm("medial_epicondyle" + S)) < lat(elbow) - 0.02f);  // medial
    CHECK(lat(f.lm("lateral_epicondyle" + S)) > lat(elbow) + 0.02f);
    CHECK(f.lm("olecranon" + S).z < elbow.z - 0.03f);
    CHECK(lat(f.lm("deltoid_tubercle" + S)) > lat(f.lm("humerus_shaft" + S)));
    CHECK(f.lm("deltoid_tubercle" + S).y > elbow.y);
    CHECK(f.lm("radial_tuberosity" + S).y < elbow.y);
    // Palms face the thighs: thumb (radial) side forward, little finger behind.
    CHECK(f.lm("radial_styloid" + S).z > f.lm("ulnar_styloid" + S).z + 0.03f);
    CHECK(f.lm("radial_styloid" + S).y > wrist.y);
    CHECK(f.lm("scaphoid_trapezium" + S).z > f.lm("triquetrum_hamate" + S).z);
    CHECK(lat(f.lm("fingers_palmar" + S)) < lat(f.lm("fingers_dorsal" + S)));
    CHECK(f.lm("thumb_lateral" + S).z > f.lm("little_finger_lateral" + S).z + 0.08f);
    CHECK(f.lm("humeral_head" + S).y > f.lm("humerus_shaft" + S).y + 0.05f);
  }
}

TEST_CASE("landmarks: follow their bone in a pose and scale with stature") {
  Skeleton s = make_skeleton({});
  auto lms = make_landmarks(s);
  Pose pose = rest_pose(s);
  pose.local_rotation[s.find("tibia.l")] = rotation_from_degrees({90, 0, 0});
  vec3 calc_rest = *landmark_position(s, lms, "calcaneus.l", Pose{});
  vec3 calc_bent = *landmark_position(s, lms, "calcaneus.l", pose);
  CHECK(calc_bent.y > calc_rest.y + 0.2f);
  CHECK(glm::length(*landmark_position(s, lms, "calcaneus.r", pose) -
                    *landmark_position(s, lms, "calcaneus.r", Pose{})) < 1e-6f);
  CHECK_FALSE(landmark_position(s, lms, "nonexistent", pose).has_value());

  Skeleton tall = make_skeleton({2.0f, 0.5f});
  vec3 brow_tall = *landmark_position(tall, make_landmarks(tall), "brow_ridge", Pose{});
  vec3 brow = *landmark_position(s, lms, "brow_ridge", Pose{});
  CHECK(brow_tall.y == doctest::Approx(brow.y * 2.0f / 1.75f).epsilon(1e-4));
}

// Bone-name parsing: one key and side whatever the case, separators, prefixes and side tokens.
#include "body/import/bone_names.h"

#include <doctest/doctest.h>

using namespace fascia::body::import_detail;

namespace {

void check_name(const char* name, const char* key, Side side, BoneRole role = BoneRole::Deform) {
  INFO(name);
  BoneName n = parse_bone_name(name);
  CHECK(n.key == key);
  CHECK(n.side == side);
  CHECK(n.role == role);
}

}  // namespace

TEST_CASE("bone names: prefixes, separators, case and sides reduce to one key") {
  for (const char* name :
       {"mixamorig:LeftUpLeg", "Armature|mixamorig:LeftUpLeg", "LeftUpLeg", "left_up_leg", "Left Up Leg",
        "LEFT_UP_LEG", "leftupleg", "mixamorig_LeftUpLeg", "UpLeg_L", "up-leg.l", "L_UpLeg", "upLeg.L"})
    check_name(name, "upleg", Side::Left);
  check_name("thigh_r", "thigh", Side::Right);
  check_name("Bip01 R Thigh", "thigh", Side::Right);
  check_name("DEF-upper_arm.L", "upperarm", Side::Left);
  check_name("DEF-thigh.L.001", "thigh1", Side::Left);
  check_name("upperleg01.L", "upperleg1", Side::Left);
  check_name("spine_01", "spine1", Side::None);
  check_name("spine.001", "spine1", Side::None);
  check_name("finger1-2.R", "finger12", Side::Right);
  check_name("DEF-f_index.01.L", "findex1", Side::Left);
  check_name("arm_joint_L_1", "armjoint1", Side::Left);
  check_name("Skeleton_torso_joint_1", "torsojoint1", Side::None);
  check_name("RightHandThumb2", "handthumb2", Side::Right);
  check_name("lThighBend", "thighbend", Side::Left);
  check_name("rShldrBend", "shldrbend", Side::Right);
}

TEST_CASE("bone names: control, IK, Rigify helper and end bones are recognised") {
  check_name("LeftFootIK", "footik", Side::Left, BoneRole::Control);
  check_name("ik_foot_l", "ikfoot", Side::Left, BoneRole::Control);
  check_name("HipsCtrl", "hipsctrl", Side::None, BoneRole::Control);
  check_name("RightKneeCtrl", "kneectrl", Side::Right, BoneRole::Control);
  check_name("LeftHeelRoll", "heelroll", Side::Left, BoneRole::Control);
  check_name("elbow_pole.L", "elbowpole", Side::Left, BoneRole::Control);
  check_name("hand_target_r", "handtarget", Side::Right, BoneRole::Control);
  check_name("ORG-thigh.L", "orgthigh", Side::Left, BoneRole::Control);
  check_name("MCH-thigh_parent.L", "mchthighparent", Side::Left, BoneRole::Control);
  check_name("thigh_fk.L", "thighfk", Side::Left, BoneRole::Control);
  check_name("Head_end", "headend", Side::None, BoneRole::EndMarker);
  check_name("mixamorig:HeadTop_End", "headtopend", Side::None, BoneRole::EndMarker);
  check_name("Bip01 L Toe0Nub", "toe0nub", Side::Left, BoneRole::EndMarker);
  // Words that merely contain "ik" or "end" are not control bones.
  check_name("Spike", "spike", Side::None);
  check_name("tendon_l", "tendon", Side::Left);
  CHECK(parse_bone_name("Root").root_motion);
  CHECK(parse_bone_name("root_motion").root_motion);
  CHECK_FALSE(parse_bone_name("root_hips").root_motion);
}

TEST_CASE("bone names: canonical ids from a base and a side") {
  CHECK(canonical_id("femur", Side::Left) == "femur.l");
  CHECK(canonical_id("thumb_2", Side::Right) == "thumb_2.r");
  CHECK(canonical_id("pelvis", Side::None) == "pelvis");
  CHECK_FALSE(canonical_id("pelvis", Side::Left).has_value());  // MakeHuman's and Rigify's pelvis.L
  CHECK_FALSE(canonical_id("femur", Side::None).has_value());
  CHECK(is_paired_joint("little_3"));
  CHECK_FALSE(is_paired_joint("lumbar_3"));
}

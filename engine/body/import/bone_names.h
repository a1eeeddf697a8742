#pragma once
// Bone names as rigs write them, reduced to a key and a side so that one table entry matches
// "mixamorig:LeftUpLeg", "Armature|LeftUpLeg" and "left_up_leg" alike; and the naming schemes
// (Mixamo/Unity, Unreal, MakeHuman, Rigify, 3ds Max Biped, Daz Genesis, the glTF samples, our own
// ids) as tables from key to canonical joint.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fascia::body::import_detail {

enum class Side { None, Left, Right };

// Why a bone takes no part in the mapping, when it does not.
enum class BoneRole { Deform, Control, EndMarker };

struct BoneName {
  std::string key;  // lowercase, no separators, prefixes or side tokens; numbers without leading zeros
  Side side = Side::None;
  BoneRole role = BoneRole::Deform;
  std::string reason;        // for Control and EndMarker: what gave it away
  bool root_motion = false;  // "root", "Root", "root_motion": dropped unless a table maps it
};

BoneName parse_bone_name(std::string_view name);

struct NamingScheme {
  std::string name;  // "Mixamo/Unity", "Unreal", ...
  // key → canonical joint base ("femur", "pelvis"); paired bases get ".l"/".r" from the bone's side.
  std::vector<std::pair<std::string, std::string>> table;
};

const std::vector<NamingScheme>& naming_schemes();

// Whether a canonical joint base is paired (has .l/.r ids).
bool is_paired_joint(std::string_view base);

// "femur" + Left → "femur.l", "pelvis" + None → "pelvis"; a paired base without a side, or an unpaired
// one with a side, → nullopt.
std::optional<std::string> canonical_id(std::string_view base, Side side);

}  // namespace fascia::body::import_detail

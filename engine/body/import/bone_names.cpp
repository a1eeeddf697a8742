#include "body/import/bone_names.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "body/import/canonical_reference.h"

namespace fascia::body::import_detail {
namespace {

bool is_upper(char c) {
  return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool is_lower(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Splits on separators, on lower→Upper ("LeftUpLeg"), on Upper→Upper+lower ("IKLeg") and between
// letters and digits ("spine01"). Tokens come back lowercase.
std::vector<std::string> tokenize(std::string_view s) {
  std::vector<std::string> tokens;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(lower(cur));
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!is_alnum(c)) {
      flush();
      continue;
    }
    if (!cur.empty()) {
      char p = cur.back();
      bool split = (is_lower(p) && is_upper(c)) || (is_digit(p) != is_digit(c)) ||
                   (is_upper(p) && is_upper(c) && i + 1 < s.size() && is_lower(s[i + 1]));
      if (split) flush();
    }
    cur += c;
  }
  flush();
  return tokens;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

constexpr std::array kControlTokens = {"ik",     "fk",  "ctrl", "ctl",   "control", "controller", "pole",
                                       "target", "tgt", "roll", "tweak", "mch",     "org",        "wgt"};

}  // namespace

BoneName parse_bone_name(std::string_view name) {
  BoneName out;
  // Namespaces and paths: "mixamorig:Hips", "Armature|Hips".
  for (char sep : {':', '|'}) {
    size_t at = name.rfind(sep);
    if (at != std::string_view::npos && at + 1 < name.size()) name = name.substr(at + 1);
  }
  const std::string low = lower(name);
  // Rigify layers: DEF- deforms (keep, strip the prefix); ORG-, MCH-, WGT- do not.
  for (std::string_view p : {"def-", "def_", "def."}) {
    if (starts_with(low, p)) {
      name = name.substr(p.size());
      break;
    }
  }
  for (std::string_view p : {"org-", "mch-", "wgt-", "vis_", "vis-"}) {
    if (starts_with(low, p)) {
      out.role = BoneRole::Control;
      out.reason = "Rigify " + std::string(name.substr(0, 3)) + " bone";
    }
  }

  std::vector<std::string> tokens = tokenize(name);
  // Rig-wide prefixes: "mixamorig_Hips", "Bip01 L Thigh", "Skeleton_torso_joint_1".
  while (tokens.size() > 1) {
    const std::string& t = tokens.front();
    if (t == "mixamorig" || t == "skeleton" || t == "armature" || t == "rig") {
      tokens.erase(tokens.begin());
    } else if ((t == "bip" || t == "biped") && tokens.size() > 2 && is_digit(tokens[1][0])) {
      tokens.erase(tokens.begin(), tokens.begin() + 2);
    } else {
      break;
    }
  }

  for (const std::string& t : tokens) {
    if (out.role == BoneRole::Deform &&
        std::find(kControlTokens.begin(), kControlTokens.end(), t) != kControlTokens.end()) {
      out.role = BoneRole::Control;
      out.reason = "control bone ('" + t + "')";
    }
  }
  if (out.role == BoneRole::Deform && tokens.size() > 1 &&
      (tokens.back() == "end" || tokens.back() == "nub" || tokens.back() == "tip")) {
    // "Head_end", "HeadTop_End", "Bip01 HeadNub": leaf markers, not joints.
    out.role = BoneRole::EndMarker;
    out.reason = "end marker";
  }

  // The side: a token of its own ("L", "left", "_l", ".R") or a prefix of a run-together name.
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t == "l" || t == "left" || t == "r" || t == "right") {
      out.side = (t[0] == 'l') ? Side::Left : Side::Right;
      tokens.erase(tokens.begin() + static_cast<long>(i));
      break;
    }
  }
  if (out.side == Side::None && !tokens.empty()) {
    std::string& t = tokens.front();
    for (auto [prefix, side] : {std::pair{"left", Side::Left}, std::pair{"right", Side::Right}}) {
      std::string_view p = prefix;
      if (t.size() > p.size() && starts_with(t, p)) {
        t = t.substr(p.size());
        out.side = side;
        break;
      }
    }
  }

  for (std::string& t : tokens) {
    if (is_digit(t[0])) {
      size_t nz = t.find_first_not_of('0');
      t = nz == std::string::npos ? "0" : t.substr(nz);
    }
    out.key += t;
  }
  out.root_motion =
      out.key == "root" || out.key == "rootmotion" || out.key == "armature" || out.key == "reference";
  return out;
}

bool is_paired_joint(std::string_view base) {
  for (const auto& j : canonical_joint_list())
    if (j.id.size() == base.size() + 2 && starts_with(j.id, base) && j.id[base.size()] == '.') return true;
  return false;
}

std::optional<std::string> canonical_id(std::string_view base, Side side) {
  // A sided bone is never a midline joint ("pelvis.L" is a hip bone, not the pelvis), nor the reverse.
  if (!is_paired_joint(base)) return side == Side::None ? std::optional<std::string>(base) : std::nullopt;
  if (side == Side::None) return std::nullopt;
  return std::string(base) + (side == Side::Left ? ".l" : ".r");
}

namespace {

using Table = std::vector<std::pair<std::string, std::string>>;

void add_digits(Table& t, const std::string& key, const std::string& base, int from = 1) {
  for (int k = 0; k < 3; ++k)
    t.push_back({key + std::to_string(from + k), base + "_" + std::to_string(k + 1)});
}

void add_fingers(Table& t, const std::string& prefix, const std::array<std::string, 5>& names) {
  static const std::array<std::string, 5> kBases = {"thumb", "index", "middle", "ring", "little"};
  for (int f = 0; f < 5; ++f) add_digits(t, prefix + names[f], kBases[f]);
}

std::vector<NamingScheme> make_schemes() {
  std::vector<NamingScheme> s;

  // Our own ids ("femur.l", "lumbar_5"), so an exported canonical body maps onto itself.
  NamingScheme fascia{"Fascia canonical", {}};
  for (const auto& j : canonical_joint_list()) {
    std::string base = j.id.substr(0, j.id.find('.'));
    BoneName n = parse_bone_name(j.id);
    if (std::none_of(fascia.table.begin(), fascia.table.end(), [&](auto& e) { return e.first == n.key; }))
      fascia.table.push_back({n.key, base});
  }
  s.push_back(std::move(fascia));

  NamingScheme mixamo{"Mixamo/Unity",
                      {{"hips", "pelvis"},
                       {"spine", "lumbar_3"},
                       {"spine1", "thoracic_lower"},
                       {"spine2", "thoracic_upper"},
                       {"chest", "thoracic_lower"},
                       {"upperchest", "thoracic_upper"},
                       {"neck", "cervical_lower"},
                       {"neck1", "cervical_upper"},
                       {"head", "skull"},
                       {"jaw", "mandible"},
                       {"shoulder", "clavicle"},
                       {"arm", "humerus"},
                       {"upperarm", "humerus"},
                       {"forearm", "forearm"},
                       {"lowerarm", "forearm"},
                       {"hand", "hand"},
                       {"upleg", "femur"},
                       {"upperleg", "femur"},
                       {"leg", "tibia"},
                       {"lowerleg", "tibia"},
                       {"foot", "talus"},
                       {"toebase", "toes"},
                       {"toes", "toes"},
                       {"toe", "toes"}}};
  add_fingers(mixamo.table, "hand", {"thumb", "index", "middle", "ring", "pinky"});
  // Unity's humanoid avatar names: LeftThumbProximal, LeftIndexIntermediate, LeftLittleDistal.
  for (auto [finger, base] :
       {std::pair{"thumb", "thumb"}, std::pair{"index", "index"}, std::pair{"middle", "middle"},
        std::pair{"ring", "ring"}, std::pair{"little", "little"}}) {
    mixamo.table.push_back({std::string(finger) + "proximal", std::string(base) + "_1"});
    mixamo.table.push_back({std::string(finger) + "intermediate", std::string(base) + "_2"});
    mixamo.table.push_back({std::string(finger) + "distal", std::string(base) + "_3"});
  }
  s.push_back(std::move(mixamo));

  Table unreal_limbs = {{"pelvis", "pelvis"},       {"head", "skull"},       {"jaw", "mandible"},
                        {"clavicle", "clavicle"},   {"upperarm", "humerus"}, {"lowerarm", "forearm"},
                        {"hand", "hand"},           {"thigh", "femur"},      {"calf", "tibia"},
                        {"foot", "talus"},          {"ball", "toes"},        {"neck1", "cervical_lower"},
                        {"neck2", "cervical_upper"}};
  add_fingers(unreal_limbs, "", {"thumb", "index", "middle", "ring", "pinky"});
  NamingScheme ue4{"Unreal", unreal_limbs};
  ue4.table.insert(ue4.table.end(),
                   {{"spine1", "lumbar_3"}, {"spine2", "thoracic_lower"}, {"spine3", "thoracic_upper"}});
  s.push_back(std::move(ue4));
  NamingScheme ue5{"Unreal 5", unreal_limbs};
  ue5.table.insert(ue5.table.end(), {{"spine1", "lumbar_4"},
                                     {"spine2", "lumbar_2"},
                                     {"spine3", "thoracic_lower"},
                                     {"spine5", "thoracic_upper"}});
  s.push_back(std::move(ue5));

  NamingScheme mh{"MakeHuman",
                  {{"root", "pelvis"},
                   {"spine5", "lumbar_5"},
                   {"spine4", "lumbar_3"},
                   {"spine3", "lumbar_1"},
                   {"spine2", "thoracic_lower"},
                   {"spine1", "thoracic_upper"},
                   {"neck1", "cervical_lower"},
                   {"neck2", "cervical_upper"},
                   {"head", "skull"},
                   {"jaw", "mandible"},
                   {"clavicle", "clavicle"},
                   {"shoulder1", "scapula"},
                   {"upperarm1", "humerus"},
                   {"lowerarm1", "forearm"},
                   {"wrist", "hand"},
                   {"upperleg1", "femur"},
                   {"lowerleg1", "tibia"},
                   {"foot", "talus"},
                   {"toe11", "toes"}}};
  const std::array<std::string, 5> mh_fingers = {"thumb", "index", "middle", "ring", "little"};
  for (int f = 0; f < 5; ++f)
    for (int k = 1; k <= 3; ++k)
      mh.table.push_back(
          {"finger" + std::to_string(f + 1) + std::to_string(k), mh_fingers[f] + "_" + std::to_string(k)});
  s.push_back(std::move(mh));

  NamingScheme rigify{"Rigify",
                      {{"spine", "pelvis"},
                       {"spine1", "lumbar_3"},
                       {"spine2", "thoracic_lower"},
                       {"spine3", "thoracic_upper"},
                       {"spine4", "cervical_lower"},
                       {"spine5", "cervical_upper"},
                       {"spine6", "skull"},
                       {"neck", "cervical_lower"},
                       {"head", "skull"},
                       {"jaw", "mandible"},
                       {"shoulder", "clavicle"},
                       {"upperarm", "humerus"},
                       {"forearm", "forearm"},
                       {"hand", "hand"},
                       {"thigh", "femur"},
                       {"shin", "tibia"},
                       {"foot", "talus"},
                       {"toe", "toes"}}};
  add_fingers(rigify.table, "", {"thumb", "findex", "fmiddle", "fring", "fpinky"});
  s.push_back(std::move(rigify));

  s.push_back({"3ds Max Biped",
               {{"pelvis", "pelvis"},
                {"spine", "lumbar_3"},
                {"spine1", "thoracic_lower"},
                {"spine2", "thoracic_upper"},
                {"neck", "cervical_lower"},
                {"head", "skull"},
                {"clavicle", "clavicle"},
                {"upperarm", "humerus"},
                {"forearm", "forearm"},
                {"hand", "hand"},
                {"finger0", "thumb_1"},
                {"thigh", "femur"},
                {"calf", "tibia"},
                {"foot", "talus"},
                {"toe0", "toes"}}});

  // Daz Genesis 3/8: "hip", "lThighBend", "rShldrBend", "abdomenLower".
  NamingScheme daz{"Daz Genesis",
                   {{"hip", "pelvis"},
                    {"abdomenlower", "lumbar_3"},
                    {"abdomenupper", "lumbar_1"},
                    {"chestlower", "thoracic_lower"},
                    {"chestupper", "thoracic_upper"},
                    {"necklower", "cervical_lower"},
                    {"neckupper", "cervical_upper"},
                    {"head", "skull"},
                    {"lowerjaw", "mandible"},
                    {"collar", "clavicle"},
                    {"shldrbend", "humerus"},
                    {"forearmbend", "forearm"},
                    {"hand", "hand"},
                    {"thighbend", "femur"},
                    {"shin", "tibia"},
                    {"foot", "talus"},
                    {"metatarsals", "metatarsals"},
                    {"toe", "toes"}}};
  add_fingers(daz.table, "", {"thumb", "index", "mid", "ring", "pinky"});
  s.push_back(std::move(daz));

  // The Khronos/Cesium samples (RiggedFigure, CesiumMan).
  s.push_back({"glTF samples (Cesium)",
               {{"torsojoint1", "pelvis"},
                {"torsojoint2", "lumbar_3"},
                {"torsojoint3", "thoracic_upper"},
                {"neckjoint1", "cervical_lower"},
                {"neckjoint2", "skull"},
                {"armjoint1", "humerus"},
                {"armjoint2", "forearm"},
                {"armjoint3", "hand"},
                {"legjoint1", "femur"},
                {"legjoint2", "tibia"},
                {"legjoint3", "talus"},
                {"legjoint5", "toes"}}});
  return s;
}

}  // namespace

const std::vector<NamingScheme>& naming_schemes() {
  static const std::vector<NamingScheme> schemes = make_schemes();
  return schemes;
}

}  // namespace fascia::body::import_detail

#include "body/import/bone_mapping.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "body/import/canonical_reference.h"
#include "body/import/skeleton_structure.h"

namespace fascia::body::import_detail {
namespace {

// Candidate matches of one scheme: canonical id → bone, the first bone (parent-first order) winning.
std::map<std::string, int> match_scheme(const NamingScheme& scheme, const std::vector<BoneName>& names,
                                        const std::vector<char>& kept) {
  std::map<std::string, int> out;
  for (int i = 0; i < static_cast<int>(names.size()); ++i) {
    if (!kept[i]) continue;
    for (const auto& [key, base] : scheme.table) {
      if (key != names[i].key) continue;
      auto id = canonical_id(base, names[i].side);
      if (id && !out.count(*id)) out[*id] = i;
      break;
    }
  }
  return out;
}

}  // namespace

BoneMapping map_by_names(const std::vector<BoneName>& names, const std::vector<char>& kept) {
  BoneMapping m;
  const auto& schemes = naming_schemes();
  // The scheme that explains most bones decides; the others only fill joints it leaves open, so
  // "spine01" means what the rig's own convention says (Unreal's lowest, MakeHuman's highest).
  std::vector<std::map<std::string, int>> matches;
  size_t best = 0;
  for (size_t s = 0; s < schemes.size(); ++s) {
    matches.push_back(match_scheme(schemes[s], names, kept));
    if (matches[s].size() > matches[best].size()) best = s;
  }
  if (matches.empty() || matches[best].empty()) return m;
  m.scheme = schemes[best].name;
  std::set<int> used;
  auto take = [&](const std::map<std::string, int>& match) {
    for (const auto& [id, bone] : match) {
      if (m.bone_of.count(id) || used.count(bone)) continue;
      m.bone_of[id] = bone;
      m.method[id] = "name";
      m.how[id] = "name in the " + schemes[&match - matches.data()].name + " table";
      m.confidence[id] = &match == &matches[best] ? 1.0f : 0.8f;
      used.insert(bone);
    }
  };
  take(matches[best]);
  for (size_t s = 0; s < schemes.size(); ++s)
    if (s != best) take(matches[s]);
  return m;
}

StructureOutcome map_by_structure(const RawRig& rig, const std::vector<vec3>& positions,
                                  const std::vector<char>& kept, float figure_top, BoneMapping& m) {
  StructureOutcome out;
  const SkeletonStructure s = infer_skeleton_structure(rig, positions, kept, figure_top);
  out.refusal = s.refusal;
  const auto& core = core_joints();
  auto is_core = [&](const std::string& id) { return std::find(core.begin(), core.end(), id) != core.end(); };
  auto holder = [&](int bone) -> std::string {
    for (const auto& [id, b] : m.bone_of)
      if (b == bone) return id;
    return {};
  };
  // Core joints first, so that they may take a bone from a lesser joint before it is filled.
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& [id, j] : s.joints) {
      if (is_core(id) != (pass == 0) || m.bone_of.count(id)) continue;
      const std::string other = holder(j.bone);
      if (!other.empty()) {
        if (pass == 1 || is_core(other)) continue;
        out.notes.push_back(rig.bones[j.bone].name + " is the " + id + " by the skeleton's shape (" + j.how +
                            "), not the " + other + " its name says");
        m.bone_of.erase(other);
        m.method.erase(other);
        m.how.erase(other);
        m.confidence.erase(other);
      }
      m.bone_of[id] = j.bone;
      m.method[id] = "hierarchy";
      m.how[id] = j.how;
      m.confidence[id] = j.confidence;
      ++out.mapped;
    }
  return out;
}

}  // namespace fascia::body::import_detail

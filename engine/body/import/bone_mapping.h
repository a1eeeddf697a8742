#pragma once
// Which source bone is which canonical joint: first by name tables, then, for the core joints still
// missing, by the shape of the hierarchy (two chains going down from a hub, a chain going up that
// branches into two arms and a neck). Internal to the importer.
#include <map>
#include <string>
#include <vector>

#include "body/import/bone_names.h"
#include "body/import/raw_rig.h"

namespace fascia::body::import_detail {

struct BoneMapping {
  std::map<std::string, int> bone_of;         // canonical id → RawRig bone index
  std::map<std::string, std::string> method;  // canonical id → "name" / "hierarchy"
  std::string scheme;                         // the naming scheme that matched most bones
};

// Maps kept bones (kept[i] != 0) by the name tables.
BoneMapping map_by_names(const std::vector<BoneName>& names, const std::vector<char>& kept);

// Fills core joints still unmapped from the hierarchy and the bone positions, which must already be
// Y up; left is taken as +X (the figure is assumed to face +Z). Returns whether it mapped anything.
bool map_by_hierarchy(const RawRig& rig, const std::vector<vec3>& positions, const std::vector<char>& kept,
                      BoneMapping& mapping);

}  // namespace fascia::body::import_detail

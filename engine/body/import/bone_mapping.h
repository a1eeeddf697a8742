#pragma once
// Which source bone is which canonical joint: first by name tables, then, when core joints are still
// missing, by the shape of the skeleton (skeleton_structure.h). Internal to the importer.
#include <map>
#include <string>
#include <vector>

#include "body/import/bone_names.h"
#include "body/import/raw_rig.h"

namespace fascia::body::import_detail {

struct BoneMapping {
  std::map<std::string, int> bone_of;         // canonical id → RawRig bone index
  std::map<std::string, std::string> method;  // canonical id → "name" / "hierarchy"
  std::map<std::string, std::string> how;     // canonical id → what found it, in words
  std::map<std::string, float> confidence;    // canonical id → 0..1
  std::string scheme;                         // the naming scheme that matched most bones
};

// Maps kept bones (kept[i] != 0) by the name tables.
BoneMapping map_by_names(const std::vector<BoneName>& names, const std::vector<char>& kept);

struct StructureOutcome {
  int mapped = 0;                  // joints the structure added
  std::string refusal;             // why the shape is not humanoid, when it is not
  std::vector<std::string> notes;  // name mappings the structure overruled
};

// Fills joints still unmapped from the shape of the skeleton; positions must already be Y up, left
// taken as +X (the figure assumed to face +Z). Names win, except that a core joint the names missed
// takes its bone from a lesser joint a name gave it to (a metarig's last spine bone is its head, not
// the upper neck its name says).
StructureOutcome map_by_structure(const RawRig& rig, const std::vector<vec3>& positions,
                                  const std::vector<char>& kept, float figure_top, BoneMapping& mapping);

}  // namespace fascia::body::import_detail

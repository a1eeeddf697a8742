#pragma once
// The rig as a loader reads it, before any bone is dropped or mapped: bones with their bind pose in
// the file's model space and units, and the meshes skinned to them. Internal to the importer.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "body/import/import_model.h"
#include "core/math.h"
#include "core/result.h"

namespace fascia::body::import_detail {

struct RawBone {
  std::string name;
  int parent = -1;     // index into RawRig::bones
  mat4 bind_world{1};  // file model space
};

struct RawRig {
  std::string format;
  std::vector<RawBone> bones;        // parents before children
  std::vector<ImportedMesh> meshes;  // joints index RawRig::bones
  // From the file's metadata where it has any: metres per unit, and the axis that is up
  // (0 = X, 1 = Y, 2 = Z) with its sign.
  std::optional<double> metres_per_unit;
  std::string unit_source;  // e.g. "FBX UnitScaleFactor"
  int up_axis = 1;
  int up_sign = 1;
  std::string up_source = "convention";
  // The up axis the file declared when its loader has already turned it to +Y (COLLADA's
  // <up_axis>Z_UP</up_axis>), e.g. "+Z"; empty otherwise.
  std::string up_turned_by_loader;
  std::vector<std::string> warnings;
};

// Assimp: glTF/GLB, FBX, COLLADA, OBJ and whatever else it reads.
Result<RawRig> load_with_assimp(const std::filesystem::path& path);

// MakeHuman: a .mhskel (JSON, joints as vertex groups) with the base mesh beside it.
Result<RawRig> load_mhskel(const std::filesystem::path& path);

}  // namespace fascia::body::import_detail

#pragma once
// Writes small skinned glTF files for the import tests: a skeleton given by world positions, and a
// little triangle at every bone skinned to it, so name tables, units, axes and bad rigs can be tested
// on rigs the test controls.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/math.h"

namespace fascia::test {

struct TestBone {
  std::string name;
  int parent = -1;   // index into the bone list, parents first
  vec3 position{0};  // world, in the file's units and axes
};

// Writes `path` (.gltf, buffer embedded as a data URI). The skeleton and its mesh are built where the
// bones are, then every point is carried by `file_from_model` (a change of units or axes as another
// tool would have written the file). With `skinned` false the mesh has no skin: no skeleton.
void write_test_gltf(const std::filesystem::path& path, const std::vector<TestBone>& bones,
                     bool skinned = true, const mat4& file_from_model = mat4(1));

// A humanoid standing Y up, facing +Z, in metres (1.75 m tall with its mesh), with the bones named by
// `name_of(role)`; roles are "hips", "spine", "chest", "neck", "head", and per side "<s>_shoulder",
// "<s>_arm", "<s>_forearm", "<s>_hand", "<s>_upleg", "<s>_leg", "<s>_foot", "<s>_toe" with s = l, r.
// A role named "" is left out (its children hang from its parent).
std::vector<TestBone> humanoid(const std::function<std::string(const std::string&)>& name_of);

}  // namespace fascia::test

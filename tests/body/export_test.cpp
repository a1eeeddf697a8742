#include <doctest/doctest.h>

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>
#include <functional>
#include <set>

#include "body/body.h"
#include "body/export_glb.h"
#include "core/file_io.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

namespace {
const Body& small_body() {
  static const Body body = build_body({1.60f, 0.3f});
  return body;
}

// FNV-1a, enough to tell two exports apart.
uint64_t fnv1a(const std::vector<uint8_t>& bytes) {
  uint64_t h = 1469598103934665603ull;
  for (uint8_t b : bytes) h = (h ^ b) * 1099511628211ull;
  return h;
}
}  // namespace

TEST_CASE("export: Assimp re-imports the .glb with every mesh name and the 68 joints") {
  const Body& body = small_body();
  const auto path = test::output_dir() / "body.glb";
  std::filesystem::remove(path);
  REQUIRE(export_glb(body, path).ok());
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_ValidateDataStructure);
  REQUIRE_MESSAGE(scene, importer.GetErrorString());
  std::set<std::string> names;
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) names.insert(scene->mMeshes[i]->mName.C_Str());
  CHECK(scene->mNumMeshes == body.meshes.size());
  for (const BodyMesh& m : body.meshes) CHECK_MESSAGE(names.count(m.name) == 1, m.name);
  // Every canonical joint is a node of the imported hierarchy.
  std::set<std::string> nodes;
  std::function<void(const aiNode*)> walk = [&](const aiNode* n) {
    nodes.insert(n->mName.C_Str());
    for (unsigned i = 0; i < n->mNumChildren; ++i) walk(n->mChildren[i]);
  };
  walk(scene->mRootNode);
  int joints = 0;
  for (const Joint& j : body.skeleton.joints) joints += nodes.count(j.name) ? 1 : 0;
  CHECK(joints == kCanonicalJointCount);
  // The skin mesh keeps its size and is skinned.
  const BodyMesh& skin = *body.find_mesh("skin");
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
    const aiMesh* m = scene->mMeshes[i];
    if (std::string(m->mName.C_Str()) != "skin") continue;
    CHECK(m->mNumVertices == skin.positions.size());
    CHECK(m->mNumFaces == skin.indices.size() / 3);
    CHECK(m->HasBones());
    CHECK(m->mNumBones >= 30);
  }
}

TEST_CASE("export: deterministic bytes, and a bad path is an error that leaves nothing behind") {
  const Body& body = small_body();
  const std::vector<uint8_t> a = encode_glb(body);
  const std::vector<uint8_t> b = encode_glb(build_body({1.60f, 0.3f}));
  REQUIRE(a.size() == b.size());
  CHECK(fnv1a(a) == fnv1a(b));
  CHECK(a[0] == 'g');
  CHECK(a[3] == 'F');
  const std::vector<uint8_t> other = encode_glb(build_body({1.90f, 0.3f}));
  CHECK(fnv1a(other) != fnv1a(a));
  MESSAGE("glb bytes: " << a.size() << ", FNV-1a " << std::to_string(fnv1a(a)));

  auto s = export_glb(body, "/nonexistent-folder/body.glb");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().exit_status() == 2);
  CHECK(s.error().message.find("/nonexistent-folder") != std::string::npos);
}

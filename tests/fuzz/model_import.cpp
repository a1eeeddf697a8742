// `fascia body --import FILE`: the input written to a scratch file whose extension the first byte
// picks (glb, gltf, fbx, dae, obj, mhskel), then import_model: Assimp (or our .mhskel reader) and all
// of our post-processing. Errors name the file; a model that imports is finite and consistent.
#include <cmath>
#include <string>

#include "body/import/import_model.h"
#include "core/file_io.h"
#include "fuzz/targets.h"

namespace fascia::fuzz {
namespace fs = std::filesystem;

namespace {
bool finite(vec3 v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}
}  // namespace

void model_import(const uint8_t* data, size_t size) {
  static const fs::path dir = scratch_dir("import");
  if (size == 0) return;
  const auto& exts = body::importable_extensions();
  const fs::path file = dir / ("model" + exts[data[0] % exts.size()]);
  write_scratch(file, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));

  auto model = body::import_model(file);
  if (!model) {
    FASCIA_FUZZ_CHECK(model.error().message.find(file.string()) != std::string::npos, model.error().message);
    FASCIA_FUZZ_CHECK(model.error().kind == ErrorKind::BadInput, model.error().message);
    return;
  }
  FASCIA_FUZZ_CHECK(std::isfinite(model->report.height_m), "finite height");
  for (const body::ImportedJoint& j : model->joints) FASCIA_FUZZ_CHECK(finite(j.position()), "finite joints");
  for (const body::ImportedMesh& mesh : model->meshes) {
    for (uint32_t i : mesh.indices) FASCIA_FUZZ_CHECK(i < mesh.positions.size(), "index within the mesh");
    for (const glm::ivec4& js : mesh.joints)
      for (int k = 0; k < 4; ++k)
        FASCIA_FUZZ_CHECK(js[k] < int(model->joints.size()), "joint within the rig");
  }
  for (const body::PlacedLandmark& l : model->landmarks)
    FASCIA_FUZZ_CHECK(finite(l.position), "finite landmarks");
  // The reports are what the user sees: they must build for whatever imported.
  FASCIA_FUZZ_CHECK(!body::import_report_json(*model).empty(), "json report");
  FASCIA_FUZZ_CHECK(!body::import_report_text(*model).empty(), "text report");
}

}  // namespace fascia::fuzz

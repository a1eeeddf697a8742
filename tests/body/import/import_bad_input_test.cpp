// Bad input: every case a clear bad-input error (exit status 2) naming the file, never a crash. The
// broken files are made at test time in the build's test-output folder from the fixtures.
#include <doctest/doctest.h>

#include <fstream>

#include "body/import/import_model.h"
#include "core/file_io.h"
#include "support/skip.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;
namespace fs = std::filesystem;

namespace {

fs::path out_dir() {
  fs::path d = test::output_dir() / "import_bad";
  fs::create_directories(d);
  return d;
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// The first `fraction` of a fixture, written under a new name.
fs::path truncated_copy(const fs::path& src, double fraction, const std::string& name) {
  auto bytes = read_file(src);
  REQUIRE(bytes.ok());
  fs::path p = out_dir() / name;
  write_bytes(p, bytes->substr(0, static_cast<size_t>(bytes->size() * fraction)));
  return p;
}

// A fixture with a run of its bytes overwritten.
fs::path corrupted_copy(const fs::path& src, double at, size_t length, const std::string& name) {
  auto bytes = read_file(src);
  REQUIRE(bytes.ok());
  std::string b = *bytes;
  size_t start = static_cast<size_t>(b.size() * at);
  for (size_t i = start; i < std::min(b.size(), start + length); ++i)
    b[i] = static_cast<char>((i * 131) & 0xff);
  fs::path p = out_dir() / name;
  write_bytes(p, b);
  return p;
}

// Imports `p` and checks it fails as bad input with a message that starts with the file's name
// ("FILE: problem", or "FILE:LINE:COL: problem" from the JSON reader).
std::string refused(const fs::path& p) {
  auto r = import_model(p);
  REQUIRE_FALSE_MESSAGE(r.ok(), p.string() << " imported");
  CHECK(r.error().exit_status() == 2);
  CHECK(r.error().message.rfind(p.string() + ":", 0) == 0);
  return r.error().message;
}

}  // namespace

TEST_CASE("import: missing, empty, directory, unknown type") {
  fs::path missing = out_dir() / "does_not_exist.glb";
  CHECK(refused(missing) == missing.string() + ": no such file");

  fs::path empty = out_dir() / "empty.fbx";
  write_bytes(empty, "");
  CHECK(refused(empty) == empty.string() + ": the file is empty");

  fs::path dir = out_dir() / "a_folder.glb";
  fs::create_directories(dir);
  CHECK(refused(dir) == dir.string() + ": is a directory, not a model file");

  fs::path txt = out_dir() / "notes.txt";
  write_bytes(txt, "hello");
  CHECK(refused(txt) ==
        txt.string() + ": unsupported file type '.txt' (supported: .glb, .gltf, .fbx, .dae, .obj, .mhskel)");

  fs::path none = out_dir() / "no_extension";
  write_bytes(none, "hello");
  CHECK(refused(none).find("unsupported file type '(none)'") != std::string::npos);

  fs::path xml = out_dir() / "scene.xml";
  write_bytes(xml, "<mujoco model='x'><worldbody/></mujoco>");
  CHECK(refused(xml).find("MJCF (MuJoCo XML) is not a supported format") != std::string::npos);
}

TEST_CASE("import: garbage with a model's extension") {
  fs::path glb = out_dir() / "garbage.glb";
  write_bytes(glb, std::string(1000, '\x5a'));
  CHECK(refused(glb) == glb.string() + ": not a binary glTF file (no 'glTF' header)");

  fs::path fbx = out_dir() / "garbage.fbx";
  write_bytes(fbx, std::string(1000, '\x01'));
  CHECK(refused(fbx).find("not an FBX file") != std::string::npos);

  fs::path gltf = out_dir() / "garbage.gltf";
  write_bytes(gltf, "{ \"asset\": { \"version\": \"2.0\" }, \"nodes\": [ { \"mesh\": 7 } ");
  CHECK(refused(gltf).find("cannot read the model") != std::string::npos);

  fs::path dae = out_dir() / "garbage.dae";
  write_bytes(dae, "<?xml version=\"1.0\"?><COLLADA><library_geometries><geometry>");
  refused(dae);

  fs::path obj = out_dir() / "garbage.obj";
  write_bytes(obj, "v 1 2 3\nf 1 2 9\n");
  refused(obj);

  fs::path skel = out_dir() / "garbage.mhskel";
  write_bytes(skel, "{\"bones\": [1, 2");
  CHECK(refused(skel).find("invalid JSON") != std::string::npos);
}

TEST_CASE("import: truncated and corrupted fixtures") {
  fs::path shared = test::shared_dir();
  if (shared.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  const fs::path models = shared / "fixtures" / "models";
  const fs::path glb = models / "riggedfigure" / "RiggedFigure.glb";
  const fs::path dae = models / "riggedfigure" / "RiggedFigure.dae";
  const fs::path fbx = models / "kenney_character_fbx" / "maya_kenney_character_7700_binary.fbx";

  for (double f : {0.01, 0.3, 0.5, 0.9, 0.999}) {
    CAPTURE(f);
    std::string pct = std::to_string(static_cast<int>(f * 1000));
    CHECK(refused(truncated_copy(glb, f, "truncated_" + pct + ".glb")).find("truncated or corrupt") !=
          std::string::npos);
    refused(truncated_copy(dae, f, "truncated_" + pct + ".dae"));
    refused(truncated_copy(fbx, f, "truncated_" + pct + ".fbx"));
  }
  // Overwritten bytes in the middle: the loaders either refuse the file or read a rig; never a crash.
  for (double at : {0.05, 0.2, 0.5, 0.8}) {
    CAPTURE(at);
    std::string pct = std::to_string(static_cast<int>(at * 100));
    for (const fs::path& src : {glb, dae, fbx}) {
      fs::path p = corrupted_copy(src, at, 64, "corrupt_" + pct + src.extension().string());
      auto r = import_model(p);
      if (!r.ok()) {
        CHECK(r.error().exit_status() == 2);
        CHECK(r.error().message.rfind(p.string() + ": ", 0) == 0);
      }
    }
  }
}

TEST_CASE("import: a MakeHuman skeleton without its base mesh, or pointing outside it") {
  fs::path shared = test::shared_dir();
  if (shared.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  fs::path alone = out_dir() / "alone";
  fs::remove_all(alone);
  fs::create_directories(alone);
  fs::path skel = alone / "default.mhskel";
  fs::copy_file(shared / "fixtures/models/makehuman_base/default.mhskel", skel,
                fs::copy_options::overwrite_existing);
  CHECK(refused(skel) == skel.string() + ": the MakeHuman base mesh (base.obj) is not beside the skeleton");

  // A joint that names a vertex the mesh does not have.
  write_bytes(alone / "base.obj", "v 0 0 0\nv 0 1 0\nv 1 0 0\ng body\nf 1 2 3\n");
  write_bytes(skel, R"({"bones": {"root": {"head": "root____head", "tail": "t", "parent": null}},
                        "joints": {"root____head": [5]}})");
  CHECK(refused(skel) ==
        skel.string() + ": at $.joints.root____head: vertex index out of range (the base mesh has 3)");
}

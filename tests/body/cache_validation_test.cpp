#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

#include "body/body_cache.h"
#include "core/file_io.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;
namespace fs = std::filesystem;

namespace {

const BodyParams kParams{1.75f, 0.5f};
constexpr size_t kJoints = 4;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// One skinned triangle: enough to exercise every field of the format.
std::vector<BodyMesh> triangle() {
  BodyMesh m;
  m.name = "patch";
  m.layer = Layer::Skin;
  m.positions = {{0, 0, 0}, {0.1f, 0, 0}, {0, 0.1f, 0}};
  m.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
  m.indices = {0, 1, 2};
  m.joints = {{0, 1, 0, 0}, {1, 0, 0, 0}, {3, 2, 0, 0}};
  m.weights = {{0.75f, 0.25f, 0, 0}, {1, 0, 0, 0}, {0.5f, 0.5f, 0, 0}};
  return {m};
}

std::string decode_error(const std::vector<BodyMesh>& meshes) {
  const std::vector<uint8_t> bytes = encode_body_cache(kParams, meshes);
  auto r = decode_body_cache(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
                             kParams, kJoints);
  return r.ok() ? "" : r.error().message;
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = test::output_dir() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST_CASE("cache format: every value and index is checked, so a damaged cache is never drawn") {
  CHECK(decode_error(triangle()) == "");
  auto m = triangle();
  m[0].positions[1].y = kNaN;
  CHECK(decode_error(m) == "mesh 0 'patch': position 1 not finite or out of range");
  m = triangle();
  m[0].positions[2].x = 1e6f;
  CHECK(decode_error(m) == "mesh 0 'patch': position 2 not finite or out of range");
  m = triangle();
  m[0].normals[0].z = kNaN;
  CHECK(decode_error(m) == "mesh 0 'patch': normal 0 not finite or not unit length");
  m = triangle();
  m[0].weights[2].x = kNaN;
  CHECK(decode_error(m) == "mesh 0 'patch': weight of vertex 2 not finite or outside [0, 1]");
  m = triangle();
  m[0].weights[1] = {0.5f, 0, 0, 0};
  CHECK(decode_error(m) == "mesh 0 'patch': weights of vertex 1 do not sum to 1");
  m = triangle();
  m[0].indices[2] = 3;
  CHECK(decode_error(m) == "mesh 0 'patch': index 2 out of range");
  m = triangle();
  m[0].joints[0].y = kJoints;
  CHECK(decode_error(m) == "mesh 0 'patch': joint index of vertex 0 out of range");
  m = triangle();
  m[0].indices.push_back(0);
  CHECK(decode_error(m) == "mesh 0 'patch': index count not a multiple of 3");
  m = triangle();
  m[0].normals.pop_back();
  CHECK(decode_error(m) == "mesh 0 'patch': per-vertex arrays of different lengths");
  CHECK(decode_error({}) == "mesh count 0 out of range");

  // Any flipped byte fails the checksum; other parameters or another format are stale, not trusted.
  std::vector<uint8_t> bytes = encode_body_cache(kParams, triangle());
  auto decode = [&](const BodyParams& p) {
    auto r = decode_body_cache(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), p,
                               kJoints);
    return r.ok() ? std::string() : r.error().message;
  };
  CHECK(decode({1.8f, 0.5f}) == "made for other body parameters");
  bytes[40] ^= 0x10;
  CHECK(decode(kParams) == "checksum mismatch (damaged or truncated)");
  bytes.resize(bytes.size() / 2);
  CHECK(decode(kParams) == "checksum mismatch (damaged or truncated)");
  bytes[7] = '1';
  CHECK(decode(kParams) == "not a body cache of this format");
}

TEST_CASE("cache file: a FIFO or a link to /dev/zero in its place is replaced, quickly, never read") {
  const fs::path dir = fresh_dir("body-cache-special");
  Body built = load_or_build_body(kParams, dir);
  fs::path file;
  for (auto& e : fs::directory_iterator(dir)) file = e.path();
  REQUIRE(fs::is_regular_file(file));
  const auto size = fs::file_size(file);

  fs::remove(file);
  REQUIRE(::mkfifo(file.c_str(), 0644) == 0);
  Body from_fifo = load_or_build_body(kParams, dir);  // must not block on the FIFO
  CHECK(from_fifo.meshes.size() == built.meshes.size());
  CHECK(fs::is_regular_file(fs::symlink_status(file)));
  CHECK(fs::file_size(file) == size);

  fs::remove(file);
  fs::create_symlink("/dev/zero", file);
  auto t0 = std::chrono::steady_clock::now();
  Body from_zero = load_or_build_body(kParams, dir);  // not 4 GB of zeros: the link is not followed
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("regenerated after /dev/zero link in " << seconds << " s");
  CHECK(from_zero.meshes.size() == built.meshes.size());
  CHECK(fs::is_regular_file(fs::symlink_status(file)));
  CHECK(from_zero.meshes.back().positions == built.meshes.back().positions);

  // A temporary left by a writer that was killed (SIGKILL) is cleaned up at the next start.
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  const fs::path orphan = dir / (".fascia-" + std::to_string(dead) + "-Qx9aZ2");
  std::ofstream(orphan) << std::string(4096, 'p');
  load_or_build_body(kParams, dir);
  CHECK_FALSE(fs::exists(orphan));
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) (void)e, ++files;
  CHECK(files == 1);
}

TEST_CASE("cache folder: a file or an unwritable folder in the way is named in plain words") {
  const fs::path dir = fresh_dir("body-cache-folder");
  std::ofstream(dir / "cachefile") << "x";
  CHECK(cache_folder_problem(dir / "cachefile" / "fascia") ==
        "'" + (dir / "cachefile").string() + "' is a file, not a folder");
  CHECK(cache_folder_problem(dir / "new" / "fascia") == "");
  CHECK(cache_folder_problem("/proc/self/fascia") == "folder '/proc/self' is not writable");
}

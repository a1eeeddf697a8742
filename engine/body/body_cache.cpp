// A binary cache of the generated meshes, so that start-up reads a file instead of generating the
// body (seconds) each time. Keyed by the parameters and the generator's version; anything that does
// not match exactly, or fails a check, is ignored and the body regenerated.
#include "body/body_cache.h"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/file_io.h"
#include "core/log.h"
#include "core/temp_files.h"

namespace fascia::body {

namespace {
namespace fs = std::filesystem;

// Bump whenever generation changes what it produces.
constexpr uint32_t kGeneratorVersion = 4;
// Bump whenever the file layout changes (02: trailing checksum).
constexpr char kMagic[8] = {'F', 'A', 'B', 'O', 'D', 'Y', '0', '2'};
// Limits far above the real body (about 150 meshes, 60k vertices in the largest) but small enough
// that a hostile count cannot make us allocate gigabytes.
constexpr uint32_t kMaxMeshes = 10000;
constexpr uint32_t kMaxName = 256;
constexpr float kMaxCoordinate = 10.0f;  // metres from the origin

uint64_t fnv1a(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

fs::path default_cache_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "fascia";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "fascia";
  return {};
}

struct Out {
  std::vector<uint8_t> bytes;
  void raw(const void* p, size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    bytes.insert(bytes.end(), b, b + n);
  }
  void u32(uint32_t v) { raw(&v, 4); }
  template <typename T>
  void array(const std::vector<T>& v) {
    u32(static_cast<uint32_t>(v.size()));
    raw(v.data(), v.size() * sizeof(T));
  }
};

struct In {
  std::string_view s;
  size_t at = 0;
  bool ok = true;
  bool raw(void* p, size_t n) {
    if (!ok || n > s.size() - at) return ok = false;
    std::memcpy(p, s.data() + at, n);
    at += n;
    return true;
  }
  uint32_t u32() {
    uint32_t v = 0;
    raw(&v, 4);
    return v;
  }
  template <typename T>
  void array(std::vector<T>& v) {
    const uint32_t n = u32();
    if (!ok || n > (s.size() - at) / sizeof(T)) {
      ok = false;
      return;
    }
    v.resize(n);
    raw(v.data(), n * sizeof(T));
  }
};

bool finite(const vec3& v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

// Every value of one decoded mesh, or the first one that is wrong.
std::string mesh_problem(const BodyMesh& m, size_t njoint) {
  const size_t nv = m.positions.size();
  if (m.name.empty()) return "no name";
  if (nv == 0 || m.indices.empty()) return "no vertices or triangles";
  if (m.normals.size() != nv || m.joints.size() != nv || m.weights.size() != nv)
    return "per-vertex arrays of different lengths";
  if (m.indices.size() % 3) return "index count not a multiple of 3";
  for (size_t i = 0; i < m.indices.size(); ++i)
    if (m.indices[i] >= nv) return "index " + std::to_string(i) + " out of range";
  for (size_t i = 0; i < nv; ++i) {
    const vec3& p = m.positions[i];
    if (!finite(p) || std::abs(p.x) > kMaxCoordinate || std::abs(p.y) > kMaxCoordinate ||
        std::abs(p.z) > kMaxCoordinate)
      return "position " + std::to_string(i) + " not finite or out of range";
    if (!finite(m.normals[i]) || glm::length(m.normals[i]) > 1.01f)
      return "normal " + std::to_string(i) + " not finite or not unit length";
    const auto& j = m.joints[i];
    if (j.x >= njoint || j.y >= njoint || j.z >= njoint || j.w >= njoint)
      return "joint index of vertex " + std::to_string(i) + " out of range";
    const vec4& w = m.weights[i];
    float sum = 0;
    for (int k = 0; k < 4; ++k) {
      if (!std::isfinite(w[k]) || w[k] < 0.0f || w[k] > 1.0f)
        return "weight of vertex " + std::to_string(i) + " not finite or outside [0, 1]";
      sum += w[k];
    }
    if (std::abs(sum - 1.0f) > 1e-3f) return "weights of vertex " + std::to_string(i) + " do not sum to 1";
  }
  return {};
}

}  // namespace

std::vector<uint8_t> encode_body_cache(const BodyParams& params, const std::vector<BodyMesh>& meshes) {
  Out o;
  o.raw(kMagic, 8);
  o.u32(kGeneratorVersion);
  o.raw(&params.height, 4);
  o.raw(&params.build, 4);
  o.u32(static_cast<uint32_t>(meshes.size()));
  for (const BodyMesh& m : meshes) {
    o.u32(static_cast<uint32_t>(m.name.size()));
    o.raw(m.name.data(), m.name.size());
    o.u32(static_cast<uint32_t>(m.layer));
    o.array(m.positions);
    o.array(m.normals);
    o.array(m.indices);
    o.array(m.joints);
    o.array(m.weights);
  }
  const uint64_t sum = fnv1a(std::string_view(reinterpret_cast<const char*>(o.bytes.data()), o.bytes.size()));
  o.raw(&sum, 8);
  return o.bytes;
}

Result<std::vector<BodyMesh>> decode_body_cache(std::string_view bytes, const BodyParams& params,
                                                size_t njoint) {
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return bad_input("not a body cache of this format");
  uint64_t sum = 0;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (fnv1a(body) != sum) return bad_input("checksum mismatch (damaged or truncated)");
  In in{body};
  char magic[8];
  in.raw(magic, 8);
  if (in.u32() != kGeneratorVersion) return bad_input("made by another version of the generator");
  BodyParams p;
  in.raw(&p.height, 4);
  in.raw(&p.build, 4);
  if (!in.ok || !(p == params)) return bad_input("made for other body parameters");
  const uint32_t n = in.u32();
  if (!in.ok || n == 0 || n > kMaxMeshes)
    return bad_input("mesh count " + std::to_string(n) + " out of range");
  std::vector<BodyMesh> meshes(n);
  for (uint32_t k = 0; k < n; ++k) {
    BodyMesh& m = meshes[k];
    const uint32_t len = in.u32();
    if (!in.ok || len > kMaxName) return bad_input("mesh " + std::to_string(k) + ": bad name length");
    m.name.resize(len);
    in.raw(m.name.data(), len);
    const uint32_t layer = in.u32();
    if (layer > 2) return bad_input("mesh " + std::to_string(k) + ": unknown layer " + std::to_string(layer));
    m.layer = static_cast<Layer>(layer);
    in.array(m.positions);
    in.array(m.normals);
    in.array(m.indices);
    in.array(m.joints);
    in.array(m.weights);
    if (!in.ok) return bad_input("mesh " + std::to_string(k) + ": truncated");
    if (std::string why = mesh_problem(m, njoint); !why.empty())
      return bad_input("mesh " + std::to_string(k) + " '" + m.name + "': " + why);
  }
  if (in.at != body.size()) return bad_input("bytes after the last mesh");
  return meshes;
}

std::string cache_folder_problem(const fs::path& dir) {
  // The nearest folder on the way up that exists decides: a file there, or no write permission.
  std::error_code ec;
  fs::path p = dir;
  while (!p.empty() && !fs::exists(fs::symlink_status(p, ec))) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  if (p.empty()) p = ".";
  std::string problem;  // built piecewise: GCC 12 warns falsely (-Wrestrict) on "'" + string
  if (!fs::is_directory(p, ec)) {
    problem = "'";
    problem += p.string();
    problem += "' is a file, not a folder";
  } else if (::access(p.c_str(), W_OK | X_OK) != 0) {
    problem = "folder '";
    problem += p.string();
    problem += "' is not writable";
  }
  return problem;
}

Body load_or_build_body(const BodyParams& raw, const fs::path& cache_dir) {
  const BodyParams params = clamp_params(raw);
  const fs::path dir = cache_dir.empty() ? default_cache_dir() : cache_dir;
  char key[96];
  // The file format is in the name too, so builds before and after a format change (several
  // checkouts share one cache folder) do not keep regenerating over each other's file.
  std::snprintf(key, sizeof key, "body-v%u-f%c-h%04d-b%04d.bin", kGeneratorVersion, kMagic[7],
                static_cast<int>(params.height * 1000.0f + 0.5f),
                static_cast<int>(params.build * 1000.0f + 0.5f));
  const fs::path file = dir.empty() ? fs::path() : dir / key;
  std::error_code ec;
  // Temporaries of writers that were killed (SIGKILL cannot be caught) are removed here.
  if (!dir.empty()) remove_stale_temporaries(dir);

  if (!file.empty() && fs::exists(fs::symlink_status(file, ec))) {
    auto bytes = read_regular_file(file, kMaxCacheBytes);
    Body body;
    body.params = params;
    body.skeleton = make_skeleton(params);
    auto meshes = bytes ? decode_body_cache(*bytes, params, body.skeleton.size())
                        : Result<std::vector<BodyMesh>>(bytes.error());
    if (meshes) {
      body.meshes = std::move(*meshes);
      body.landmarks = make_landmarks(body.skeleton);
      const std::vector<mat4> rest = world_transforms(body.skeleton, Pose{});
      body.inverse_bind.resize(rest.size());
      for (size_t i = 0; i < rest.size(); ++i) body.inverse_bind[i] = glm::inverse(rest[i]);
      return body;
    }
    std::string why = meshes.error().message;
    if (why.rfind(file.string(), 0) == 0) why = why.substr(file.string().size() + 2);  // no path twice
    log_warning(file.string() + ": body cache not used (" + why + "); regenerating");
  }
  Body body = build_body(params);
  if (!file.empty()) {
    fs::create_directories(dir, ec);
    if (std::string problem = cache_folder_problem(dir); !problem.empty()) {
      const char* xdg = std::getenv("XDG_CACHE_HOME");
      const std::string from = cache_dir.empty() && xdg && *xdg ? " (from XDG_CACHE_HOME)" : "";
      log_warning("body cache not written to " + dir.string() + from + ": " + problem);
      return body;
    }
    // Whatever is in the way (a link, a FIFO, a damaged file) is replaced, never written through.
    if (!fs::is_regular_file(fs::symlink_status(file, ec))) fs::remove(file, ec);
    const std::vector<uint8_t> bytes = encode_body_cache(params, body.meshes);
    if (auto s = write_file_atomic(file, std::span<const uint8_t>(bytes.data(), bytes.size())); !s.ok())
      log_warning("body cache not written: " + s.error().message);
  }
  return body;
}

}  // namespace fascia::body

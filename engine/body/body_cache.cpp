// A binary cache of the generated meshes, so that start-up reads a file instead of generating the
// body (seconds) each time. Keyed by the parameters and the generator's version; anything that does
// not match exactly is ignored and the body regenerated.
#include <cstdlib>
#include <cstring>

#include "body/body.h"
#include "core/file_io.h"
#include "core/log.h"

namespace fascia::body {

namespace {

// Bump whenever generation changes what it produces.
constexpr uint32_t kGeneratorVersion = 4;
constexpr char kMagic[8] = {'F', 'A', 'B', 'O', 'D', 'Y', '0', '1'};

std::filesystem::path default_cache_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::filesystem::path(x) / "fascia";
  if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".cache" / "fascia";
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
  const std::string& s;
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

std::vector<uint8_t> encode(const Body& body) {
  Out o;
  o.raw(kMagic, 8);
  o.u32(kGeneratorVersion);
  o.raw(&body.params.height, 4);
  o.raw(&body.params.build, 4);
  o.u32(static_cast<uint32_t>(body.meshes.size()));
  for (const BodyMesh& m : body.meshes) {
    o.u32(static_cast<uint32_t>(m.name.size()));
    o.raw(m.name.data(), m.name.size());
    o.u32(static_cast<uint32_t>(m.layer));
    o.array(m.positions);
    o.array(m.normals);
    o.array(m.indices);
    o.array(m.joints);
    o.array(m.weights);
  }
  return o.bytes;
}

bool decode(const std::string& bytes, const BodyParams& params, std::vector<BodyMesh>& meshes,
            size_t njoint) {
  In in{bytes};
  char magic[8];
  if (!in.raw(magic, 8) || std::memcmp(magic, kMagic, 8) != 0) return false;
  if (in.u32() != kGeneratorVersion) return false;
  BodyParams p;
  in.raw(&p.height, 4);
  in.raw(&p.build, 4);
  if (!in.ok || !(p == params)) return false;
  const uint32_t n = in.u32();
  if (!in.ok || n > 100000) return false;
  meshes.resize(n);
  for (BodyMesh& m : meshes) {
    const uint32_t len = in.u32();
    if (!in.ok || len > 256) return false;
    m.name.resize(len);
    in.raw(m.name.data(), len);
    const uint32_t layer = in.u32();
    if (layer > 2) return false;
    m.layer = static_cast<Layer>(layer);
    in.array(m.positions);
    in.array(m.normals);
    in.array(m.indices);
    in.array(m.joints);
    in.array(m.weights);
    if (!in.ok) return false;
    const size_t nv = m.positions.size();
    if (m.normals.size() != nv || m.joints.size() != nv || m.weights.size() != nv || m.indices.size() % 3)
      return false;
    for (uint32_t i : m.indices)
      if (i >= nv) return false;
    for (const auto& j : m.joints)
      if (j.x >= njoint || j.y >= njoint || j.z >= njoint || j.w >= njoint) return false;
  }
  return in.ok && in.at == bytes.size();
}

}  // namespace

Body load_or_build_body(const BodyParams& raw, const std::filesystem::path& cache_dir) {
  const BodyParams params = clamp_params(raw);
  const std::filesystem::path dir = cache_dir.empty() ? default_cache_dir() : cache_dir;
  char key[96];
  std::snprintf(key, sizeof key, "body-v%u-h%04d-b%04d.bin", kGeneratorVersion,
                static_cast<int>(params.height * 1000.0f + 0.5f),
                static_cast<int>(params.build * 1000.0f + 0.5f));
  const std::filesystem::path file = dir.empty() ? std::filesystem::path() : dir / key;

  if (!file.empty()) {
    if (auto bytes = read_file(file); bytes.ok()) {
      Body body;
      body.params = params;
      body.skeleton = make_skeleton(params);
      if (decode(*bytes, params, body.meshes, body.skeleton.size())) {
        body.landmarks = make_landmarks(body.skeleton);
        const std::vector<mat4> rest = world_transforms(body.skeleton, Pose{});
        body.inverse_bind.resize(rest.size());
        for (size_t i = 0; i < rest.size(); ++i) body.inverse_bind[i] = glm::inverse(rest[i]);
        return body;
      }
      log_warning(file.string() + ": stale or damaged body cache, regenerating");
    }
  }
  Body body = build_body(params);
  if (!file.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::vector<uint8_t> bytes = encode(body);
    if (auto s = write_file_atomic(file, std::span<const uint8_t>(bytes.data(), bytes.size())); !s.ok())
      log_warning("body cache not written: " + s.error().message);
  }
  return body;
}

}  // namespace fascia::body

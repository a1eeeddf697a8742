#include "body/export_glb.h"

#include <cstring>

#include "core/file_io.h"
#include "core/json.h"

namespace fascia::body {

namespace {

constexpr int kFloat = 5126, kUnsignedShort = 5123, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

struct Writer {
  std::vector<uint8_t> bin;
  Json views = Json::array();
  Json accessors = Json::array();

  // Appends raw data as a buffer view (4-byte aligned) and returns the view's index.
  int view(const void* data, size_t bytes, int target) {
    while (bin.size() % 4) bin.push_back(0);
    const size_t offset = bin.size();
    bin.resize(offset + bytes);
    if (bytes) std::memcpy(bin.data() + offset, data, bytes);
    Json v = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}};
    if (target) v["target"] = target;
    views.push_back(v);
    return static_cast<int>(views.size() - 1);
  }

  int accessor(const void* data, size_t count, size_t elem_bytes, int component, const char* type, int target,
               Json extra = Json::object()) {
    Json a = {{"bufferView", view(data, count * elem_bytes, target)},
              {"componentType", component},
              {"count", count},
              {"type", type}};
    a.update(extra);
    accessors.push_back(a);
    return static_cast<int>(accessors.size() - 1);
  }
};

Json vec(const vec3& v) {
  return Json::array({v.x, v.y, v.z});
}

}  // namespace

std::vector<uint8_t> encode_glb(const Body& body) {
  Writer w;
  const Skeleton& s = body.skeleton;
  const size_t njoint = s.size();

  // Joints first (node i = joint i), then one node per mesh.
  Json nodes = Json::array();
  for (size_t i = 0; i < njoint; ++i) {
    const Joint& j = s.joints[i];
    Json n = {{"name", j.name}, {"translation", vec(j.rest_local)}};
    const quat q = j.rest_rotation;
    if (q != quat(1, 0, 0, 0)) n["rotation"] = Json::array({q.x, q.y, q.z, q.w});
    Json children = Json::array();
    for (size_t k = 0; k < njoint; ++k)
      if (s.joints[k].parent == static_cast<int>(i)) children.push_back(k);
    if (!children.empty()) n["children"] = children;
    nodes.push_back(n);
  }

  Json materials = Json::array();
  const float colours[3][4] = {
      {0.93f, 0.89f, 0.78f, 1.0f}, {0.70f, 0.20f, 0.18f, 1.0f}, {0.87f, 0.72f, 0.62f, 1.0f}};
  for (int l = 0; l < 3; ++l)
    materials.push_back(
        {{"name", layer_name(static_cast<Layer>(l))},
         {"pbrMetallicRoughness",
          {{"baseColorFactor", Json::array({colours[l][0], colours[l][1], colours[l][2], colours[l][3]})},
           {"metallicFactor", 0.0},
           {"roughnessFactor", l == 2 ? 0.7 : 0.55}}}});

  Json meshes = Json::array();
  Json scene_nodes = Json::array({0});
  for (const BodyMesh& m : body.meshes) {
    if (m.positions.empty() || m.indices.empty()) continue;
    vec3 lo(INFINITY), hi(-INFINITY);
    for (const vec3& p : m.positions) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    const size_t n = m.positions.size();
    Json attributes = {
        {"POSITION", w.accessor(m.positions.data(), n, sizeof(vec3), kFloat, "VEC3", kArrayBuffer,
                                {{"min", vec(lo)}, {"max", vec(hi)}})},
        {"NORMAL", w.accessor(m.normals.data(), n, sizeof(vec3), kFloat, "VEC3", kArrayBuffer)},
        {"JOINTS_0",
         w.accessor(m.joints.data(), n, sizeof(glm::u16vec4), kUnsignedShort, "VEC4", kArrayBuffer)},
        {"WEIGHTS_0", w.accessor(m.weights.data(), n, sizeof(vec4), kFloat, "VEC4", kArrayBuffer)}};
    const int indices = w.accessor(m.indices.data(), m.indices.size(), sizeof(uint32_t), kUnsignedInt,
                                   "SCALAR", kElementArrayBuffer);
    meshes.push_back({{"name", m.name},
                      {"primitives", Json::array({{{"attributes", attributes},
                                                   {"indices", indices},
                                                   {"material", static_cast<int>(m.layer)},
                                                   {"mode", 4}}})}});
    nodes.push_back({{"name", m.name}, {"mesh", meshes.size() - 1}, {"skin", 0}});
    scene_nodes.push_back(nodes.size() - 1);
  }

  Json joints = Json::array();
  for (size_t i = 0; i < njoint; ++i) joints.push_back(i);
  const int ibm =
      w.accessor(body.inverse_bind.data(), body.inverse_bind.size(), sizeof(mat4), kFloat, "MAT4", 0);
  while (w.bin.size() % 4) w.bin.push_back(0);

  Json doc = {
      {"asset", {{"version", "2.0"}, {"generator", "Fascia Atlas body generator"}}},
      {"scene", 0},
      {"scenes", Json::array({{{"name", "body"}, {"nodes", scene_nodes}}})},
      {"nodes", nodes},
      {"skins",
       Json::array(
           {{{"name", "skeleton"}, {"skeleton", 0}, {"joints", joints}, {"inverseBindMatrices", ibm}}})},
      {"meshes", meshes},
      {"materials", materials},
      {"accessors", w.accessors},
      {"bufferViews", w.views},
      {"buffers", Json::array({{{"byteLength", w.bin.size()}}})}};
  std::string json = doc.dump();
  while (json.size() % 4) json.push_back(' ');

  std::vector<uint8_t> out;
  auto u32 = [&](uint32_t v) {
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<uint8_t>(v >> (8 * b)));
  };
  const uint32_t total =
      12 + 8 + static_cast<uint32_t>(json.size()) + 8 + static_cast<uint32_t>(w.bin.size());
  u32(0x46546C67);  // "glTF"
  u32(2);
  u32(total);
  u32(static_cast<uint32_t>(json.size()));
  u32(0x4E4F534A);  // "JSON"
  out.insert(out.end(), json.begin(), json.end());
  u32(static_cast<uint32_t>(w.bin.size()));
  u32(0x004E4942);  // "BIN"
  out.insert(out.end(), w.bin.begin(), w.bin.end());
  return out;
}

Status export_glb(const Body& body, const std::filesystem::path& path) {
  FASCIA_TRY(check_writable(path));
  const std::vector<uint8_t> bytes = encode_glb(body);
  return write_file_atomic(path, std::span<const uint8_t>(bytes.data(), bytes.size()));
}

}  // namespace fascia::body

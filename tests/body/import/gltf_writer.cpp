#include "body/import/gltf_writer.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

namespace fascia::test {
namespace {

std::string base64(const std::vector<uint8_t>& bytes) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t v = bytes[i] << 16;
    if (i + 1 < bytes.size()) v |= bytes[i + 1] << 8;
    if (i + 2 < bytes.size()) v |= bytes[i + 2];
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? k[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? k[v & 63] : '=';
  }
  return out;
}

template <typename T>
size_t append(std::vector<uint8_t>& buf, const std::vector<T>& data) {
  while (buf.size() % 4) buf.push_back(0);
  size_t offset = buf.size();
  buf.resize(offset + data.size() * sizeof(T));
  std::memcpy(buf.data() + offset, data.data(), data.size() * sizeof(T));
  return offset;
}

}  // namespace

void write_test_gltf(const std::filesystem::path& path, const std::vector<TestBone>& model_bones,
                     bool skinned, const mat4& file_from_model) {
  auto to_file = [&](vec3 p) { return vec3(file_from_model * vec4(p, 1.0f)); };
  std::vector<TestBone> bones = model_bones;
  for (TestBone& b : bones) b.position = to_file(b.position);
  using nlohmann::json;
  const size_t n = bones.size();
  std::vector<float> positions, ibm, weights;
  std::vector<uint16_t> joints;
  std::vector<uint32_t> indices;
  vec3 lo(1e9f), hi(-1e9f);
  // A small triangle at each bone, sized to the skeleton.
  vec3 blo(1e9f), bhi(-1e9f);
  for (const TestBone& b : model_bones) blo = glm::min(blo, b.position), bhi = glm::max(bhi, b.position);
  const float size = 0.01f * std::max({bhi.x - blo.x, bhi.y - blo.y, bhi.z - blo.z, 1e-3f});
  for (size_t i = 0; i < n; ++i) {
    const vec3 p = bones[i].position;
    for (vec3 d : {vec3(size, 0, 0), vec3(-size, 0, 0), vec3(0, 0, size)}) {
      vec3 v = to_file(model_bones[i].position + d);
      positions.insert(positions.end(), {v.x, v.y, v.z});
      lo = glm::min(lo, v), hi = glm::max(hi, v);
      joints.insert(joints.end(), {static_cast<uint16_t>(i), 0, 0, 0});
      weights.insert(weights.end(), {1, 0, 0, 0});
    }
    uint32_t base = static_cast<uint32_t>(3 * i);
    indices.insert(indices.end(), {base, base + 1, base + 2});
    mat4 inv = glm::translate(mat4(1), -p);
    ibm.insert(ibm.end(), glm::value_ptr(inv), glm::value_ptr(inv) + 16);
  }
  std::vector<uint8_t> buf;
  json views = json::array(), accessors = json::array();
  auto add = [&](size_t offset, size_t bytes, int component, size_t count, const char* type) {
    views.push_back({{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}});
    accessors.push_back(
        {{"bufferView", views.size() - 1}, {"componentType", component}, {"count", count}, {"type", type}});
    return accessors.size() - 1;
  };
  size_t a_pos = add(append(buf, positions), positions.size() * 4, 5126, 3 * n, "VEC3");
  accessors[a_pos]["min"] = {lo.x, lo.y, lo.z};
  accessors[a_pos]["max"] = {hi.x, hi.y, hi.z};
  size_t a_idx = add(append(buf, indices), indices.size() * 4, 5125, indices.size(), "SCALAR");
  size_t a_jnt = add(append(buf, joints), joints.size() * 2, 5123, 3 * n, "VEC4");
  size_t a_wgt = add(append(buf, weights), weights.size() * 4, 5126, 3 * n, "VEC4");
  size_t a_ibm = add(append(buf, ibm), ibm.size() * 4, 5126, n, "MAT4");

  json nodes = json::array();
  json roots = json::array();
  for (size_t i = 0; i < n; ++i) {
    vec3 local = bones[i].position - (bones[i].parent >= 0 ? bones[bones[i].parent].position : vec3(0));
    json node = {{"name", bones[i].name}, {"translation", {local.x, local.y, local.z}}};
    nodes.push_back(node);
    if (bones[i].parent < 0) roots.push_back(i);
  }
  for (size_t i = 0; i < n; ++i)
    if (bones[i].parent >= 0) nodes[bones[i].parent]["children"].push_back(i);
  json attributes = {{"POSITION", a_pos}};
  if (skinned) {
    attributes["JOINTS_0"] = a_jnt;
    attributes["WEIGHTS_0"] = a_wgt;
  }
  json mesh_node = {{"name", "body"}, {"mesh", 0}};
  if (skinned) mesh_node["skin"] = 0;
  nodes.push_back(mesh_node);
  roots.push_back(n);
  json skin_joints = json::array();
  for (size_t i = 0; i < n; ++i) skin_joints.push_back(i);
  json doc = {
      {"asset", {{"version", "2.0"}, {"generator", "fascia tests"}}},
      {"scene", 0},
      {"scenes", {{{"nodes", roots}}}},
      {"nodes", nodes},
      {"meshes", {{{"name", "body"}, {"primitives", {{{"attributes", attributes}, {"indices", a_idx}}}}}}},
      {"buffers",
       {{{"byteLength", buf.size()}, {"uri", "data:application/octet-stream;base64," + base64(buf)}}}},
      {"bufferViews", views},
      {"accessors", accessors}};
  if (skinned) doc["skins"] = {{{"joints", skin_joints}, {"inverseBindMatrices", a_ibm}}};
  std::ofstream(path) << doc.dump();
}

std::vector<TestBone> humanoid(const std::function<std::string(const std::string&)>& name_of) {
  struct Role {
    std::string role, parent;
    vec3 p;
  };
  std::vector<Role> roles = {{"hips", "", {0, 0.96f, 0}},
                             {"spine", "hips", {0, 1.08f, -0.03f}},
                             {"chest", "spine", {0, 1.30f, -0.04f}},
                             {"neck", "chest", {0, 1.46f, -0.04f}},
                             {"head", "neck", {0, 1.58f, -0.01f}},
                             {"crown", "head", {0, 1.73f, 0.0f}}};
  for (std::string s : {"l", "r"}) {
    const float x = s == "l" ? 1.0f : -1.0f;
    auto r = [&](const char* n) { return s + "_" + n; };
    roles.push_back({r("shoulder"), "chest", {x * 0.03f, 1.43f, 0.02f}});
    roles.push_back({r("arm"), r("shoulder"), {x * 0.18f, 1.42f, 0}});
    roles.push_back({r("forearm"), r("arm"), {x * 0.20f, 1.11f, -0.02f}});
    roles.push_back({r("hand"), r("forearm"), {x * 0.21f, 0.85f, 0}});
    roles.push_back({r("upleg"), "hips", {x * 0.085f, 0.91f, 0}});
    roles.push_back({r("leg"), r("upleg"), {x * 0.09f, 0.50f, 0}});
    roles.push_back({r("foot"), r("leg"), {x * 0.095f, 0.08f, -0.01f}});
    roles.push_back({r("toe"), r("foot"), {x * 0.11f, 0.02f, 0.16f}});
  }
  std::vector<TestBone> bones;
  std::map<std::string, int> index;
  std::map<std::string, std::string> parent_of;
  for (const Role& r : roles) parent_of[r.role] = r.parent;
  for (const Role& r : roles) {
    std::string name = name_of(r.role);
    if (name.empty()) continue;
    std::string parent = r.parent;
    while (!parent.empty() && !index.count(parent)) parent = parent_of[parent];
    index[r.role] = static_cast<int>(bones.size());
    bones.push_back({name, parent.empty() ? -1 : index.at(parent), r.p});
  }
  return bones;
}

}  // namespace fascia::test

// MakeHuman skeleton (.mhskel) → RawRig. A .mhskel is JSON: each bone names a head and a tail joint,
// and each joint is a list of base-mesh vertex indices whose centroid is its position. So the base
// mesh is read here directly (Assimp would de-index the OBJ and lose the vertex numbers), keeping only
// its `body` group: the helper geometry and the joint cubes are not the figure.
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "body/import/raw_rig.h"
#include "core/json.h"

namespace fascia::body::import_detail {
namespace {
namespace fs = std::filesystem;

struct ObjData {
  std::vector<vec3> vertices;                 // all `v` lines, in order
  std::vector<std::array<int, 3>> body_tris;  // triangles of the `body` group, 0-based
};

Result<ObjData> read_obj(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return bad_input(path.string() + ": cannot open the base mesh");
  ObjData obj;
  std::string line, group;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.size() < 2) continue;
    if (line[0] == 'v' && line[1] == ' ') {
      std::istringstream s(line.substr(2));
      vec3 p;
      if (!(s >> p.x >> p.y >> p.z))
        return bad_input(path.string() + ": at line " + std::to_string(line_no) + ": bad vertex");
      obj.vertices.push_back(p);
    } else if (line[0] == 'g' && line[1] == ' ') {
      group = line.substr(2);
      while (!group.empty() && (group.back() == '\r' || group.back() == ' ')) group.pop_back();
    } else if (line[0] == 'f' && line[1] == ' ' && group == "body") {
      std::istringstream s(line.substr(2));
      std::vector<int> idx;
      std::string tok;
      while (s >> tok) {
        int v = 0;
        auto [ptr, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
        if (ec != std::errc() || v == 0)
          return bad_input(path.string() + ": at line " + std::to_string(line_no) + ": bad face");
        idx.push_back(v > 0 ? v - 1 : static_cast<int>(obj.vertices.size()) + v);
      }
      for (size_t k = 2; k < idx.size(); ++k) obj.body_tris.push_back({idx[0], idx[k - 1], idx[k]});
    }
  }
  for (const auto& t : obj.body_tris)
    for (int v : t)
      if (v < 0 || v >= static_cast<int>(obj.vertices.size()))
        return bad_input(path.string() + ": a face refers to vertex " + std::to_string(v + 1) + " of " +
                         std::to_string(obj.vertices.size()));
  return obj;
}

fs::path find_base_mesh(const fs::path& skel) {
  const fs::path dir = skel.parent_path();
  for (fs::path candidate : {dir / "base.obj", dir / ".." / "3dobjs" / "base.obj"}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return {};
}

}  // namespace

Result<RawRig> load_mhskel(const fs::path& path) {
  const std::string file = path.string();
  auto json = load_json_file(path);
  if (!json) return json.error();
  JsonCursor root(*json, file);
  FASCIA_TRY(root.expect_object());
  auto bones_c = root.field("bones");
  if (!bones_c) return bones_c.error();
  auto joints_c = root.field("joints");
  if (!joints_c) return joints_c.error();
  FASCIA_TRY(bones_c->expect_object());
  FASCIA_TRY(joints_c->expect_object());

  fs::path obj_path = find_base_mesh(path);
  if (obj_path.empty())
    return bad_input(file + ": the MakeHuman base mesh (base.obj) is not beside the skeleton");
  auto obj = read_obj(obj_path);
  if (!obj) return obj.error();
  const int nverts = static_cast<int>(obj->vertices.size());

  auto joint_position = [&](const std::string& name, const std::string& where) -> Result<vec3> {
    const Json& joints = joints_c->json();
    auto it = joints.find(name);
    if (it == joints.end() || !it->is_array() || it->empty())
      return json_error(file, where, "joint '" + name + "' is missing from $.joints");
    vec3 sum(0);
    for (const Json& v : *it) {
      if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() >= nverts)
        return json_error(file, "$.joints." + name,
                          "vertex index out of range (the base mesh has " + std::to_string(nverts) + ")");
      sum += obj->vertices[v.get<size_t>()];
    }
    return sum / static_cast<float>(it->size());
  };

  // Bones in an order where each parent comes before its children.
  struct Pending {
    std::string name, parent;
    vec3 head;
  };
  std::vector<Pending> pending;
  for (auto it = bones_c->json().begin(); it != bones_c->json().end(); ++it) {
    const std::string where = "$.bones." + it.key();
    if (!it->is_object()) return json_error(file, where, "expected an object");
    if (!it->contains("head") || !(*it)["head"].is_string())
      return json_error(file, where + ".head", "expected a joint name");
    auto head = joint_position((*it)["head"].get<std::string>(), where + ".head");
    if (!head) return head.error();
    std::string parent;
    if (it->contains("parent") && (*it)["parent"].is_string()) parent = (*it)["parent"].get<std::string>();
    pending.push_back({it.key(), parent, *head});
  }
  RawRig rig;
  rig.format = "MakeHuman skeleton (.mhskel) + OBJ";
  std::map<std::string, int> placed;
  while (!pending.empty()) {
    size_t before = pending.size();
    for (size_t i = 0; i < pending.size();) {
      const Pending& p = pending[i];
      auto parent = placed.find(p.parent);
      if (p.parent.empty() || parent != placed.end()) {
        RawBone b;
        b.name = p.name;
        b.parent = p.parent.empty() ? -1 : parent->second;
        b.bind_world = glm::translate(mat4(1), p.head);
        placed[p.name] = static_cast<int>(rig.bones.size());
        rig.bones.push_back(std::move(b));
        pending.erase(pending.begin() + static_cast<long>(i));
      } else {
        ++i;
      }
    }
    if (pending.size() == before)
      return json_error(
          file, "$.bones." + pending.front().name,
          "parent '" + pending.front().parent + "' is not a bone (or the parents form a cycle)");
  }

  // The body group as a compact mesh.
  ImportedMesh mesh;
  mesh.name = "body";
  std::vector<int> remap(nverts, -1);
  for (const auto& t : obj->body_tris)
    for (int v : t) {
      if (remap[v] < 0) {
        remap[v] = static_cast<int>(mesh.positions.size());
        mesh.positions.push_back(obj->vertices[v]);
      }
      mesh.indices.push_back(static_cast<uint32_t>(remap[v]));
    }

  // Skin weights, when the weights file named by the skeleton is beside it.
  if (root.has("weights_file") && (*json)["weights_file"].is_string()) {
    fs::path wpath = path.parent_path() / (*json)["weights_file"].get<std::string>();
    std::error_code ec;
    if (fs::is_regular_file(wpath, ec)) {
      auto wjson = load_json_file(wpath);
      if (wjson && wjson->contains("weights") && (*wjson)["weights"].is_object()) {
        mesh.joints.assign(mesh.positions.size(), glm::ivec4(-1));
        mesh.weights.assign(mesh.positions.size(), vec4(0));
        for (auto it = (*wjson)["weights"].begin(); it != (*wjson)["weights"].end(); ++it) {
          auto bone = placed.find(it.key());
          if (bone == placed.end() || !it->is_array()) continue;
          for (const Json& pair : *it) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !pair[1].is_number())
              continue;
            int64_t v = pair[0].get<int64_t>();
            float w = pair[1].get<float>();
            if (v < 0 || v >= nverts || remap[v] < 0 || !(w > 0)) continue;
            glm::ivec4& ji = mesh.joints[remap[v]];
            vec4& wi = mesh.weights[remap[v]];
            int slot = 0;
            for (int k = 1; k < 4; ++k)
              if (wi[k] < wi[slot]) slot = k;
            if (w > wi[slot]) {
              ji[slot] = bone->second;
              wi[slot] = w;
            }
          }
        }
        for (vec4& w : mesh.weights) {
          float s = w.x + w.y + w.z + w.w;
          if (s > 0) w /= s;
        }
      } else {
        rig.warnings.push_back(wpath.string() + ": skin weights unreadable; the mesh is left unskinned");
      }
    }
  }
  rig.meshes.push_back(std::move(mesh));
  return rig;
}

}  // namespace fascia::body::import_detail

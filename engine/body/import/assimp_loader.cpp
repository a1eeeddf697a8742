// Assimp → RawRig. The bones' bind pose comes from the skin's inverse bind matrices, not from the node
// transforms: an FBX saved mid-animation (the Kenney fixture) has its nodes in a running pose while
// its mesh is in the bind pose.
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <assimp/Importer.hpp>
#include <exception>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "body/import/raw_rig.h"

namespace fascia::body::import_detail {
namespace {

mat4 to_glm(const aiMatrix4x4& m) {
  // Assimp is row-major with translation in a4, b4, c4; GLM is column-major.
  return glm::transpose(glm::make_mat4(&m.a1));
}

struct NodeInfo {
  const aiNode* node = nullptr;
  int parent = -1;
  mat4 global{1};
};

void collect_nodes(const aiNode* n, int parent, const mat4& parent_global, std::vector<NodeInfo>& out,
                   int depth) {
  if (!n || depth > 256) return;
  mat4 global = parent_global * to_glm(n->mTransformation);
  int self = static_cast<int>(out.size());
  out.push_back({n, parent, global});
  for (unsigned i = 0; i < n->mNumChildren; ++i) collect_nodes(n->mChildren[i], self, global, out, depth + 1);
}

std::string format_name(const aiScene& scene, const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext == ".glb" || ext == ".gltf") return "glTF 2.0";
  if (ext == ".fbx") return "FBX";
  if (ext == ".dae") return "COLLADA";
  if (ext == ".obj") return "OBJ";
  aiString f;
  if (scene.mMetaData && scene.mMetaData->Get("SourceAsset_Format", f)) return f.C_Str();
  return ext;
}

bool is_finite(const mat4& m) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r)
      if (!std::isfinite(m[c][r])) return false;
  return true;
}

// Assimp's own messages say little to a user ("File came out empty. Something is wrong here.");
// say what they mean in plain words, and keep Assimp's text after it for a bug report.
std::string plain_loader_error(const std::string& why, const std::string& format) {
  struct Known {
    const char* contains;
    const char* plain;
  };
  static const Known known[] = {
      {"came out empty", "the file holds no model (empty, or not a document of this format)"},
      {"malformed XML", "the XML is malformed (not well-formed: unclosed or mismatched tags)"},
      {"Invalid face index", "a face refers to a vertex that does not exist"},
      {"index out of range", "a face refers to a vertex that does not exist"},
      {"No suitable reader", "the contents match no model format Assimp reads"},
      {"Unexpected end of file", "the file ends in the middle of the model (truncated)"},
  };
  std::string plain = "the " + format + " reader failed";
  for (const Known& k : known)
    if (why.find(k.contains) != std::string::npos) plain = k.plain;
  return "cannot read it as " + format + ": " + plain + " (Assimp: " + why + ")";
}

std::string format_of_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext == ".glb" || ext == ".gltf") return "glTF";
  if (ext == ".fbx") return "FBX";
  if (ext == ".dae") return "COLLADA";
  if (ext == ".obj") return "OBJ";
  return ext.empty() ? "a model" : ext;
}

}  // namespace

Result<RawRig> load_with_assimp(const std::filesystem::path& path) {
  const std::string file = path.string();
  Assimp::Importer importer;
  // Keep FBX pivots folded into their nodes, so bone names stay the file's names.
  importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
  importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_READ_ANIMATIONS, false);
  const unsigned flags = aiProcess_Triangulate | aiProcess_ValidateDataStructure | aiProcess_SortByPType |
                         aiProcess_LimitBoneWeights;
  const aiScene* scene = nullptr;
  try {
    scene = importer.ReadFile(file, flags);
  } catch (const std::exception& e) {
    return bad_input(file + ": " + plain_loader_error(e.what(), format_of_extension(path)));
  } catch (...) {
    return bad_input(file + ": cannot read the model: the loader failed");
  }
  if (!scene) {
    std::string why = importer.GetErrorString();
    if (why.empty()) why = "the loader returned nothing";
    return bad_input(file + ": " + plain_loader_error(why, format_of_extension(path)));
  }
  if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
    return bad_input(file + ": the model is incomplete (no scene graph)");

  RawRig rig;
  rig.format = format_name(*scene, path);

  if (scene->mMetaData) {
    int32_t up = 1, sign = 1;
    if (scene->mMetaData->Get("UpAxis", up) && up >= 0 && up <= 2) {
      rig.up_axis = up;
      if (scene->mMetaData->Get("UpAxisSign", sign)) rig.up_sign = sign < 0 ? -1 : 1;
      rig.up_source = "file metadata (UpAxis)";
    }
    // FBX: UnitScaleFactor is centimetres per unit.
    double unit_d = 0;
    float unit_f = 0;
    if (scene->mMetaData->Get("UnitScaleFactor", unit_d) && unit_d > 0) {
      rig.metres_per_unit = unit_d / 100.0;
    } else if (scene->mMetaData->Get("UnitScaleFactor", unit_f) && unit_f > 0) {
      rig.metres_per_unit = unit_f / 100.0;
    }
    if (rig.metres_per_unit) rig.unit_source = "file metadata (UnitScaleFactor)";
  }

  // glTF is metres by definition; Assimp applies COLLADA's <unit meter> and <up_axis> itself, so
  // both arrive in metres, Y up.
  if (rig.format == "glTF 2.0" || rig.format == "COLLADA") {
    rig.metres_per_unit = 1.0;
    rig.unit_source =
        rig.format == "glTF 2.0" ? "glTF: metres by definition" : "COLLADA <unit>, applied by Assimp";
  }
  if (rig.format == "COLLADA") {
    std::ifstream in(path, std::ios::binary);
    std::string head(65536, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    size_t at = head.find("<up_axis>");
    if (at != std::string::npos) {
      char axis = head.size() > at + 9 ? head[at + 9] : 'Y';
      if (axis == 'X' || axis == 'Z') rig.up_turned_by_loader = std::string("+") + axis;
    }
  }

  std::vector<NodeInfo> nodes;
  collect_nodes(scene->mRootNode, -1, mat4(1), nodes, 0);
  std::unordered_map<const aiNode*, int> node_index;
  std::map<std::string, int> node_by_name;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    node_index[nodes[i].node] = i;
    node_by_name.emplace(nodes[i].node->mName.C_Str(), i);
  }

  // The nodes that hold each mesh, so vertices land in model space.
  std::vector<int> mesh_node(scene->mNumMeshes, -1);
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
    for (unsigned k = 0; k < nodes[i].node->mNumMeshes; ++k) {
      unsigned m = nodes[i].node->mMeshes[k];
      if (m < scene->mNumMeshes && mesh_node[m] < 0) mesh_node[m] = i;
    }

  // Skin bones and their bind pose: mesh node global × inverse(offset).
  std::map<int, mat4> skin_bind;  // node index → bind world
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh* mesh = scene->mMeshes[m];
    if (!mesh || !mesh->mBones) continue;
    mat4 mesh_global = mesh_node[m] >= 0 ? nodes[mesh_node[m]].global : mat4(1);
    for (unsigned b = 0; b < mesh->mNumBones; ++b) {
      const aiBone* bone = mesh->mBones[b];
      if (!bone) continue;
      auto it = node_by_name.find(bone->mName.C_Str());
      if (it == node_by_name.end()) continue;
      if (skin_bind.count(it->second)) continue;
      mat4 bind = mesh_global * glm::inverse(to_glm(bone->mOffsetMatrix));
      skin_bind[it->second] = is_finite(bind) ? bind : nodes[it->second].global;
    }
  }
  if (skin_bind.empty()) return bad_input(file + ": the model has no skeleton (no mesh is skinned to bones)");

  // The skeleton: skin bones, nodes between two skin bones, and the mesh-less descendants of skin
  // bones (end markers). Containers above the topmost bones ("Armature", "RootNode") stay out.
  const int n = static_cast<int>(nodes.size());
  std::vector<char> below_skin(n, 0), in_skeleton(n, 0);
  for (int i = 0; i < n; ++i) {
    int p = nodes[i].parent;
    below_skin[i] = p >= 0 && (skin_bind.count(p) || below_skin[p]);
  }
  for (int i = 0; i < n; ++i) {
    if (skin_bind.count(i)) {
      in_skeleton[i] = 1;
      // Mark the intermediate nodes between this bone and a skin ancestor.
      for (int p = nodes[i].parent; p >= 0 && !skin_bind.count(p) && below_skin[p]; p = nodes[p].parent)
        in_skeleton[p] = 1;
    }
  }
  for (int i = 0; i < n; ++i)
    if (!in_skeleton[i] && below_skin[i] && nodes[i].node->mNumMeshes == 0 && in_skeleton[nodes[i].parent])
      in_skeleton[i] = 1;

  // Bind pose of the non-skin skeleton nodes: their local transforms chained onto the bind pose above.
  std::vector<mat4> bind(n);
  std::vector<int> bone_of_node(n, -1);
  for (int i = 0; i < n; ++i) {
    if (!in_skeleton[i]) continue;
    int p = nodes[i].parent;
    if (skin_bind.count(i))
      bind[i] = skin_bind[i];
    else if (p >= 0 && in_skeleton[p])
      bind[i] = bind[p] * to_glm(nodes[i].node->mTransformation);
    else
      bind[i] = nodes[i].global;
    RawBone bone;
    bone.name = nodes[i].node->mName.C_Str();
    bone.parent = (p >= 0 && in_skeleton[p]) ? bone_of_node[p] : -1;
    bone.bind_world = bind[i];
    bone_of_node[i] = static_cast<int>(rig.bones.size());
    rig.bones.push_back(std::move(bone));
  }

  // Meshes in model space (bind pose), with up to four influences a vertex.
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh* mesh = scene->mMeshes[m];
    if (!mesh || !mesh->mVertices || !(mesh->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    mat4 g = mesh_node[m] >= 0 ? nodes[mesh_node[m]].global : mat4(1);
    ImportedMesh out;
    out.name = mesh->mName.C_Str();
    out.positions.reserve(mesh->mNumVertices);
    for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
      const aiVector3D& p = mesh->mVertices[v];
      out.positions.push_back(vec3(g * vec4(p.x, p.y, p.z, 1.0f)));
    }
    for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
      const aiFace& face = mesh->mFaces[f];
      if (face.mNumIndices != 3 || !face.mIndices) continue;
      bool valid = true;
      for (int k = 0; k < 3; ++k) valid = valid && face.mIndices[k] < mesh->mNumVertices;
      if (!valid) continue;
      out.indices.insert(out.indices.end(), face.mIndices, face.mIndices + 3);
    }
    if (mesh->mNumBones > 0 && mesh->mBones) {
      out.joints.assign(mesh->mNumVertices, glm::ivec4(-1));
      out.weights.assign(mesh->mNumVertices, vec4(0));
      for (unsigned b = 0; b < mesh->mNumBones; ++b) {
        const aiBone* bone = mesh->mBones[b];
        if (!bone || !bone->mWeights) continue;
        auto it = node_by_name.find(bone->mName.C_Str());
        if (it == node_by_name.end() || bone_of_node[it->second] < 0) continue;
        int j = bone_of_node[it->second];
        for (unsigned w = 0; w < bone->mNumWeights; ++w) {
          const aiVertexWeight& vw = bone->mWeights[w];
          if (vw.mVertexId >= mesh->mNumVertices || !(vw.mWeight > 0)) continue;
          glm::ivec4& ji = out.joints[vw.mVertexId];
          vec4& wi = out.weights[vw.mVertexId];
          // Keep the four largest.
          int slot = 0;
          for (int k = 1; k < 4; ++k)
            if (wi[k] < wi[slot]) slot = k;
          if (vw.mWeight > wi[slot]) {
            ji[slot] = j;
            wi[slot] = vw.mWeight;
          }
        }
      }
      for (size_t v = 0; v < out.weights.size(); ++v) {
        float s = out.weights[v].x + out.weights[v].y + out.weights[v].z + out.weights[v].w;
        if (s > 0) out.weights[v] /= s;
      }
    }
    if (!out.indices.empty()) rig.meshes.push_back(std::move(out));
  }
  return rig;
}

}  // namespace fascia::body::import_detail

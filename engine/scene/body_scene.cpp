#include "scene/body_scene.h"

#include <algorithm>
#include <cmath>

#include <meshoptimizer.h>

#include "body/skinning.h"
#include "scene/colormap.h"
#include "scene/occlusion.h"

namespace fascia::scene {

vec3 tissue_color(const std::string& name, body::Layer layer) {
  switch (layer) {
    case body::Layer::Bone:
      return srgb_to_linear(vec3(0.90f, 0.86f, 0.77f));
    case body::Layer::Skin:
      return srgb_to_linear(vec3(0.89f, 0.70f, 0.60f));
    case body::Layer::Muscle:
      break;
  }
  // Dense connective tissue reads silver-white in dissection; muscle bellies are red.
  static const char* kFibrous[] = {"tendon", "fascia", "ligament",   "aponeurosis", "tract", "septum",
                                   "sheath", "linea",  "periosteum", "galea",       "tunnel"};
  for (const char* f : kFibrous)
    if (name.find(f) != std::string::npos) return srgb_to_linear(vec3(0.82f, 0.80f, 0.74f));
  return srgb_to_linear(vec3(0.66f, 0.20f, 0.18f));
}

bool is_fascial_sheet(const std::string& name) {
  for (const char* f : {"fascia", "aponeurosis", "tract", "galea", "septum", "linea"})
    if (name.find(f) != std::string::npos) return true;
  return false;
}

Mesh simplify(const Mesh& mesh, float ratio, float max_error_m) {
  Mesh out;
  out.vertices = mesh.vertices;
  out.indices.resize(mesh.indices.size());
  // The error is relative to the mesh's extent in meshoptimizer; convert from metres.
  vec3 lo(1e9f), hi(-1e9f);
  for (const auto& v : mesh.vertices) {
    lo = glm::min(lo, v.position);
    hi = glm::max(hi, v.position);
  }
  float extent = std::max(1e-6f, glm::length(hi - lo));
  size_t target = size_t(float(mesh.indices.size() / 3) * ratio) * 3;
  size_t n = meshopt_simplify(out.indices.data(), mesh.indices.data(), mesh.indices.size(),
                              &mesh.vertices[0].position.x, mesh.vertices.size(), sizeof(Vertex), target,
                              max_error_m / extent, 0, nullptr);
  out.indices.resize(n);
  // Drop the vertices no triangle uses any more, in every vertex stream alike.
  std::vector<unsigned int> remap(out.vertices.size());
  size_t kept = meshopt_optimizeVertexFetchRemap(remap.data(), out.indices.data(), out.indices.size(),
                                                 out.vertices.size());
  meshopt_remapIndexBuffer(out.indices.data(), out.indices.data(), out.indices.size(), remap.data());
  std::vector<Vertex> vertices(kept);
  meshopt_remapVertexBuffer(vertices.data(), out.vertices.data(), out.vertices.size(), sizeof(Vertex),
                            remap.data());
  out.vertices = std::move(vertices);
  if (mesh.skinned()) {
    out.skin.resize(kept);
    meshopt_remapVertexBuffer(out.skin.data(), mesh.skin.data(), mesh.skin.size(), sizeof(SkinInfluence),
                              remap.data());
  }
  return out;
}

PosedBody pose_body(const body::Body& b, const body::Pose& pose, bool reduced_detail) {
  PosedBody out;
  for (const body::BodyMesh& bm : b.meshes) {
    auto mesh = std::make_shared<Mesh>();
    mesh->vertices.resize(bm.positions.size());
    mesh->skin.resize(bm.positions.size());
    for (size_t i = 0; i < bm.positions.size(); ++i) {
      mesh->vertices[i] = {bm.positions[i], i < bm.normals.size() ? bm.normals[i] : vec3(0, 1, 0)};
      if (i < bm.joints.size()) mesh->skin[i] = {bm.joints[i], bm.weights[i]};
    }
    mesh->indices = bm.indices;
    if (bm.normals.size() != bm.positions.size()) compute_normals(*mesh);
    bake_crease_occlusion(*mesh);  // the simplified copy inherits it with the vertices
    std::shared_ptr<Mesh> reduced;
    if (reduced_detail) reduced = std::make_shared<Mesh>(simplify(*mesh, 0.15f, 0.003f));
    // A sheet at 60 % of the muscle layer's opacity: whitish and translucent over the bellies.
    const float opacity = bm.layer == body::Layer::Muscle && is_fascial_sheet(bm.name) ? 0.6f : 1.0f;
    out.parts.push_back(
        {bm.name, bm.layer, std::move(mesh), std::move(reduced), tissue_color(bm.name, bm.layer), opacity});
  }
  set_pose(out, b, pose);
  return out;
}

void set_pose(PosedBody& posed, const body::Body& b, const body::Pose& pose) {
  posed.palette = std::make_shared<const std::vector<mat4>>(body::skinning_matrices(b, pose));
}

void add_body(RenderScene& scene, const PosedBody& body, const BodyView& view, uint32_t first_pick_id) {
  uint32_t id = first_pick_id;
  for (const auto& part : body.parts) {
    const LayerStyle& style = part.layer == body::Layer::Bone     ? view.bone
                              : part.layer == body::Layer::Muscle ? view.muscle
                                                                  : view.skin;
    uint32_t pick = id++;
    if (!style.visible || style.opacity <= 0.0f) continue;
    MeshInstance inst;
    inst.mesh = view.reduced_detail && part.reduced ? part.reduced : part.mesh;
    inst.palette = body.palette;
    inst.color = vec4(part.color, style.opacity * part.opacity);
    inst.pick_id = pick;
    inst.layer = static_cast<uint32_t>(part.layer);
    scene.instances.push_back(std::move(inst));
  }
}

Camera body_camera(float height, float yaw_deg) {
  Camera c;
  c.target = vec3(0, height * 0.53f, 0);
  c.fov_y_deg = 30.0f;
  // Far enough that the whole figure fits the frame's height with a margin.
  c.distance = height * 0.62f / std::tan(glm::radians(c.fov_y_deg) * 0.5f);
  c.yaw_deg = yaw_deg;
  c.pitch_deg = 4.0f;
  return c;
}

}  // namespace fascia::scene

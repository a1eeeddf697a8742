#include "scene/body_scene.h"

#include <cmath>

#include "body/skinning.h"
#include "scene/colormap.h"

namespace fascia::scene {

vec3 tissue_color(const std::string& name, body::Layer layer) {
  switch (layer) {
    case body::Layer::Bone: return srgb_to_linear(vec3(0.90f, 0.86f, 0.77f));
    case body::Layer::Skin: return srgb_to_linear(vec3(0.89f, 0.70f, 0.60f));
    case body::Layer::Muscle: break;
  }
  // Dense connective tissue reads silver-white in dissection; muscle bellies are red.
  static const char* kFibrous[] = {"tendon", "fascia", "ligament", "aponeurosis", "tract", "septum",
                                   "sheath", "linea", "periosteum", "galea", "tunnel"};
  for (const char* f : kFibrous)
    if (name.find(f) != std::string::npos) return srgb_to_linear(vec3(0.82f, 0.80f, 0.74f));
  return srgb_to_linear(vec3(0.66f, 0.20f, 0.18f));
}

PosedBody pose_body(const body::Body& b, const body::Pose& pose) {
  PosedBody out;
  std::vector<mat4> skinning = body::skinning_matrices(b, pose);
  for (const body::BodyMesh& bm : b.meshes) {
    auto mesh = std::make_shared<Mesh>();
    std::vector<vec3> posed = body::skin_positions(bm, skinning);
    mesh->vertices.resize(posed.size());
    for (size_t i = 0; i < posed.size(); ++i) mesh->vertices[i].position = posed[i];
    mesh->indices = bm.indices;
    compute_normals(*mesh);
    out.parts.push_back({bm.name, bm.layer, std::move(mesh), tissue_color(bm.name, bm.layer)});
  }
  return out;
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
    inst.mesh = part.mesh;
    inst.color = vec4(part.color, style.opacity);
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

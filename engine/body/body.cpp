#include "body/body.h"

#include "body/bones.h"
#include "body/mesher.h"
#include "body/muscles.h"
#include "body/skin.h"

namespace fascia::body {

const char* layer_name(Layer layer) {
  switch (layer) {
    case Layer::Bone: return "bone";
    case Layer::Muscle: return "muscle";
    case Layer::Skin: return "skin";
  }
  return "?";
}

const BodyMesh* Body::find_mesh(std::string_view name) const {
  for (const BodyMesh& m : meshes)
    if (m.name == name) return &m;
  return nullptr;
}

namespace {

BodyMesh rigid_mesh(std::string name, Layer layer, TriMesh tri, int joint) {
  BodyMesh m;
  m.name = std::move(name);
  m.layer = layer;
  m.normals = vertex_normals(tri);
  m.positions = std::move(tri.positions);
  m.indices = std::move(tri.indices);
  m.joints.assign(m.positions.size(), glm::u16vec4(static_cast<uint16_t>(std::max(joint, 0)), 0, 0, 0));
  m.weights.assign(m.positions.size(), vec4(1, 0, 0, 0));
  return m;
}

}  // namespace

Body build_body(const BodyParams& raw) {
  Body body;
  body.params = clamp_params(raw);
  body.skeleton = make_skeleton(body.params);
  body.landmarks = make_landmarks(body.skeleton);
  const AnatomyContext ctx(body.skeleton, body.landmarks);

  const std::vector<BoneShape> bones = make_bone_shapes(ctx);
  for (const BoneShape& b : bones)
    body.meshes.push_back(rigid_mesh(b.name, Layer::Bone, polygonise(b.sdf, b.step, b.target_triangles, 3), b.joint));

  // The bones sampled once on a coarse grid, to keep the muscles off them.
  const Sdf bone_field = bones_union(bones);
  vec3 lo, hi;
  bone_field.bounds(lo, hi);
  SdfGrid bone_grid = make_grid(lo, hi, 0.004f * body.params.height / 1.75f, 1.0f);
  rasterize(bone_field, bone_grid);

  std::vector<TaggedPrim> muscle_volume;
  for (const MuscleShape& m : make_muscle_shapes(ctx)) body.meshes.push_back(sweep_muscle(ctx, m, bone_grid, &muscle_volume));
  body.meshes.push_back(make_skin(ctx, bones, muscle_volume));

  const std::vector<mat4> rest = world_transforms(body.skeleton, Pose{});
  body.inverse_bind.resize(rest.size());
  for (size_t i = 0; i < rest.size(); ++i) body.inverse_bind[i] = glm::inverse(rest[i]);
  return body;
}

}  // namespace fascia::body

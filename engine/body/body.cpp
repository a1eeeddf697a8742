#include "body/body.h"

#include "body/bones.h"
#include "body/mesher.h"
#include "body/muscles.h"
#include "body/skin.h"
#include "body/trunk_depth.h"

namespace fascia::body {

const char* layer_name(Layer layer) {
  switch (layer) {
    case Layer::Bone:
      return "bone";
    case Layer::Muscle:
      return "muscle";
    case Layer::Skin:
      return "skin";
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
  // Generated on the landmarks as laid out, then corrected in depth with them.
  body.landmarks = make_landmarks(body.skeleton, false);
  const AnatomyContext ctx(body.skeleton, body.landmarks);

  const std::vector<BoneShape> bones = make_bone_shapes(ctx);
  std::vector<BodyMesh> bone_meshes(bones.size());
  parallel_for(bones.size(), [&](size_t i) {
    const BoneShape& b = bones[i];
    bone_meshes[i] =
        rigid_mesh(b.name, Layer::Bone, polygonise(b.sdf, b.step, b.target_triangles, 3), b.joint);
  });
  for (BodyMesh& m : bone_meshes) body.meshes.push_back(std::move(m));

  // The bones sampled once on a coarse grid, to keep the muscles off them.
  const Sdf bone_field = bones_union(bones);
  vec3 lo, hi;
  bone_field.bounds(lo, hi);
  SdfGrid bone_grid = make_grid(lo, hi, 0.004f * body.params.height / 1.75f, 1.0f);
  rasterize(bone_field, bone_grid);

  const std::vector<MuscleShape> muscles = make_muscle_shapes(ctx);
  std::vector<BodyMesh> muscle_meshes(muscles.size());
  std::vector<std::vector<TaggedPrim>> volumes(muscles.size());
  parallel_for(muscles.size(),
               [&](size_t i) { muscle_meshes[i] = sweep_muscle(ctx, muscles[i], bone_grid, &volumes[i]); });
  std::vector<TaggedPrim> muscle_volume;
  for (size_t i = 0; i < muscles.size(); ++i) {
    body.meshes.push_back(std::move(muscle_meshes[i]));
    muscle_volume.insert(muscle_volume.end(), volumes[i].begin(), volumes[i].end());
  }
  SdfGrid skin_field;
  body.meshes.push_back(make_skin(ctx, bones, muscle_volume, &skin_field));
  // The skin smooths over the muscles' volume, so a thin sheet or the edge of a fan can still stand
  // out of it: the muscles are swept again, now kept under the skin.
  parallel_for(muscles.size(), [&](size_t i) {
    body.meshes[bones.size() + i] = sweep_muscle(ctx, muscles[i], bone_grid, nullptr, &skin_field);
  });

  correct_trunk_depth(body);
  body.landmarks = make_landmarks(body.skeleton);

  const std::vector<mat4> rest = world_transforms(body.skeleton, Pose{});
  body.inverse_bind.resize(rest.size());
  for (size_t i = 0; i < rest.size(); ++i) body.inverse_bind[i] = glm::inverse(rest[i]);
  return body;
}

}  // namespace fascia::body

#include "atlas/body_frame.h"

#include <memory>

namespace fascia::atlas {

namespace {

using LandmarkFn = std::function<std::optional<Placement>(std::string_view)>;
using JointFn = std::function<std::optional<mat4>(std::string_view)>;

// Wraps a body's own landmark lookup with the derived ones of the header comment.
LandmarkFn with_derived(LandmarkFn own, JointFn joints) {
  return [own, joints](std::string_view id) -> std::optional<Placement> {
    if (auto p = own(id)) return p;
    if (id == "umbilicus") {
      auto x = own("xiphoid"), s = own("pubic_symphysis");
      if (!x || !s) return std::nullopt;
      std::string joint = joints("lumbar_3") ? "lumbar_3" : s->joint;
      return Placement{0.5f * (x->position + s->position), joint};
    }
    if (id == "scalp_vertex") {
      auto b = own("brow_ridge"), o = own("occipital_ridge");
      auto skull = joints(b ? b->joint : "skull");
      if (!b || !o || !skull) return std::nullopt;
      vec3 up = glm::normalize(vec3((*skull)[1]));
      float d = glm::length(b->position - o->position);
      return Placement{0.5f * (b->position + o->position) + up * (0.5f * d), b->joint};
    }
    return std::nullopt;
  };
}

}  // namespace

BodyFrame body_frame(const body::Skeleton& skeleton, const std::vector<body::Landmark>& landmarks,
                     const body::Pose& pose) {
  struct State {
    std::vector<std::string> names;
    std::vector<mat4> world;
    std::vector<body::Landmark> landmarks;
  };
  auto st = std::make_shared<State>();
  for (const auto& j : skeleton.joints) st->names.push_back(j.name);
  st->world = body::world_transforms(skeleton, pose);
  st->landmarks = landmarks;

  JointFn joints = [st](std::string_view name) -> std::optional<mat4> {
    for (size_t i = 0; i < st->names.size(); ++i)
      if (st->names[i] == name) return st->world[i];
    return std::nullopt;
  };
  LandmarkFn own = [st](std::string_view id) -> std::optional<Placement> {
    const body::Landmark* l = body::find_landmark(st->landmarks, id);
    if (!l || l->joint < 0) return std::nullopt;
    return Placement{body::landmark_world(*l, st->world), st->names[size_t(l->joint)]};
  };
  return {with_derived(own, joints), joints};
}

BodyFrame default_body_frame() {
  body::Skeleton skeleton = body::make_skeleton({});
  return body_frame(skeleton, body::make_landmarks(skeleton), body::rest_pose(skeleton));
}

BodyFrame body_frame(const body::ImportedModel& model) {
  // Only what the lookups need: the meshes can be large.
  auto m = std::make_shared<body::ImportedModel>();
  m->report = model.report;
  m->joints = model.joints;
  m->landmarks = model.landmarks;
  JointFn joints = [m](std::string_view canonical) -> std::optional<mat4> {
    int j = m->joint_of(canonical);
    if (j < 0) return std::nullopt;
    return m->joints[size_t(j)].bind_world;
  };
  LandmarkFn own = [m](std::string_view id) -> std::optional<Placement> {
    const body::PlacedLandmark* l = m->landmark(id);
    if (!l || l->source_joint < 0) return std::nullopt;
    return Placement{l->position, l->placed_on};
  };
  return {with_derived(own, joints), joints};
}

}  // namespace fascia::atlas

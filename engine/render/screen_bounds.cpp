#include "render/screen_bounds.h"

#include <algorithm>
#include <unordered_map>

namespace fascia::render {

MeshBounds mesh_bounds(const scene::Mesh& mesh) {
  MeshBounds out;
  std::unordered_map<uint32_t, Box> by_joint;
  auto grow = [](Box& b, const vec3& p) {
    b.lo = glm::min(b.lo, p);
    b.hi = glm::max(b.hi, p);
  };
  for (size_t v = 0; v < mesh.vertices.size(); ++v) {
    const vec3& p = mesh.vertices[v].position;
    grow(out.box, p);
    if (!mesh.skinned()) continue;
    for (int k = 0; k < 4; ++k)
      if (mesh.skin[v].weights[k] > 0.0f) grow(by_joint[mesh.skin[v].joints[k]], p);
  }
  out.joint_boxes.assign(by_joint.begin(), by_joint.end());
  return out;
}

void ScreenRect::add_box(const mat4& to_clip, const Box& b) {
  if (b.empty()) return;
  for (int c = 0; c < 8; ++c) {
    vec4 p = to_clip * vec4(c & 1 ? b.hi.x : b.lo.x, c & 2 ? b.hi.y : b.lo.y, c & 4 ? b.hi.z : b.lo.z, 1.0f);
    if (p.w <= 1e-4f) {
      behind_ = true;
      return;
    }
    vec2 ndc = vec2(p) / p.w;
    lo_ = glm::min(lo_, ndc);
    hi_ = glm::max(hi_, ndc);
  }
}

void ScreenRect::add(const MeshBounds& bounds, const mat4& model, const std::vector<mat4>* palette) {
  const mat4 to_clip = view_proj_ * model;
  if (!palette || bounds.joint_boxes.empty()) {
    add_box(to_clip, bounds.box);
    return;
  }
  for (const auto& [joint, box] : bounds.joint_boxes) {
    if (joint >= palette->size()) {
      behind_ = true;  // a joint the palette lacks: nothing to bound it by
      return;
    }
    add_box(to_clip * (*palette)[joint], box);
  }
}

std::optional<glm::ivec4> ScreenRect::pixels() const {
  if (behind_) return std::nullopt;
  if (lo_.x > hi_.x) return glm::ivec4(0);
  // Clamped as floats first: a box just in front of the camera projects far outside.
  auto px = [](float ndc, uint32_t size, float margin) {
    return int(std::clamp((ndc * 0.5f + 0.5f) * float(size) + margin, 0.0f, float(size)));
  };
  return glm::ivec4(px(lo_.x, width_, -2.0f), px(lo_.y, height_, -2.0f), px(hi_.x, width_, 3.0f),
                    px(hi_.y, height_, 3.0f));
}

}  // namespace fascia::render

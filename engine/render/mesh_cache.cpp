// The GPU copies of scene meshes: uploaded on first use, retired once the scene drops the mesh.
#include "render/renderer.h"

#include <algorithm>
#include <cstring>

namespace fascia::render {

void Renderer::destroy_meshes() {
  for (auto& [_, m] : meshes_) {
    destroy_buffer(ctx_, m.vertices);
    destroy_buffer(ctx_, m.indices);
    destroy_buffer(ctx_, m.skin);
  }
}

void Renderer::purge_meshes(Frame& frame) {
  // Drop meshes the scene no longer holds; the GPU may still read them in the frame in flight.
  for (auto it = meshes_.begin(); it != meshes_.end();) {
    if (it->second.source.expired()) {
      retire(frame.retired, it->second.vertices);
      retire(frame.retired, it->second.indices);
      if (it->second.skin.buffer) retire(frame.retired, it->second.skin);
      it = meshes_.erase(it);
    } else {
      ++it;
    }
  }
}

const Renderer::GpuMesh& Renderer::gpu_mesh(const std::shared_ptr<const scene::Mesh>& mesh) {
  auto it = meshes_.find(mesh.get());
  if (it != meshes_.end()) return it->second;
  GpuMesh g;
  g.source = mesh;
  size_t vbytes = mesh->vertices.size() * sizeof(scene::Vertex);
  size_t ibytes = mesh->indices.size() * sizeof(uint32_t);
  g.vertices = create_buffer(ctx_, std::max<size_t>(vbytes, 4), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
  g.indices = create_buffer(ctx_, std::max<size_t>(ibytes, 4), VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
  std::memcpy(g.vertices.mapped, mesh->vertices.data(), vbytes);
  std::memcpy(g.indices.mapped, mesh->indices.data(), ibytes);
  g.index_count = static_cast<uint32_t>(mesh->indices.size());
  g.bounds = mesh_bounds(*mesh);
  if (mesh->skinned()) {
    size_t sbytes = mesh->skin.size() * sizeof(scene::SkinInfluence);
    g.skin = create_buffer(ctx_, std::max<size_t>(sbytes, 4), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
    std::memcpy(g.skin.mapped, mesh->skin.data(), sbytes);
  }
  return meshes_.emplace(mesh.get(), std::move(g)).first->second;
}

}  // namespace fascia::render

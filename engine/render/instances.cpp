// Per-frame instance data (DrawData, skinning palettes) and the instanced draws that read it.
#include "render/renderer.h"

#include <algorithm>
#include <cstring>

#include "render/vk_check.h"
#include "shared.h"

namespace fascia::render {

// Grows a per-frame storage buffer to hold `bytes` (this frame's fence has signalled, so the old
// buffer and the descriptor naming it are free to change).
void Renderer::ensure_storage(Frame& f, Buffer& buffer, uint32_t binding, size_t bytes) {
  if (bytes <= buffer.size) return;
  destroy_buffer(ctx_, buffer);
  buffer = create_buffer(ctx_, bytes * 2, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
  VkDescriptorBufferInfo info{buffer.buffer, 0, VK_WHOLE_SIZE};
  VkWriteDescriptorSet w{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  w.dstSet = f.descriptors;
  w.dstBinding = binding;
  w.descriptorCount = 1;
  w.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
  w.pBufferInfo = &info;
  vkUpdateDescriptorSets(ctx_.device, 1, &w, 0, nullptr);
}

// Skinning palettes (each shared palette once) and every instance's DrawData, in scene order: a
// draw of instance i passes i as its firstInstance.
void Renderer::upload_instances(Frame& f, const scene::RenderScene& scene) {
  palette_offsets_.clear();
  size_t count = 0;
  for (const auto& inst : scene.instances)
    if (inst.palette && palette_offsets_.emplace(inst.palette.get(), uint32_t(count)).second)
      count += inst.palette->size();
  ensure_storage(f, f.palettes, gpu::kPaletteBinding, count * sizeof(mat4));
  auto* matrices = static_cast<mat4*>(f.palettes.mapped);
  for (const auto& [palette, offset] : palette_offsets_)
    std::memcpy(matrices + offset, palette->data(), palette->size() * sizeof(mat4));

  ensure_storage(f, f.draws, gpu::kDrawBinding, scene.instances.size() * sizeof(gpu::DrawData));
  auto* draws = static_cast<gpu::DrawData*>(f.draws.mapped);
  for (const auto& inst : scene.instances) {
    gpu::DrawData& d = *draws++;
    d.model = inst.transform;
    d.color = inst.color;
    d.pick_id = inst.pick_id;
    d.palette_offset = inst.palette ? palette_offsets_.at(inst.palette.get()) : 0;
    const uint32_t radius_um = uint32_t(std::clamp(inst.outline_radius * 1e6f, 0.0f, 1e7f));
    d.flow = (inst.flow ? gpu::kDrawFlow : 0u) | (radius_um << gpu::kDrawRadiusShift);
    d.glow = inst.glow ? 1u : 0u;
  }
}

// Draws the listed instances. A run of consecutive instances on one mesh (the station markers) is
// one instanced draw: their DrawData sit side by side, and gl_InstanceIndex walks them.
void Renderer::draw_instances(VkCommandBuffer cmd, const scene::RenderScene& scene,
                              const std::vector<uint32_t>& list, VkPipeline plain, VkPipeline skinned) {
  VkPipeline bound = VK_NULL_HANDLE;
  for (size_t k = 0; k < list.size();) {
    const uint32_t first = list[k];
    const scene::MeshInstance& inst = scene.instances[first];
    size_t run = 1;
    while (k + run < list.size() && list[k + run] == first + run &&
           scene.instances[first + run].mesh == inst.mesh &&
           bool(scene.instances[first + run].palette) == bool(inst.palette))
      ++run;
    const GpuMesh& m = gpu_mesh(inst.mesh);
    bool skin = inst.mesh->skinned() && inst.palette;
    VkPipeline pipeline = skin ? skinned : plain;
    if (pipeline != bound) {
      vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
      bound = pipeline;
    }
    VkBuffer buffers[2] = {m.vertices.buffer, m.skin.buffer};
    VkDeviceSize offsets[2] = {0, 0};
    vkCmdBindVertexBuffers(cmd, 0, skin ? 2 : 1, buffers, offsets);
    vkCmdBindIndexBuffer(cmd, m.indices.buffer, 0, VK_INDEX_TYPE_UINT32);
    vkCmdDrawIndexed(cmd, m.index_count, uint32_t(run), 0, 0, first);  // DrawData by firstInstance
    k += run;
  }
}

}  // namespace fascia::render

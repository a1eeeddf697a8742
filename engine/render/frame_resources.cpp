// Each frame in flight's command buffer, sync objects, uniform and storage buffers, descriptor
// sets, and its attachments sized to the target.
#include "render/renderer.h"

#include "render/vk_check.h"
#include "shared.h"

namespace fascia::render {

void Renderer::create_frames() {
  for (Frame& f : frames_) {
    VkCommandPoolCreateInfo cpi{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    cpi.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    cpi.queueFamilyIndex = ctx_.queue_family;
    VK_CHECK(vkCreateCommandPool(ctx_.device, &cpi, nullptr, &f.pool));
    VkCommandBufferAllocateInfo cai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    cai.commandPool = f.pool;
    cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    cai.commandBufferCount = 1;
    VK_CHECK(vkAllocateCommandBuffers(ctx_.device, &cai, &f.cmd));
    VkFenceCreateInfo fi{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    fi.flags = VK_FENCE_CREATE_SIGNALED_BIT;
    VK_CHECK(vkCreateFence(ctx_.device, &fi, nullptr, &f.done));
    VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VK_CHECK(vkCreateSemaphore(ctx_.device, &si, nullptr, &f.acquired));
    f.uniforms = create_buffer(ctx_, sizeof(gpu::FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT);
    f.pick_readback = create_buffer(ctx_, sizeof(uint32_t), VK_BUFFER_USAGE_TRANSFER_DST_BIT);

    VkDescriptorSetAllocateInfo dai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    dai.descriptorPool = descriptor_pool_;
    dai.descriptorSetCount = 1;
    dai.pSetLayouts = &set_layout_;
    VK_CHECK(vkAllocateDescriptorSets(ctx_.device, &dai, &f.descriptors));
    dai.pSetLayouts = &composite_set_layout_;
    VK_CHECK(vkAllocateDescriptorSets(ctx_.device, &dai, &f.composite_descriptors));
    if (post_filter_) VK_CHECK(vkAllocateDescriptorSets(ctx_.device, &dai, &f.filter_descriptors));
    if (upscale_) VK_CHECK(vkAllocateDescriptorSets(ctx_.device, &dai, &f.upscale_descriptors));
    f.palettes = create_buffer(ctx_, 1024 * sizeof(mat4), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
    f.draws = create_buffer(ctx_, 1024 * sizeof(gpu::DrawData), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
    VkDescriptorBufferInfo ubo{f.uniforms.buffer, 0, sizeof(gpu::FrameUniforms)};
    VkDescriptorBufferInfo ssbo{f.palettes.buffer, 0, VK_WHOLE_SIZE};
    VkDescriptorBufferInfo draws{f.draws.buffer, 0, VK_WHOLE_SIZE};
    VkWriteDescriptorSet w[3] = {{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET},
                                 {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET},
                                 {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET}};
    w[0].dstSet = f.descriptors;
    w[0].dstBinding = gpu::kFrameUniformsBinding;
    w[0].descriptorCount = 1;
    w[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
    w[0].pBufferInfo = &ubo;
    w[1].dstSet = f.descriptors;
    w[1].dstBinding = gpu::kPaletteBinding;
    w[1].descriptorCount = 1;
    w[1].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    w[1].pBufferInfo = &ssbo;
    w[2] = w[1];
    w[2].dstBinding = gpu::kDrawBinding;
    w[2].pBufferInfo = &draws;
    vkUpdateDescriptorSets(ctx_.device, 3, w, 0, nullptr);
  }
}

void Renderer::destroy_frames() {
  for (Frame& f : frames_) {
    drain(ctx_, f.retired);
    destroy_image(ctx_, f.color);
    destroy_image(ctx_, f.depth);
    destroy_image(ctx_, f.pick_id);
    destroy_image(ctx_, f.pick_depth);
    destroy_image(ctx_, f.scene);
    destroy_image(ctx_, f.filtered);
    for (Image* i : {&f.accum, &f.weight, &f.accum_resolved, &f.weight_resolved}) destroy_image(ctx_, *i);
    destroy_buffer(ctx_, f.pick_readback);
    destroy_buffer(ctx_, f.uniforms);
    destroy_buffer(ctx_, f.palettes);
    destroy_buffer(ctx_, f.draws);
    vkDestroySemaphore(ctx_.device, f.acquired, nullptr);
    vkDestroyFence(ctx_.device, f.done, nullptr);
    vkDestroyCommandPool(ctx_.device, f.pool, nullptr);
  }
}

namespace {

bool same(VkExtent2D a, VkExtent2D b) {
  return a.width == b.width && a.height == b.height;
}

// Points both bindings of a filter-layout set at `view`: the shader reads the first, the layout it
// shares with the composite has two.
void write_filter_set(VkDevice device, VkDescriptorSet set, VkSampler sampler, VkImageView view) {
  VkDescriptorImageInfo info{sampler, view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  VkWriteDescriptorSet w[2] = {{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET},
                               {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET}};
  for (int i = 0; i < 2; ++i) {
    w[i].dstSet = set;
    w[i].dstBinding = i == 0 ? gpu::kAccumBinding : gpu::kWeightBinding;
    w[i].descriptorCount = 1;
    w[i].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    w[i].pImageInfo = &info;
  }
  vkUpdateDescriptorSets(device, 2, w, 0, nullptr);
}

}  // namespace

// The scene passes' images at `scene_extent`; the pick images at the target's, so a pick reads the
// pixel the user pointed at whatever the render scale.
void Renderer::ensure_attachments(Frame& f, VkExtent2D extent, VkExtent2D target_extent) {
  if (f.color.image && same(f.color.extent, extent) && same(f.pick_id.extent, target_extent)) return;
  // This frame's fence has signalled, so its old attachments are free to go now.
  destroy_image(ctx_, f.color);
  destroy_image(ctx_, f.depth);
  destroy_image(ctx_, f.pick_id);
  destroy_image(ctx_, f.pick_depth);
  for (Image* i : {&f.accum, &f.weight, &f.accum_resolved, &f.weight_resolved}) destroy_image(ctx_, *i);
  f.pick_id = create_image(ctx_, target_extent, VK_FORMAT_R32_UINT,
                           VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT);
  f.pick_depth =
      create_image(ctx_, target_extent, depth_format_, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT);
  f.color =
      create_image(ctx_, extent, color_format_,
                   VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT, samples_);
  // Kept after the opaque pass: the translucent pass tests against it.
  f.depth = create_image(ctx_, extent, depth_format_, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, samples_);
  if (post_filter_) {
    destroy_image(ctx_, f.scene);
    f.scene = create_image(ctx_, extent, color_format_,
                           VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT);
    // The frame's fence has signalled, so its descriptor sets may change.
    write_filter_set(ctx_.device, f.filter_descriptors, nearest_, f.scene.view);
  }
  if (upscale_) {
    destroy_image(ctx_, f.filtered);
    f.filtered = create_image(ctx_, extent, color_format_,
                              VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT);
    write_filter_set(ctx_.device, f.upscale_descriptors, linear_, f.filtered.view);
  }
}

}  // namespace fascia::render

// Translucent instances: weighted blended order-independent transparency in their screen rectangle.
#include "render/renderer.h"

#include <algorithm>

#include "render/barriers.h"
#include "render/renderer_internal.h"
#include "render/vk_check.h"
#include "shared.h"

namespace fascia::render {

using detail::attachment;
using detail::kAccumFormat;
using detail::kWeightFormat;
using detail::resolve_into;
using detail::set_viewport;

void Renderer::ensure_translucency(Frame& f, VkExtent2D extent) {
  if (f.accum.image) return;  // ensure_attachments dropped them when the size changed
  const bool ms = samples_ != VK_SAMPLE_COUNT_1_BIT;
  const VkImageUsageFlags read = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
  const VkImageUsageFlags transient =
      VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT;
  f.accum = create_image(ctx_, extent, kAccumFormat, ms ? transient : read, samples_);
  f.weight = create_image(ctx_, extent, kWeightFormat, ms ? transient : read, samples_);
  if (ms) {
    f.accum_resolved = create_image(ctx_, extent, kAccumFormat, read);
    f.weight_resolved = create_image(ctx_, extent, kWeightFormat, read);
  }
  // The frame's fence has signalled, so its descriptor set may change.
  VkDescriptorImageInfo images[2] = {
      {nearest_, (ms ? f.accum_resolved : f.accum).view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
      {nearest_, (ms ? f.weight_resolved : f.weight).view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL}};
  VkWriteDescriptorSet w[2] = {{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET},
                               {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET}};
  for (int i = 0; i < 2; ++i) {
    w[i].dstSet = f.composite_descriptors;
    w[i].dstBinding = i == 0 ? gpu::kAccumBinding : gpu::kWeightBinding;
    w[i].descriptorCount = 1;
    w[i].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    w[i].pImageInfo = &images[i];
  }
  vkUpdateDescriptorSets(ctx_.device, 2, w, 0, nullptr);
}

// The pixels the listed instances can cover: their boxes (per joint when skinned) through the
// camera. The translucency passes work in this rectangle only; full screen when a box reaches
// behind the camera.
VkRect2D Renderer::screen_rect(const scene::RenderScene& scene, const std::vector<uint32_t>& list,
                               VkExtent2D extent) {
  const float aspect = float(extent.width) / float(std::max(1u, extent.height));
  ScreenRect rect(scene.camera.projection(aspect) * scene.camera.view(), extent.width, extent.height);
  for (uint32_t i : list) {
    const scene::MeshInstance& inst = scene.instances[i];
    rect.add(gpu_mesh(inst.mesh).bounds, inst.transform, inst.palette.get());
  }
  auto px = rect.pixels();
  if (!px) return {{0, 0}, extent};
  if (px->z <= px->x || px->w <= px->y) return {{0, 0}, {0, 0}};
  return {{px->x, px->y}, {uint32_t(px->z - px->x), uint32_t(px->w - px->y)}};
}

// Weighted blended order-independent transparency: the translucent instances add into `accum` and
// `weight` against the opaque depth, in any order; a full-screen pass then lays their average colour
// over the (resolved) target image.
void Renderer::record_translucency(Frame& f, const scene::RenderScene& scene,
                                   const std::vector<uint32_t>& translucent, const TargetImage& image,
                                   VkExtent2D extent) {
  VkCommandBuffer cmd = f.cmd;
  const VkRect2D area = screen_rect(scene, translucent, extent);
  if (area.extent.width == 0) return;  // all of it off screen
  ensure_translucency(f, extent);
  const bool ms = samples_ != VK_SAMPLE_COUNT_1_BIT;
  Image& accum_read = ms ? f.accum_resolved : f.accum;
  Image& weight_read = ms ? f.weight_resolved : f.weight;
  for (Image* i : {&f.accum, &f.weight, &f.accum_resolved, &f.weight_resolved})
    if (i->image)
      image_barrier(cmd, i->image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::Undefined, ImageUse::ColorAttachment);
  // The opaque pass's depth writes come before this pass's depth tests.
  image_barrier(cmd, f.depth.image, VK_IMAGE_ASPECT_DEPTH_BIT, ImageUse::DepthAttachment,
                ImageUse::DepthAttachment);

  const VkAttachmentStoreOp store = ms ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE;
  VkRenderingAttachmentInfo colors[2] = {
      attachment(f.accum.view, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_ATTACHMENT_LOAD_OP_CLEAR, store),
      attachment(f.weight.view, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_ATTACHMENT_LOAD_OP_CLEAR,
                 store)};
  colors[0].clearValue.color = {{0, 0, 0, 1}};  // alpha: fully revealed, nothing in front yet
  colors[1].clearValue.color = {{0, 0, 0, 0}};
  if (ms) {
    resolve_into(colors[0], f.accum_resolved.view);
    resolve_into(colors[1], f.weight_resolved.view);
  }
  VkRenderingAttachmentInfo depth = attachment(f.depth.view, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                                               VK_ATTACHMENT_LOAD_OP_LOAD, VK_ATTACHMENT_STORE_OP_DONT_CARE);
  VkRenderingInfo ri{VK_STRUCTURE_TYPE_RENDERING_INFO};
  ri.renderArea = area;
  ri.layerCount = 1;
  ri.colorAttachmentCount = 2;
  ri.pColorAttachments = colors;
  ri.pDepthAttachment = &depth;
  vkCmdBeginRendering(cmd, &ri);
  set_viewport(cmd, extent, area);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &f.descriptors, 0, nullptr);
  draw_instances(cmd, scene, translucent, mesh_accumulate_, mesh_accumulate_skinned_);
  vkCmdEndRendering(cmd);

  image_barrier(cmd, accum_read.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                ImageUse::Sampled);
  image_barrier(cmd, weight_read.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                ImageUse::Sampled);
  // The opaque pass's resolve (or draws) into the target image come before the composite blends on it.
  image_barrier(cmd, image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                ImageUse::ColorAttachment);
  VkRenderingAttachmentInfo target = attachment(image.view, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                                VK_ATTACHMENT_LOAD_OP_LOAD, VK_ATTACHMENT_STORE_OP_STORE);
  ri.colorAttachmentCount = 1;
  ri.pColorAttachments = &target;
  ri.pDepthAttachment = nullptr;
  vkCmdBeginRendering(cmd, &ri);
  set_viewport(cmd, extent, area);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, composite_);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, composite_layout_, 0, 1,
                          &f.composite_descriptors, 0, nullptr);
  vkCmdDraw(cmd, 3, 1, 0, 0);
  vkCmdEndRendering(cmd);
}

}  // namespace fascia::render

// Picking: a one-pixel pass of pick ids into an R32_UINT image, read back once its frame is done.
#include "render/renderer.h"

#include <cstring>

#include "render/barriers.h"

namespace fascia::render {

// Called once the frame's fence has signalled.
void Renderer::collect_pick(Frame& f) {
  if (!f.pick_in_flight) return;
  uint32_t id;
  std::memcpy(&id, f.pick_readback.mapped, sizeof id);
  pick_result_ = id;
  f.pick_in_flight = false;
}

void Renderer::request_pick(int x, int y) {
  pick_request_ = glm::ivec2(x, y);
}

std::optional<uint32_t> Renderer::take_pick() {
  auto r = pick_result_;
  pick_result_.reset();
  return r;
}

void Renderer::record_pick(Frame& f, const scene::RenderScene& scene, VkExtent2D extent, int x, int y) {
  VkCommandBuffer cmd = f.cmd;
  image_barrier(cmd, f.pick_id.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::Undefined,
                ImageUse::ColorAttachment);
  image_barrier(cmd, f.pick_depth.image, VK_IMAGE_ASPECT_DEPTH_BIT, ImageUse::Undefined,
                ImageUse::DepthAttachment);
  VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  color.imageView = f.pick_id.view;
  color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  color.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  color.clearValue.color.uint32[0] = 0;
  VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  depth.imageView = f.pick_depth.view;
  depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
  depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  depth.clearValue.depthStencil = {1.0f, 0};
  // Only the one pixel is rasterised: the pass costs the vertex work and almost nothing else.
  VkRect2D pixel{{x, y}, {1, 1}};
  VkRenderingInfo ri{VK_STRUCTURE_TYPE_RENDERING_INFO};
  ri.renderArea = pixel;
  ri.layerCount = 1;
  ri.colorAttachmentCount = 1;
  ri.pColorAttachments = &color;
  ri.pDepthAttachment = &depth;
  vkCmdBeginRendering(cmd, &ri);
  VkViewport viewport{0, 0, float(extent.width), float(extent.height), 0, 1};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &pixel);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &f.descriptors, 0, nullptr);
  std::vector<uint32_t> pickable;
  for (uint32_t i = 0; i < scene.instances.size(); ++i) {
    const scene::MeshInstance& inst = scene.instances[i];
    if (inst.mesh && !inst.mesh->indices.empty() && inst.pick_id != 0 && inst.color.a >= 0.5f)
      pickable.push_back(i);
  }
  draw_instances(cmd, scene, pickable, pick_, pick_skinned_);
  vkCmdEndRendering(cmd);
  image_barrier(cmd, f.pick_id.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                ImageUse::TransferSrc);
  VkBufferImageCopy region{};
  region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  region.imageOffset = {x, y, 0};
  region.imageExtent = {1, 1, 1};
  vkCmdCopyImageToBuffer(cmd, f.pick_id.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, f.pick_readback.buffer,
                         1, &region);
  copy_to_host_barrier(cmd);
}

}  // namespace fascia::render

#pragma once
// Helpers shared by the renderer's passes (renderer.cpp, translucency.cpp, post_filter.cpp), private
// to engine/render.
#include <optional>

#include "render/context.h"

namespace fascia::render::detail {

// Translucency targets: half floats keep weighted sums over many layers; the weight needs one channel.
constexpr VkFormat kAccumFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
constexpr VkFormat kWeightFormat = VK_FORMAT_R16_SFLOAT;

inline VkRenderingAttachmentInfo attachment(VkImageView view, VkImageLayout layout, VkAttachmentLoadOp load,
                                            VkAttachmentStoreOp store) {
  VkRenderingAttachmentInfo a{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  a.imageView = view;
  a.imageLayout = layout;
  a.loadOp = load;
  a.storeOp = store;
  return a;
}

// Resolves a multisampled attachment into `target` (one sample) at the end of the pass.
inline void resolve_into(VkRenderingAttachmentInfo& a, VkImageView target) {
  a.resolveMode = VK_RESOLVE_MODE_AVERAGE_BIT;
  a.resolveImageView = target;
  a.resolveImageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
}

inline void set_viewport(VkCommandBuffer cmd, VkExtent2D extent, std::optional<VkRect2D> area = {}) {
  VkViewport viewport{0, 0, float(extent.width), float(extent.height), 0, 1};
  VkRect2D scissor = area.value_or(VkRect2D{{0, 0}, extent});
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
}

}  // namespace fascia::render::detail

// The post filter pass: an edge filter from the scene image into the target, before the overlay.
#include "render/renderer.h"

#include "render/barriers.h"
#include "render/renderer_internal.h"

namespace fascia::render {

using detail::attachment;
using detail::set_viewport;

// Without multisampling: smooths the frame's scene image into the target image (fxaa.frag).
void Renderer::record_post_filter(Frame& f, const TargetImage& target_image, VkExtent2D extent) {
  VkCommandBuffer cmd = f.cmd;
  image_barrier(cmd, f.scene.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment, ImageUse::Sampled);
  image_barrier(cmd, target_image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::Undefined,
                ImageUse::ColorAttachment);
  VkRenderingAttachmentInfo out = attachment(target_image.view, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                             VK_ATTACHMENT_LOAD_OP_DONT_CARE, VK_ATTACHMENT_STORE_OP_STORE);
  VkRenderingInfo fi{VK_STRUCTURE_TYPE_RENDERING_INFO};
  fi.renderArea = {{0, 0}, extent};
  fi.layerCount = 1;
  fi.colorAttachmentCount = 1;
  fi.pColorAttachments = &out;
  vkCmdBeginRendering(cmd, &fi);
  set_viewport(cmd, extent);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, filter_);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, composite_layout_, 0, 1,
                          &f.filter_descriptors, 0, nullptr);
  vkCmdDraw(cmd, 3, 1, 0, 0);
  vkCmdEndRendering(cmd);
}

}  // namespace fascia::render

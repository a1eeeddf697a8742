// The post filter pass: an edge filter from the scene image into the target, before the overlay;
// with a render scale below 1, into an image of the scene's size, then stretched over the target.
#include "render/renderer.h"

#include "render/barriers.h"
#include "render/renderer_internal.h"

namespace fascia::render {

using detail::attachment;
using detail::set_viewport;

namespace {

// One full-screen triangle of `pipeline` reading `set` into `view` at `extent`.
void full_screen_pass(VkCommandBuffer cmd, VkImageView view, VkExtent2D extent, VkPipeline pipeline,
                      VkPipelineLayout layout, VkDescriptorSet set) {
  VkRenderingAttachmentInfo out = attachment(view, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                             VK_ATTACHMENT_LOAD_OP_DONT_CARE, VK_ATTACHMENT_STORE_OP_STORE);
  VkRenderingInfo fi{VK_STRUCTURE_TYPE_RENDERING_INFO};
  fi.renderArea = {{0, 0}, extent};
  fi.layerCount = 1;
  fi.colorAttachmentCount = 1;
  fi.pColorAttachments = &out;
  vkCmdBeginRendering(cmd, &fi);
  set_viewport(cmd, extent);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout, 0, 1, &set, 0, nullptr);
  vkCmdDraw(cmd, 3, 1, 0, 0);
  vkCmdEndRendering(cmd);
}

}  // namespace

// Without multisampling: smooths the frame's scene image into the target image (fxaa.frag), at the
// scene's size, and stretches it over the target when that is larger (upscale.frag).
void Renderer::record_post_filter(Frame& f, const TargetImage& target_image, VkExtent2D scene_extent,
                                  VkExtent2D target_extent) {
  VkCommandBuffer cmd = f.cmd;
  image_barrier(cmd, f.scene.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment, ImageUse::Sampled);
  image_barrier(cmd, target_image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::Undefined,
                ImageUse::ColorAttachment);
  if (!upscale_) {
    full_screen_pass(cmd, target_image.view, target_extent, filter_, composite_layout_, f.filter_descriptors);
    return;
  }
  image_barrier(cmd, f.filtered.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::Undefined,
                ImageUse::ColorAttachment);
  full_screen_pass(cmd, f.filtered.view, scene_extent, filter_, composite_layout_, f.filter_descriptors);
  image_barrier(cmd, f.filtered.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                ImageUse::Sampled);
  full_screen_pass(cmd, target_image.view, target_extent, upscale_, composite_layout_, f.upscale_descriptors);
}

}  // namespace fascia::render

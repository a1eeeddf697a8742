// The frame loop: construction, draw (acquire, record, submit, present) and the opaque pass.
// The other passes and resources: renderer_pipelines, frame_resources, mesh_cache, instances,
// translucency, pick_pass, post_filter.
#include "render/renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "render/barriers.h"
#include "render/renderer_internal.h"
#include "render/vk_check.h"
#include "shared.h"

namespace fascia::render {

using detail::attachment;
using detail::resolve_into;
using detail::set_viewport;

Renderer::Renderer(Context& ctx, VkFormat target_format, VkSampleCountFlagBits samples, bool post_filter,
                   float render_scale)
    : ctx_(ctx), color_format_(target_format), samples_(std::min(samples, ctx.max_samples)) {
  post_filter_ = post_filter && samples_ == VK_SAMPLE_COUNT_1_BIT;
  render_scale_ = post_filter_ ? std::clamp(render_scale, 0.25f, 1.0f) : 1.0f;
  create_pipelines();
  create_frames();
}

Renderer::~Renderer() {
  wait_idle();
  destroy_meshes();
  destroy_frames();
  destroy_pipelines();
}

VkExtent2D Renderer::scene_extent(VkExtent2D target) const {
  if (render_scale_ >= 1.0f) return target;
  auto scaled = [&](uint32_t n) { return std::max(1u, uint32_t(std::lround(float(n) * render_scale_))); };
  return {scaled(target.width), scaled(target.height)};
}

void Renderer::wait_idle() {
  for (Frame& f : frames_) {
    VK_CHECK(vkWaitForFences(ctx_.device, 1, &f.done, VK_TRUE, UINT64_MAX));
    collect_pick(f);
  }
}

void Renderer::wait_oldest() {
  Frame& f = frames_[frame_index_];  // the slot the next draw reuses holds the oldest frame
  VK_CHECK(vkWaitForFences(ctx_.device, 1, &f.done, VK_TRUE, UINT64_MAX));
  collect_pick(f);
}

FrameStatus Renderer::draw(const scene::RenderScene& scene, RenderTarget& target, const Overlay& overlay) {
  Frame& f = frames_[frame_index_];
  VK_CHECK(vkWaitForFences(ctx_.device, 1, &f.done, VK_TRUE, UINT64_MAX));
  drain(ctx_, f.retired);
  purge_meshes(f);
  collect_pick(f);

  TargetImage image;
  bool wait_ready = false;
  if (!target.acquire(f.acquired, image, wait_ready)) return FrameStatus::OutOfDate;
  VK_CHECK(vkResetFences(ctx_.device, 1, &f.done));

  ensure_attachments(f, scene_extent(target.extent()), target.extent());
  VK_CHECK(vkResetCommandPool(ctx_.device, f.pool, 0));
  VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  VK_CHECK(vkBeginCommandBuffer(f.cmd, &bi));
  record(f, scene, target, image, overlay);
  target.record_finish(f.cmd, image);
  VK_CHECK(vkEndCommandBuffer(f.cmd));

  VkSemaphoreSubmitInfo wait{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
  wait.semaphore = f.acquired;
  wait.stageMask = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT;
  VkSemaphoreSubmitInfo signal{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
  signal.semaphore = target.finished_semaphore(image);
  signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
  VkCommandBufferSubmitInfo cbi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
  cbi.commandBuffer = f.cmd;
  VkSubmitInfo2 si{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
  si.waitSemaphoreInfoCount = wait_ready ? 1 : 0;
  si.pWaitSemaphoreInfos = &wait;
  si.commandBufferInfoCount = 1;
  si.pCommandBufferInfos = &cbi;
  si.signalSemaphoreInfoCount = signal.semaphore ? 1 : 0;
  si.pSignalSemaphoreInfos = &signal;
  VK_CHECK(vkQueueSubmit2(ctx_.queue, 1, &si, f.done));

  frame_index_ = (frame_index_ + 1) % kFramesInFlight;
  return target.present(ctx_.queue, image) ? FrameStatus::Ok : FrameStatus::OutOfDate;
}

void Renderer::record(Frame& f, const scene::RenderScene& scene, RenderTarget& target,
                      const TargetImage& target_image, const Overlay& overlay) {
  // The scene passes draw at `extent`, the target (filter output, overlay, picking) is `full`.
  const VkExtent2D full = target.extent();
  const VkExtent2D extent = scene_extent(full);
  // With the post filter the scene passes draw into the frame's scene image, filtered into the target
  // afterwards; otherwise straight into the target.
  TargetImage image = target_image;
  if (post_filter_) {
    image.image = f.scene.image;
    image.view = f.scene.view;
  }
  VkCommandBuffer cmd = f.cmd;

  gpu::FrameUniforms u{};
  // The target's aspect, not the rounded scene image's: the picture maps onto the window exactly.
  float aspect = float(full.width) / float(std::max(1u, full.height));
  u.view_proj = scene.camera.projection(aspect) * scene.camera.view();
  u.eye = vec4(scene.camera.eye(), 1);
  u.key_dir = vec4(glm::normalize(scene.lighting.key_direction), 0);
  u.key_color = vec4(scene.lighting.key_color, 1);
  u.fill_color = vec4(scene.lighting.fill_color, scene.lighting.ambient);
  u.bg_top = scene.background.top;
  u.bg_bottom = scene.background.bottom;
  u.time = vec4(scene.time_seconds, 0, 0, 0);
  u.viewport = vec4(float(extent.width), float(extent.height), 0, 0);
  std::memcpy(f.uniforms.mapped, &u, sizeof u);
  upload_instances(f, scene);

  // Opaque instances draw first, writing depth; translucent ones then accumulate over them.
  std::vector<uint32_t> opaque, translucent;
  for (uint32_t i = 0; i < scene.instances.size(); ++i) {
    const scene::MeshInstance& inst = scene.instances[i];
    if (!inst.mesh || inst.mesh->indices.empty()) continue;
    (inst.color.a < 1.0f ? translucent : opaque).push_back(i);
  }

  image_barrier(cmd, f.color.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::Undefined,
                ImageUse::ColorAttachment);
  image_barrier(cmd, f.depth.image, VK_IMAGE_ASPECT_DEPTH_BIT, ImageUse::Undefined,
                ImageUse::DepthAttachment);
  image_barrier(cmd, image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::Undefined, ImageUse::ColorAttachment);

  // With multisampling the pass draws into `color` and resolves into the target image.
  const bool ms = samples_ != VK_SAMPLE_COUNT_1_BIT;
  VkRenderingAttachmentInfo color = attachment(
      ms ? f.color.view : image.view, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_ATTACHMENT_LOAD_OP_CLEAR,
      ms ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE);
  if (ms) resolve_into(color, image.view);
  color.clearValue.color = {{0, 0, 0, scene.background.transparent ? 0.0f : 1.0f}};
  VkRenderingAttachmentInfo depth =
      attachment(f.depth.view, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, VK_ATTACHMENT_LOAD_OP_CLEAR,
                 translucent.empty() ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE);
  depth.clearValue.depthStencil = {1.0f, 0};

  VkRenderingInfo ri{VK_STRUCTURE_TYPE_RENDERING_INFO};
  ri.renderArea = {{0, 0}, extent};
  ri.layerCount = 1;
  ri.colorAttachmentCount = 1;
  ri.pColorAttachments = &color;
  ri.pDepthAttachment = &depth;
  vkCmdBeginRendering(cmd, &ri);
  set_viewport(cmd, extent);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &f.descriptors, 0, nullptr);
  if (!scene.background.transparent) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, background_);
    vkCmdDraw(cmd, 3, 1, 0, 0);
  }
  draw_instances(cmd, scene, opaque, mesh_opaque_, mesh_opaque_skinned_);
  vkCmdEndRendering(cmd);

  if (!translucent.empty()) record_translucency(f, scene, translucent, image, extent);

  if (pick_request_) {
    glm::ivec2 p = *pick_request_;
    pick_request_.reset();
    if (p.x >= 0 && p.y >= 0 && uint32_t(p.x) < full.width && uint32_t(p.y) < full.height) {
      record_pick(f, scene, full, p.x, p.y);
      f.pick_in_flight = true;
    } else {
      pick_result_ = 0;
    }
  }

  if (post_filter_) record_post_filter(f, target_image, extent, full);

  if (overlay) {
    // The resolve (or the filter) wrote the target image; the overlay then reads and writes it as an
    // attachment.
    image_barrier(cmd, target_image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                  ImageUse::ColorAttachment);
    overlay(cmd, target_image, full);
  }
  image_barrier(cmd, target_image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                target.final_use());
}

}  // namespace fascia::render

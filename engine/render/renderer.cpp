#include "render/renderer.h"

#include <algorithm>
#include <cstring>

#include "render/barriers.h"
#include "render/pipeline.h"
#include "render/vk_check.h"
#include "shared.h"

namespace fascia::render {
namespace {

// Translucency targets: half floats keep weighted sums over many layers; the weight needs one channel.
constexpr VkFormat kAccumFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
constexpr VkFormat kWeightFormat = VK_FORMAT_R16_SFLOAT;

VkRenderingAttachmentInfo attachment(VkImageView view, VkImageLayout layout, VkAttachmentLoadOp load,
                                     VkAttachmentStoreOp store) {
  VkRenderingAttachmentInfo a{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  a.imageView = view;
  a.imageLayout = layout;
  a.loadOp = load;
  a.storeOp = store;
  return a;
}

// Resolves a multisampled attachment into `target` (one sample) at the end of the pass.
void resolve_into(VkRenderingAttachmentInfo& a, VkImageView target) {
  a.resolveMode = VK_RESOLVE_MODE_AVERAGE_BIT;
  a.resolveImageView = target;
  a.resolveImageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
}

void set_viewport(VkCommandBuffer cmd, VkExtent2D extent, std::optional<VkRect2D> area = {}) {
  VkViewport viewport{0, 0, float(extent.width), float(extent.height), 0, 1};
  VkRect2D scissor = area.value_or(VkRect2D{{0, 0}, extent});
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
}

}  // namespace

Renderer::Renderer(Context& ctx, VkFormat target_format, VkSampleCountFlagBits samples, bool post_filter)
    : ctx_(ctx), color_format_(target_format), samples_(std::min(samples, ctx.max_samples)) {
  post_filter_ = post_filter && samples_ == VK_SAMPLE_COUNT_1_BIT;
  VkDescriptorSetLayoutBinding bindings[3] = {
      {gpu::kFrameUniformsBinding, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1,
       VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {gpu::kPaletteBinding, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr},
      {gpu::kDrawBinding, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr}};
  VkDescriptorSetLayoutCreateInfo sli{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  sli.bindingCount = 3;
  sli.pBindings = bindings;
  VK_CHECK(vkCreateDescriptorSetLayout(ctx.device, &sli, nullptr, &set_layout_));
  // The composite's own set, written once its images exist and bound only by the composite.
  VkDescriptorSetLayoutBinding sums[2] = {{gpu::kAccumBinding, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                                           VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
                                          {gpu::kWeightBinding, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                                           VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}};
  sli.bindingCount = 2;
  sli.pBindings = sums;
  VK_CHECK(vkCreateDescriptorSetLayout(ctx.device, &sli, nullptr, &composite_set_layout_));

  VkPipelineLayoutCreateInfo pli{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  pli.setLayoutCount = 1;
  pli.pSetLayouts = &set_layout_;
  VK_CHECK(vkCreatePipelineLayout(ctx.device, &pli, nullptr, &layout_));
  pli.pSetLayouts = &composite_set_layout_;
  VK_CHECK(vkCreatePipelineLayout(ctx.device, &pli, nullptr, &composite_layout_));

  VkDescriptorPoolSize pool_sizes[3] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, kFramesInFlight},
                                        {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2 * kFramesInFlight},
                                        {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 4 * kFramesInFlight}};
  VkDescriptorPoolCreateInfo dpi{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpi.maxSets = 3 * kFramesInFlight;
  dpi.poolSizeCount = 3;
  dpi.pPoolSizes = pool_sizes;
  VK_CHECK(vkCreateDescriptorPool(ctx.device, &dpi, nullptr, &descriptor_pool_));
  VkSamplerCreateInfo sci{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};  // the composite uses texelFetch
  sci.magFilter = sci.minFilter = VK_FILTER_NEAREST;
  sci.addressModeU = sci.addressModeV = sci.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  VK_CHECK(vkCreateSampler(ctx.device, &sci, nullptr, &nearest_));

  PipelineDesc bg;
  bg.vertex_shader = "background.vert";
  bg.fragment_shader = "background.frag";
  bg.layout = layout_;
  bg.color_formats = {color_format_};
  bg.depth_format = depth_format_;
  bg.samples = samples_;
  bg.cull = VK_CULL_MODE_NONE;
  bg.depth_test = false;
  bg.depth_write = false;
  background_ = create_graphics_pipeline(ctx, bg);
  PipelineDesc composite = bg;  // the full-screen triangle, over the resolved image
  composite.fragment_shader = "composite.frag";
  composite.depth_format = VK_FORMAT_UNDEFINED;
  composite.samples = VK_SAMPLE_COUNT_1_BIT;
  composite.blend = Blend::Over;
  composite.layout = composite_layout_;
  composite_ = create_graphics_pipeline(ctx, composite);
  if (post_filter_) {
    PipelineDesc filter = composite;  // the full-screen triangle again, replacing every pixel
    filter.fragment_shader = "fxaa.frag";
    filter.blend = Blend::None;
    filter_ = create_graphics_pipeline(ctx, filter);
  }

  PipelineDesc mesh;
  mesh.vertex_shader = "mesh.vert";
  mesh.fragment_shader = "mesh.frag";
  mesh.bindings = {{0, sizeof(scene::Vertex), VK_VERTEX_INPUT_RATE_VERTEX}};
  mesh.attributes = {{0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(scene::Vertex, position)},
                     {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(scene::Vertex, normal)},
                     {4, 0, VK_FORMAT_R32_SFLOAT, offsetof(scene::Vertex, u)},
                     {5, 0, VK_FORMAT_R32_SFLOAT, offsetof(scene::Vertex, ao)}};
  mesh.layout = layout_;
  mesh.color_formats = {color_format_};
  mesh.depth_format = depth_format_;
  mesh.samples = samples_;
  mesh_opaque_ = create_graphics_pipeline(ctx, mesh);
  PipelineDesc accumulate = mesh;
  accumulate.fragment_shader = "mesh_accumulate.frag";
  accumulate.color_formats = {kAccumFormat, kWeightFormat};
  accumulate.blend = Blend::Accumulate;
  accumulate.depth_write = false;  // tested against the opaque depth only
  // Back faces stay culled: a translucent shell shows its near surface only, like an x-ray film.
  mesh_accumulate_ = create_graphics_pipeline(ctx, accumulate);

  PipelineDesc skinned = mesh;
  skinned.vertex_shader = "mesh_skinned.vert";
  skinned.bindings.push_back({1, sizeof(scene::SkinInfluence), VK_VERTEX_INPUT_RATE_VERTEX});
  skinned.attributes.push_back({2, 1, VK_FORMAT_R16G16B16A16_UINT, offsetof(scene::SkinInfluence, joints)});
  skinned.attributes.push_back(
      {3, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(scene::SkinInfluence, weights)});
  mesh_opaque_skinned_ = create_graphics_pipeline(ctx, skinned);
  accumulate.vertex_shader = skinned.vertex_shader;
  accumulate.bindings = skinned.bindings;
  accumulate.attributes = skinned.attributes;
  mesh_accumulate_skinned_ = create_graphics_pipeline(ctx, accumulate);

  PipelineDesc pick = mesh;
  pick.fragment_shader = "pick.frag";
  pick.color_formats = {VK_FORMAT_R32_UINT};
  pick.samples = VK_SAMPLE_COUNT_1_BIT;
  pick.depth_write = true;
  pick.cull = VK_CULL_MODE_BACK_BIT;
  pick_ = create_graphics_pipeline(ctx, pick);
  pick.vertex_shader = skinned.vertex_shader;
  pick.bindings = skinned.bindings;
  pick.attributes = skinned.attributes;
  pick_skinned_ = create_graphics_pipeline(ctx, pick);

  for (Frame& f : frames_) {
    VkCommandPoolCreateInfo cpi{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    cpi.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    cpi.queueFamilyIndex = ctx.queue_family;
    VK_CHECK(vkCreateCommandPool(ctx.device, &cpi, nullptr, &f.pool));
    VkCommandBufferAllocateInfo cai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    cai.commandPool = f.pool;
    cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    cai.commandBufferCount = 1;
    VK_CHECK(vkAllocateCommandBuffers(ctx.device, &cai, &f.cmd));
    VkFenceCreateInfo fi{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    fi.flags = VK_FENCE_CREATE_SIGNALED_BIT;
    VK_CHECK(vkCreateFence(ctx.device, &fi, nullptr, &f.done));
    VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VK_CHECK(vkCreateSemaphore(ctx.device, &si, nullptr, &f.acquired));
    f.uniforms = create_buffer(ctx, sizeof(gpu::FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT);
    f.pick_readback = create_buffer(ctx, sizeof(uint32_t), VK_BUFFER_USAGE_TRANSFER_DST_BIT);

    VkDescriptorSetAllocateInfo dai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    dai.descriptorPool = descriptor_pool_;
    dai.descriptorSetCount = 1;
    dai.pSetLayouts = &set_layout_;
    VK_CHECK(vkAllocateDescriptorSets(ctx.device, &dai, &f.descriptors));
    dai.pSetLayouts = &composite_set_layout_;
    VK_CHECK(vkAllocateDescriptorSets(ctx.device, &dai, &f.composite_descriptors));
    if (post_filter_) VK_CHECK(vkAllocateDescriptorSets(ctx.device, &dai, &f.filter_descriptors));
    f.palettes = create_buffer(ctx, 1024 * sizeof(mat4), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
    f.draws = create_buffer(ctx, 1024 * sizeof(gpu::DrawData), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
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
    vkUpdateDescriptorSets(ctx.device, 3, w, 0, nullptr);
  }
}

Renderer::~Renderer() {
  wait_idle();
  for (auto& [_, m] : meshes_) {
    destroy_buffer(ctx_, m.vertices);
    destroy_buffer(ctx_, m.indices);
    destroy_buffer(ctx_, m.skin);
  }
  for (Frame& f : frames_) {
    drain(ctx_, f.retired);
    destroy_image(ctx_, f.color);
    destroy_image(ctx_, f.depth);
    destroy_image(ctx_, f.pick_id);
    destroy_image(ctx_, f.pick_depth);
    destroy_image(ctx_, f.scene);
    for (Image* i : {&f.accum, &f.weight, &f.accum_resolved, &f.weight_resolved}) destroy_image(ctx_, *i);
    destroy_buffer(ctx_, f.pick_readback);
    destroy_buffer(ctx_, f.uniforms);
    destroy_buffer(ctx_, f.palettes);
    destroy_buffer(ctx_, f.draws);
    vkDestroySemaphore(ctx_.device, f.acquired, nullptr);
    vkDestroyFence(ctx_.device, f.done, nullptr);
    vkDestroyCommandPool(ctx_.device, f.pool, nullptr);
  }
  vkDestroyPipeline(ctx_.device, background_, nullptr);
  vkDestroyPipeline(ctx_.device, mesh_opaque_, nullptr);
  vkDestroyPipeline(ctx_.device, mesh_accumulate_, nullptr);
  vkDestroyPipeline(ctx_.device, composite_, nullptr);
  if (filter_) vkDestroyPipeline(ctx_.device, filter_, nullptr);
  vkDestroySampler(ctx_.device, nearest_, nullptr);
  vkDestroyPipeline(ctx_.device, pick_, nullptr);
  vkDestroyPipeline(ctx_.device, mesh_opaque_skinned_, nullptr);
  vkDestroyPipeline(ctx_.device, mesh_accumulate_skinned_, nullptr);
  vkDestroyPipeline(ctx_.device, pick_skinned_, nullptr);
  vkDestroyPipelineLayout(ctx_.device, layout_, nullptr);
  vkDestroyPipelineLayout(ctx_.device, composite_layout_, nullptr);
  vkDestroyDescriptorSetLayout(ctx_.device, composite_set_layout_, nullptr);
  vkDestroyDescriptorPool(ctx_.device, descriptor_pool_, nullptr);
  vkDestroyDescriptorSetLayout(ctx_.device, set_layout_, nullptr);
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

void Renderer::ensure_attachments(Frame& f, VkExtent2D extent) {
  if (f.color.image && f.color.extent.width == extent.width && f.color.extent.height == extent.height) return;
  // This frame's fence has signalled, so its old attachments are free to go now.
  destroy_image(ctx_, f.color);
  destroy_image(ctx_, f.depth);
  destroy_image(ctx_, f.pick_id);
  destroy_image(ctx_, f.pick_depth);
  for (Image* i : {&f.accum, &f.weight, &f.accum_resolved, &f.weight_resolved}) destroy_image(ctx_, *i);
  f.pick_id = create_image(ctx_, extent, VK_FORMAT_R32_UINT,
                           VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT);
  f.pick_depth = create_image(ctx_, extent, depth_format_, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT);
  f.color =
      create_image(ctx_, extent, color_format_,
                   VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT, samples_);
  // Kept after the opaque pass: the translucent pass tests against it.
  f.depth = create_image(ctx_, extent, depth_format_, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, samples_);
  if (post_filter_) {
    destroy_image(ctx_, f.scene);
    f.scene = create_image(ctx_, extent, color_format_,
                           VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT);
    // The frame's fence has signalled, so its descriptor set may change. Both bindings name the
    // scene image: the filter reads the first, the layout it shares with the composite has two.
    VkDescriptorImageInfo info{nearest_, f.scene.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    VkWriteDescriptorSet w[2] = {{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET},
                                 {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET}};
    for (int i = 0; i < 2; ++i) {
      w[i].dstSet = f.filter_descriptors;
      w[i].dstBinding = i == 0 ? gpu::kAccumBinding : gpu::kWeightBinding;
      w[i].descriptorCount = 1;
      w[i].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
      w[i].pImageInfo = &info;
    }
    vkUpdateDescriptorSets(ctx_.device, 2, w, 0, nullptr);
  }
}

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

  ensure_attachments(f, target.extent());
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
  VkExtent2D extent = target.extent();
  // With the post filter the scene passes draw into the frame's scene image, filtered into the target
  // afterwards; otherwise straight into the target.
  TargetImage image = target_image;
  if (post_filter_) {
    image.image = f.scene.image;
    image.view = f.scene.view;
  }
  VkCommandBuffer cmd = f.cmd;

  gpu::FrameUniforms u{};
  float aspect = float(extent.width) / float(std::max(1u, extent.height));
  u.view_proj = scene.camera.projection(aspect) * scene.camera.view();
  u.eye = vec4(scene.camera.eye(), 1);
  u.key_dir = vec4(glm::normalize(scene.lighting.key_direction), 0);
  u.key_color = vec4(scene.lighting.key_color, 1);
  u.fill_color = vec4(scene.lighting.fill_color, scene.lighting.ambient);
  u.bg_top = scene.background.top;
  u.bg_bottom = scene.background.bottom;
  u.time = vec4(scene.time_seconds, 0, 0, 0);
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
    if (p.x >= 0 && p.y >= 0 && uint32_t(p.x) < extent.width && uint32_t(p.y) < extent.height) {
      record_pick(f, scene, extent, p.x, p.y);
      f.pick_in_flight = true;
    } else {
      pick_result_ = 0;
    }
  }

  if (post_filter_) {
    image_barrier(cmd, f.scene.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                  ImageUse::Sampled);
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

  if (overlay) {
    // The resolve (or the filter) wrote the target image; the overlay then reads and writes it as an
    // attachment.
    image_barrier(cmd, target_image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                  ImageUse::ColorAttachment);
    overlay(cmd, target_image, extent);
  }
  image_barrier(cmd, target_image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::ColorAttachment,
                target.final_use());
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
    d.flow = inst.flow ? 1u : 0u;
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

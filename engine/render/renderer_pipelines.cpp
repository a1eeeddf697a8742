// The renderer's descriptor layouts, descriptor pool, sampler and graphics pipelines: made once.
#include "render/renderer.h"

#include "render/pipeline.h"
#include "render/renderer_internal.h"
#include "render/vk_check.h"
#include "shared.h"

namespace fascia::render {

using detail::kAccumFormat;
using detail::kWeightFormat;

void Renderer::create_pipelines() {
  VkDescriptorSetLayoutBinding bindings[3] = {
      {gpu::kFrameUniformsBinding, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1,
       VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {gpu::kPaletteBinding, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr},
      {gpu::kDrawBinding, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr}};
  VkDescriptorSetLayoutCreateInfo sli{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  sli.bindingCount = 3;
  sli.pBindings = bindings;
  VK_CHECK(vkCreateDescriptorSetLayout(ctx_.device, &sli, nullptr, &set_layout_));
  // The composite's own set, written once its images exist and bound only by the composite.
  VkDescriptorSetLayoutBinding sums[2] = {{gpu::kAccumBinding, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                                           VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
                                          {gpu::kWeightBinding, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                                           VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}};
  sli.bindingCount = 2;
  sli.pBindings = sums;
  VK_CHECK(vkCreateDescriptorSetLayout(ctx_.device, &sli, nullptr, &composite_set_layout_));

  VkPipelineLayoutCreateInfo pli{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  pli.setLayoutCount = 1;
  pli.pSetLayouts = &set_layout_;
  VK_CHECK(vkCreatePipelineLayout(ctx_.device, &pli, nullptr, &layout_));
  pli.pSetLayouts = &composite_set_layout_;
  VK_CHECK(vkCreatePipelineLayout(ctx_.device, &pli, nullptr, &composite_layout_));

  VkDescriptorPoolSize pool_sizes[3] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, kFramesInFlight},
                                        {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2 * kFramesInFlight},
                                        {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 6 * kFramesInFlight}};
  VkDescriptorPoolCreateInfo dpi{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpi.maxSets = 4 * kFramesInFlight;
  dpi.poolSizeCount = 3;
  dpi.pPoolSizes = pool_sizes;
  VK_CHECK(vkCreateDescriptorPool(ctx_.device, &dpi, nullptr, &descriptor_pool_));
  VkSamplerCreateInfo sci{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};  // the composite uses texelFetch
  sci.magFilter = sci.minFilter = VK_FILTER_NEAREST;
  sci.addressModeU = sci.addressModeV = sci.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  VK_CHECK(vkCreateSampler(ctx_.device, &sci, nullptr, &nearest_));
  sci.magFilter = sci.minFilter = VK_FILTER_LINEAR;  // the upscale stretches the scene bilinearly
  VK_CHECK(vkCreateSampler(ctx_.device, &sci, nullptr, &linear_));

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
  background_ = create_graphics_pipeline(ctx_, bg);
  PipelineDesc composite = bg;  // the full-screen triangle, over the resolved image
  composite.fragment_shader = "composite.frag";
  composite.depth_format = VK_FORMAT_UNDEFINED;
  composite.samples = VK_SAMPLE_COUNT_1_BIT;
  composite.blend = Blend::Over;
  composite.layout = composite_layout_;
  composite_ = create_graphics_pipeline(ctx_, composite);
  if (post_filter_) {
    PipelineDesc filter = composite;  // the full-screen triangle again, replacing every pixel
    filter.fragment_shader = "fxaa.frag";
    filter.blend = Blend::None;
    filter_ = create_graphics_pipeline(ctx_, filter);
    if (render_scale_ < 1.0f) {
      PipelineDesc upscale = filter;
      upscale.fragment_shader = "upscale.frag";
      upscale_ = create_graphics_pipeline(ctx_, upscale);
    }
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
  mesh_opaque_ = create_graphics_pipeline(ctx_, mesh);
  PipelineDesc accumulate = mesh;
  accumulate.fragment_shader = "mesh_accumulate.frag";
  accumulate.color_formats = {kAccumFormat, kWeightFormat};
  accumulate.blend = Blend::Accumulate;
  accumulate.depth_write = false;  // tested against the opaque depth only
  // Back faces stay culled: a translucent shell shows its near surface only, like an x-ray film.
  mesh_accumulate_ = create_graphics_pipeline(ctx_, accumulate);

  PipelineDesc skinned = mesh;
  skinned.vertex_shader = "mesh_skinned.vert";
  skinned.bindings.push_back({1, sizeof(scene::SkinInfluence), VK_VERTEX_INPUT_RATE_VERTEX});
  skinned.attributes.push_back({2, 1, VK_FORMAT_R16G16B16A16_UINT, offsetof(scene::SkinInfluence, joints)});
  skinned.attributes.push_back(
      {3, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(scene::SkinInfluence, weights)});
  mesh_opaque_skinned_ = create_graphics_pipeline(ctx_, skinned);
  accumulate.vertex_shader = skinned.vertex_shader;
  accumulate.bindings = skinned.bindings;
  accumulate.attributes = skinned.attributes;
  mesh_accumulate_skinned_ = create_graphics_pipeline(ctx_, accumulate);

  PipelineDesc pick = mesh;
  pick.fragment_shader = "pick.frag";
  pick.color_formats = {VK_FORMAT_R32_UINT};
  pick.samples = VK_SAMPLE_COUNT_1_BIT;
  pick.depth_write = true;
  pick.cull = VK_CULL_MODE_BACK_BIT;
  pick_ = create_graphics_pipeline(ctx_, pick);
  pick.vertex_shader = skinned.vertex_shader;
  pick.bindings = skinned.bindings;
  pick.attributes = skinned.attributes;
  pick_skinned_ = create_graphics_pipeline(ctx_, pick);
}

void Renderer::destroy_pipelines() {
  vkDestroyPipeline(ctx_.device, background_, nullptr);
  vkDestroyPipeline(ctx_.device, mesh_opaque_, nullptr);
  vkDestroyPipeline(ctx_.device, mesh_accumulate_, nullptr);
  vkDestroyPipeline(ctx_.device, composite_, nullptr);
  if (filter_) vkDestroyPipeline(ctx_.device, filter_, nullptr);
  if (upscale_) vkDestroyPipeline(ctx_.device, upscale_, nullptr);
  vkDestroySampler(ctx_.device, nearest_, nullptr);
  vkDestroySampler(ctx_.device, linear_, nullptr);
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

}  // namespace fascia::render

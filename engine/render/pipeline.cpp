#include "render/pipeline.h"

#include <cstdio>
#include <cstdlib>

#include "embedded_shaders.h"
#include "render/vk_check.h"

namespace fascia::render {
namespace {

VkShaderModule load_module(const Context& ctx, const std::string& name) {
  const shaders::Module* m = shaders::find(name);
  if (!m) {
    std::fprintf(stderr, "fascia: shader '%s' is not embedded in this build\n", name.c_str());
    std::abort();
  }
  VkShaderModuleCreateInfo ci{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  ci.codeSize = m->size_bytes;
  ci.pCode = m->code;
  VkShaderModule module;
  VK_CHECK(vkCreateShaderModule(ctx.device, &ci, nullptr, &module));
  return module;
}

}  // namespace

VkPipeline create_graphics_pipeline(const Context& ctx, const PipelineDesc& d) {
  VkShaderModule vs = load_module(ctx, d.vertex_shader);
  VkShaderModule fs = load_module(ctx, d.fragment_shader);
  VkPipelineShaderStageCreateInfo stages[2] = {
      {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, nullptr, 0, VK_SHADER_STAGE_VERTEX_BIT, vs,
       "main"},
      {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, nullptr, 0, VK_SHADER_STAGE_FRAGMENT_BIT, fs,
       "main"},
  };

  VkPipelineVertexInputStateCreateInfo vertex_input{
      VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
  vertex_input.vertexBindingDescriptionCount = static_cast<uint32_t>(d.bindings.size());
  vertex_input.pVertexBindingDescriptions = d.bindings.data();
  vertex_input.vertexAttributeDescriptionCount = static_cast<uint32_t>(d.attributes.size());
  vertex_input.pVertexAttributeDescriptions = d.attributes.data();

  VkPipelineInputAssemblyStateCreateInfo assembly{
      VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
  assembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;

  VkPipelineViewportStateCreateInfo viewport{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
  viewport.viewportCount = 1;
  viewport.scissorCount = 1;

  VkPipelineRasterizationStateCreateInfo raster{VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
  raster.polygonMode = VK_POLYGON_MODE_FILL;
  raster.cullMode = d.cull;
  // Meshes wind counter-clockwise seen from outside. The projection's y flip and Vulkan's y-down
  // framebuffer cancel, so counter-clockwise stays the front.
  raster.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
  raster.lineWidth = 1.0f;

  VkPipelineMultisampleStateCreateInfo multisample{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
  multisample.rasterizationSamples = d.samples;

  VkPipelineDepthStencilStateCreateInfo depth{VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
  depth.depthTestEnable = d.depth_test;
  depth.depthWriteEnable = d.depth_write;
  depth.depthCompareOp = VK_COMPARE_OP_LESS_OR_EQUAL;

  const VkColorComponentFlags rgba = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT |
                                     VK_COLOR_COMPONENT_B_BIT | VK_COLOR_COMPONENT_A_BIT;
  std::vector<VkPipelineColorBlendAttachmentState> attachments(d.color_formats.size());
  for (VkPipelineColorBlendAttachmentState& a : attachments) {
    a.colorWriteMask = rgba;
    if (d.blend == Blend::None) continue;
    // Over: rgb = a·src + (1 − a)·dst, alpha likewise over. Accumulate: rgb adds, alpha = (1 − a)·dst.
    const bool over = d.blend == Blend::Over;
    a.blendEnable = VK_TRUE;
    a.srcColorBlendFactor = over ? VK_BLEND_FACTOR_SRC_ALPHA : VK_BLEND_FACTOR_ONE;
    a.dstColorBlendFactor = over ? VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA : VK_BLEND_FACTOR_ONE;
    a.srcAlphaBlendFactor = over ? VK_BLEND_FACTOR_ONE : VK_BLEND_FACTOR_ZERO;
    a.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    a.colorBlendOp = a.alphaBlendOp = VK_BLEND_OP_ADD;
  }
  VkPipelineColorBlendStateCreateInfo blend{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
  blend.attachmentCount = static_cast<uint32_t>(attachments.size());
  blend.pAttachments = attachments.data();

  VkDynamicState dynamic_states[] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
  VkPipelineDynamicStateCreateInfo dynamic{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
  dynamic.dynamicStateCount = 2;
  dynamic.pDynamicStates = dynamic_states;

  VkPipelineRenderingCreateInfo rendering{VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO};
  rendering.colorAttachmentCount = static_cast<uint32_t>(d.color_formats.size());
  rendering.pColorAttachmentFormats = d.color_formats.data();
  rendering.depthAttachmentFormat = d.depth_format;

  VkGraphicsPipelineCreateInfo ci{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO, &rendering};
  ci.stageCount = 2;
  ci.pStages = stages;
  ci.pVertexInputState = &vertex_input;
  ci.pInputAssemblyState = &assembly;
  ci.pViewportState = &viewport;
  ci.pRasterizationState = &raster;
  ci.pMultisampleState = &multisample;
  ci.pDepthStencilState = &depth;
  ci.pColorBlendState = &blend;
  ci.pDynamicState = &dynamic;
  ci.layout = d.layout;
  VkPipeline pipeline;
  VK_CHECK(vkCreateGraphicsPipelines(ctx.device, VK_NULL_HANDLE, 1, &ci, nullptr, &pipeline));
  vkDestroyShaderModule(ctx.device, vs, nullptr);
  vkDestroyShaderModule(ctx.device, fs, nullptr);
  return pipeline;
}

}  // namespace fascia::render

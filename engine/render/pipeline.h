#pragma once
// Graphics pipelines for dynamic rendering, built from the embedded SPIR-V.
#include <vulkan/vulkan.h>

#include <string>
#include <vector>

#include "render/context.h"

namespace fascia::render {

struct PipelineDesc {
  std::string vertex_shader;    // embedded module name, e.g. "mesh.vert"
  std::string fragment_shader;
  std::vector<VkVertexInputBindingDescription> bindings;
  std::vector<VkVertexInputAttributeDescription> attributes;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  VkFormat color_format = VK_FORMAT_UNDEFINED;
  VkFormat depth_format = VK_FORMAT_UNDEFINED;
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  VkCullModeFlags cull = VK_CULL_MODE_BACK_BIT;
  bool depth_test = true;
  bool depth_write = true;
  bool blend = false;  // premultiplied-free "over" blending on alpha
};

VkPipeline create_graphics_pipeline(const Context& ctx, const PipelineDesc& desc);

}  // namespace fascia::render

#pragma once
// Graphics pipelines for dynamic rendering, built from the embedded SPIR-V.
#include <vulkan/vulkan.h>

#include <string>
#include <vector>

#include "render/context.h"

namespace fascia::render {

enum class Blend {
  None,
  Over,  // colour over what is there, by the source alpha
  // Weighted blended transparency: colour adds, alpha multiplies by 1 - source alpha. One state for
  // every attachment, so no device needs the independentBlend feature.
  Accumulate,
};

struct PipelineDesc {
  std::string vertex_shader;  // embedded module name, e.g. "mesh.vert"
  std::string fragment_shader;
  std::vector<VkVertexInputBindingDescription> bindings;
  std::vector<VkVertexInputAttributeDescription> attributes;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  std::vector<VkFormat> color_formats;
  VkFormat depth_format = VK_FORMAT_UNDEFINED;
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  VkCullModeFlags cull = VK_CULL_MODE_BACK_BIT;
  bool depth_test = true;
  bool depth_write = true;
  Blend blend = Blend::None;
};

VkPipeline create_graphics_pipeline(const Context& ctx, const PipelineDesc& desc);

}  // namespace fascia::render

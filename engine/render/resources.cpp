#include "render/resources.h"

#include <cstdio>
#include <cstdlib>

#include "render/vk_check.h"

namespace fascia::render {
namespace {

uint32_t find_memory_type(const Context& ctx, uint32_t type_bits, VkMemoryPropertyFlags want) {
  for (uint32_t i = 0; i < ctx.memory.memoryTypeCount; ++i)
    if ((type_bits & (1u << i)) && (ctx.memory.memoryTypes[i].propertyFlags & want) == want) return i;
  return UINT32_MAX;
}

VkDeviceMemory allocate(const Context& ctx, VkMemoryRequirements req, VkMemoryPropertyFlags preferred,
                        VkMemoryPropertyFlags required) {
  uint32_t type = find_memory_type(ctx, req.memoryTypeBits, preferred);
  if (type == UINT32_MAX) type = find_memory_type(ctx, req.memoryTypeBits, required);
  if (type == UINT32_MAX) {
    std::fprintf(stderr, "fascia: no Vulkan memory type fits the request\n");
    std::abort();
  }
  VkMemoryAllocateInfo ai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  ai.allocationSize = req.size;
  ai.memoryTypeIndex = type;
  VkDeviceMemory memory;
  VK_CHECK(vkAllocateMemory(ctx.device, &ai, nullptr, &memory));
  return memory;
}

}  // namespace

bool is_depth_format(VkFormat f) {
  return f == VK_FORMAT_D32_SFLOAT || f == VK_FORMAT_D24_UNORM_S8_UINT || f == VK_FORMAT_D16_UNORM ||
         f == VK_FORMAT_D32_SFLOAT_S8_UINT;
}

Buffer create_buffer(const Context& ctx, VkDeviceSize size, VkBufferUsageFlags usage) {
  Buffer b;
  b.size = size;
  VkBufferCreateInfo bi{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bi.size = size;
  bi.usage = usage;
  VK_CHECK(vkCreateBuffer(ctx.device, &bi, nullptr, &b.buffer));
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(ctx.device, b.buffer, &req);
  const VkMemoryPropertyFlags host =
      VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  b.memory = allocate(ctx, req, host | VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, host);
  VK_CHECK(vkBindBufferMemory(ctx.device, b.buffer, b.memory, 0));
  VK_CHECK(vkMapMemory(ctx.device, b.memory, 0, VK_WHOLE_SIZE, 0, &b.mapped));
  return b;
}

void destroy_buffer(const Context& ctx, Buffer& b) {
  if (b.buffer) vkDestroyBuffer(ctx.device, b.buffer, nullptr);
  if (b.memory) vkFreeMemory(ctx.device, b.memory, nullptr);
  b = {};
}

Image create_image(const Context& ctx, VkExtent2D extent, VkFormat format, VkImageUsageFlags usage,
                   VkSampleCountFlagBits samples) {
  Image img;
  img.format = format;
  img.extent = extent;
  img.samples = samples;
  VkImageCreateInfo ii{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
  ii.imageType = VK_IMAGE_TYPE_2D;
  ii.format = format;
  ii.extent = {extent.width, extent.height, 1};
  ii.mipLevels = 1;
  ii.arrayLayers = 1;
  ii.samples = samples;
  ii.tiling = VK_IMAGE_TILING_OPTIMAL;
  ii.usage = usage;
  ii.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  VK_CHECK(vkCreateImage(ctx.device, &ii, nullptr, &img.image));
  VkMemoryRequirements req;
  vkGetImageMemoryRequirements(ctx.device, img.image, &req);
  img.memory = allocate(ctx, req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0);
  VK_CHECK(vkBindImageMemory(ctx.device, img.image, img.memory, 0));

  VkImageViewCreateInfo vi{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  vi.image = img.image;
  vi.viewType = VK_IMAGE_VIEW_TYPE_2D;
  vi.format = format;
  vi.subresourceRange = {is_depth_format(format) ? VkImageAspectFlags(VK_IMAGE_ASPECT_DEPTH_BIT)
                                                 : VkImageAspectFlags(VK_IMAGE_ASPECT_COLOR_BIT),
                         0, 1, 0, 1};
  VK_CHECK(vkCreateImageView(ctx.device, &vi, nullptr, &img.view));
  return img;
}

void destroy_image(const Context& ctx, Image& img) {
  if (img.view) vkDestroyImageView(ctx.device, img.view, nullptr);
  if (img.image) vkDestroyImage(ctx.device, img.image, nullptr);
  if (img.memory) vkFreeMemory(ctx.device, img.memory, nullptr);
  img = {};
}

void drain(const Context& ctx, RetireList& list) {
  for (auto& b : list.buffers) destroy_buffer(ctx, b);
  for (auto& i : list.images) destroy_image(ctx, i);
  list.buffers.clear();
  list.images.clear();
}

}  // namespace fascia::render

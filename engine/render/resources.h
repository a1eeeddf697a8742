#pragma once
// Buffers and images as plain structs of handles, free functions to create and destroy them, and
// per-frame retire lists: a resource dropped while the GPU may still use it waits for its frame's fence.
#include <vulkan/vulkan.h>

#include <vector>

#include "render/context.h"

namespace fascia::render {

struct Buffer {
  VkBuffer buffer = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  VkDeviceSize size = 0;
  void* mapped = nullptr;  // persistently mapped (all our buffers are host visible)
};

struct Image {
  VkImage image = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;
  VkFormat format = VK_FORMAT_UNDEFINED;
  VkExtent2D extent{};
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
};

// Host-visible buffer, device-local too where the device offers such memory.
Buffer create_buffer(const Context& ctx, VkDeviceSize size, VkBufferUsageFlags usage);
void destroy_buffer(const Context& ctx, Buffer& buffer);

Image create_image(const Context& ctx, VkExtent2D extent, VkFormat format, VkImageUsageFlags usage,
                   VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT);
void destroy_image(const Context& ctx, Image& image);

bool is_depth_format(VkFormat format);

// What the GPU may still be reading in one frame in flight; drained after that frame's fence.
struct RetireList {
  std::vector<Buffer> buffers;
  std::vector<Image> images;
};
inline void retire(RetireList& list, Buffer& b) {
  list.buffers.push_back(b);
  b = {};
}
inline void retire(RetireList& list, Image& i) {
  list.images.push_back(i);
  i = {};
}
void drain(const Context& ctx, RetireList& list);

}  // namespace fascia::render

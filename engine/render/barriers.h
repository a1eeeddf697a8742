#pragma once
// Image layouts named by use; one function turns a change of use into a synchronization2 barrier.
#include <vulkan/vulkan.h>

namespace fascia::render {

enum class ImageUse {
  Undefined,  // contents discarded
  ColorAttachment,
  DepthAttachment,
  TransferSrc,
  TransferDst,
  Sampled,
  Present,
};

// Makes copies recorded so far visible to the host once the submission's fence signals (readback).
void copy_to_host_barrier(VkCommandBuffer cmd);

void image_barrier(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, ImageUse from, ImageUse to);

}  // namespace fascia::render

#pragma once
// Where frames go: a window's swapchain or an offscreen image, behind one interface, so the
// renderer records the same commands for both.
#include <vulkan/vulkan.h>

#include "render/barriers.h"

namespace fascia::render {

struct TargetImage {
  VkImage image = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;
  uint32_t index = 0;
};

class RenderTarget {
 public:
  virtual ~RenderTarget() = default;
  virtual VkFormat format() const = 0;
  virtual VkExtent2D extent() const = 0;

  // The image to draw into next. A swapchain signals `ready` when the image may be written and sets
  // `wait_ready`; false means the target is out of date (resized) and must be recreated first.
  virtual bool acquire(VkSemaphore ready, TargetImage& out, bool& wait_ready) = 0;

  // The use the image is left in at the end of the frame (Present, or TransferSrc for readback).
  virtual ImageUse final_use() const = 0;

  // Commands recorded after drawing, in the same command buffer (a headless copy to host memory).
  virtual void record_finish(VkCommandBuffer, const TargetImage&) {}

  // Semaphore the frame's submission signals for presentation, or null.
  virtual VkSemaphore finished_semaphore(const TargetImage&) { return VK_NULL_HANDLE; }

  // Hands the image on; false when the target became out of date.
  virtual bool present(VkQueue, const TargetImage&) { return true; }
};

}  // namespace fascia::render

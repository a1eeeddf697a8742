#pragma once
// A window's swapchain as a render target. Present-complete semaphores are per swapchain image,
// since an image's semaphore may only be reused once that image is acquired again.
#include <optional>
#include <vector>

#include "core/image.h"
#include "render/resources.h"

#include "render/context.h"
#include "render/target.h"

namespace fascia::render {

class SwapchainTarget final : public RenderTarget {
 public:
  SwapchainTarget(const Context& ctx, VkExtent2D framebuffer_extent);
  ~SwapchainTarget() override;
  SwapchainTarget(const SwapchainTarget&) = delete;
  SwapchainTarget& operator=(const SwapchainTarget&) = delete;

  // Rebuilds for a new window size; the caller waits for the device to be idle first.
  void recreate(VkExtent2D framebuffer_extent);

  VkFormat format() const override { return format_; }
  VkExtent2D extent() const override { return extent_; }
  bool acquire(VkSemaphore ready, TargetImage& out, bool& wait_ready) override;
  ImageUse final_use() const override { return capture_ ? ImageUse::TransferSrc : ImageUse::Present; }
  void record_finish(VkCommandBuffer cmd, const TargetImage& image) override;
  VkSemaphore finished_semaphore(const TargetImage& image) override { return finished_[image.index]; }
  bool present(VkQueue queue, const TargetImage& image) override;

  // Screenshots: the next frame drawn is also copied to host memory; once that frame has finished
  // (the renderer's wait_idle), take_capture returns its pixels as RGBA.
  void request_capture() { capture_ = true; }
  std::optional<ImageRGBA8> take_capture();

 private:
  void create(VkExtent2D framebuffer_extent, VkSwapchainKHR old);
  void destroy_views();

  const Context& ctx_;
  VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkExtent2D extent_{};
  std::vector<VkImage> images_;
  std::vector<VkImageView> views_;
  std::vector<VkSemaphore> finished_;
  bool capture_ = false;   // the next frame is copied
  bool captured_ = false;  // a copy was recorded into capture_buffer_
  VkExtent2D captured_extent_{};
  Buffer capture_buffer_;
};

}  // namespace fascia::render

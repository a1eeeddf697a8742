#include "render/swapchain_target.h"

#include <cstring>

#include <algorithm>

#include "render/vk_check.h"

namespace fascia::render {

SwapchainTarget::SwapchainTarget(const Context& ctx, VkExtent2D extent) : ctx_(ctx) {
  create(extent, VK_NULL_HANDLE);
}

SwapchainTarget::~SwapchainTarget() {
  if (capture_buffer_.buffer) destroy_buffer(ctx_, capture_buffer_);
  destroy_views();
  if (swapchain_) vkDestroySwapchainKHR(ctx_.device, swapchain_, nullptr);
}

void SwapchainTarget::destroy_views() {
  for (auto v : views_) vkDestroyImageView(ctx_.device, v, nullptr);
  for (auto s : finished_) vkDestroySemaphore(ctx_.device, s, nullptr);
  views_.clear();
  finished_.clear();
  images_.clear();
}

void SwapchainTarget::recreate(VkExtent2D extent) {
  // Frame fences do not cover the present's wait on a render-finished semaphore; only an idle
  // queue does, so destroying the semaphores without this is a validation error (found by the
  // window soak: VUID-vkDestroySemaphore-semaphore-01137).
  VK_CHECK(vkDeviceWaitIdle(ctx_.device));
  destroy_views();
  VkSwapchainKHR old = swapchain_;
  create(extent, old);
  vkDestroySwapchainKHR(ctx_.device, old, nullptr);
}

void SwapchainTarget::create(VkExtent2D want, VkSwapchainKHR old) {
  VkSurfaceCapabilitiesKHR caps;
  VK_CHECK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(ctx_.physical_device, ctx_.surface, &caps));
  uint32_t n = 0;
  vkGetPhysicalDeviceSurfaceFormatsKHR(ctx_.physical_device, ctx_.surface, &n, nullptr);
  std::vector<VkSurfaceFormatKHR> formats(n);
  vkGetPhysicalDeviceSurfaceFormatsKHR(ctx_.physical_device, ctx_.surface, &n, formats.data());
  // An sRGB format, so shaders write linear colour and the hardware encodes it.
  VkSurfaceFormatKHR chosen =
      formats.empty() ? VkSurfaceFormatKHR{VK_FORMAT_B8G8R8A8_SRGB, VK_COLOR_SPACE_SRGB_NONLINEAR_KHR}
                      : formats[0];
  for (auto f : formats)
    if ((f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
        f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) {
      chosen = f;
      break;
    }
  format_ = chosen.format;

  if (caps.currentExtent.width != UINT32_MAX) {
    extent_ = caps.currentExtent;
  } else {
    extent_.width = std::clamp(want.width, caps.minImageExtent.width, caps.maxImageExtent.width);
    extent_.height = std::clamp(want.height, caps.minImageExtent.height, caps.maxImageExtent.height);
  }
  uint32_t count = std::max(caps.minImageCount + 1, 3u);
  if (caps.maxImageCount) count = std::min(count, caps.maxImageCount);

  VkSwapchainCreateInfoKHR ci{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
  ci.surface = ctx_.surface;
  ci.minImageCount = count;
  ci.imageFormat = chosen.format;
  ci.imageColorSpace = chosen.colorSpace;
  ci.imageExtent = extent_;
  ci.imageArrayLayers = 1;
  ci.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  ci.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
  ci.preTransform = caps.currentTransform;
  ci.compositeAlpha =
      (caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR)
          ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR
          : VkCompositeAlphaFlagBitsKHR(caps.supportedCompositeAlpha & -caps.supportedCompositeAlpha);
  ci.presentMode = VK_PRESENT_MODE_FIFO_KHR;  // always available; paces to the display
  ci.clipped = VK_TRUE;
  ci.oldSwapchain = old;
  VK_CHECK(vkCreateSwapchainKHR(ctx_.device, &ci, nullptr, &swapchain_));

  vkGetSwapchainImagesKHR(ctx_.device, swapchain_, &n, nullptr);
  images_.resize(n);
  vkGetSwapchainImagesKHR(ctx_.device, swapchain_, &n, images_.data());
  for (VkImage image : images_) {
    VkImageViewCreateInfo vi{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    vi.image = image;
    vi.viewType = VK_IMAGE_VIEW_TYPE_2D;
    vi.format = format_;
    vi.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    VkImageView view;
    VK_CHECK(vkCreateImageView(ctx_.device, &vi, nullptr, &view));
    views_.push_back(view);
    VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore s;
    VK_CHECK(vkCreateSemaphore(ctx_.device, &si, nullptr, &s));
    finished_.push_back(s);
  }
}

bool SwapchainTarget::acquire(VkSemaphore ready, TargetImage& out, bool& wait_ready) {
  uint32_t index = 0;
  VkResult r = vkAcquireNextImageKHR(ctx_.device, swapchain_, UINT64_MAX, ready, VK_NULL_HANDLE, &index);
  if (r == VK_ERROR_OUT_OF_DATE_KHR) return false;
  if (r != VK_SUBOPTIMAL_KHR) VK_CHECK(r);
  out = {images_[index], views_[index], index};
  wait_ready = true;
  return true;
}

bool SwapchainTarget::present(VkQueue queue, const TargetImage& image) {
  VkPresentInfoKHR pi{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
  pi.waitSemaphoreCount = 1;
  pi.pWaitSemaphores = &finished_[image.index];
  pi.swapchainCount = 1;
  pi.pSwapchains = &swapchain_;
  pi.pImageIndices = &image.index;
  VkResult r = vkQueuePresentKHR(queue, &pi);
  if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) return false;
  VK_CHECK(r);
  return true;
}

}  // namespace fascia::render

namespace fascia::render {

void SwapchainTarget::record_finish(VkCommandBuffer cmd, const TargetImage& image) {
  if (!capture_) return;
  capture_ = false;
  VkDeviceSize bytes = VkDeviceSize(extent_.width) * extent_.height * 4;
  if (capture_buffer_.size < bytes) {
    if (capture_buffer_.buffer) destroy_buffer(ctx_, capture_buffer_);
    capture_buffer_ = create_buffer(ctx_, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT);
  }
  VkBufferImageCopy region{};
  region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  region.imageExtent = {extent_.width, extent_.height, 1};
  vkCmdCopyImageToBuffer(cmd, image.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, capture_buffer_.buffer, 1,
                         &region);
  copy_to_host_barrier(cmd);
  image_barrier(cmd, image.image, VK_IMAGE_ASPECT_COLOR_BIT, ImageUse::TransferSrc, ImageUse::Present);
  captured_ = true;
  captured_extent_ = extent_;
}

std::optional<ImageRGBA8> SwapchainTarget::take_capture() {
  if (!captured_) return std::nullopt;
  captured_ = false;
  ImageRGBA8 img;
  img.width = int(captured_extent_.width);
  img.height = int(captured_extent_.height);
  img.pixels.resize(size_t(img.width) * img.height * 4);
  std::memcpy(img.pixels.data(), capture_buffer_.mapped, img.pixels.size());
  const bool bgra = format_ == VK_FORMAT_B8G8R8A8_SRGB || format_ == VK_FORMAT_B8G8R8A8_UNORM;
  for (size_t i = 0; i < img.pixels.size(); i += 4) {
    if (bgra) std::swap(img.pixels[i], img.pixels[i + 2]);
    img.pixels[i + 3] = 255;  // the window is opaque
  }
  return img;
}

}  // namespace fascia::render

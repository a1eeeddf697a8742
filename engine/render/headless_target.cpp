#include "render/headless_target.h"

#include <cstring>

#include "render/barriers.h"

namespace fascia::render {

HeadlessTarget::HeadlessTarget(const Context& ctx, VkExtent2D extent, uint32_t images)
    : ctx_(ctx), extent_(extent) {
  for (uint32_t i = 0; i < images; ++i) {
    images_.push_back(create_image(ctx, extent, format(),
                                   VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT));
    readback_.push_back(
        create_buffer(ctx, VkDeviceSize(extent.width) * extent.height * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT));
  }
}

HeadlessTarget::~HeadlessTarget() {
  for (auto& i : images_) destroy_image(ctx_, i);
  for (auto& b : readback_) destroy_buffer(ctx_, b);
}

bool HeadlessTarget::acquire(VkSemaphore, TargetImage& out, bool& wait_ready) {
  uint32_t i = next_;
  next_ = (next_ + 1) % images_.size();
  out = {images_[i].image, images_[i].view, i};
  wait_ready = false;
  last_ = i;
  return true;
}

void HeadlessTarget::record_finish(VkCommandBuffer cmd, const TargetImage& image) {
  VkBufferImageCopy region{};
  region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  region.imageExtent = {extent_.width, extent_.height, 1};
  vkCmdCopyImageToBuffer(cmd, image.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                         readback_[image.index].buffer, 1, &region);
  copy_to_host_barrier(cmd);
}

ImageRGBA8 HeadlessTarget::read(uint32_t index) const {
  ImageRGBA8 img;
  img.width = static_cast<int>(extent_.width);
  img.height = static_cast<int>(extent_.height);
  img.pixels.resize(size_t(img.width) * img.height * 4);
  std::memcpy(img.pixels.data(), readback_[index].mapped, img.pixels.size());
  return img;
}

}  // namespace fascia::render

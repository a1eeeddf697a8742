#pragma once
// An offscreen target: one sRGB image and one host-visible readback buffer per frame in flight.
#include <vector>

#include "core/image.h"
#include "render/resources.h"
#include "render/target.h"

namespace fascia::render {

class HeadlessTarget final : public RenderTarget {
 public:
  HeadlessTarget(const Context& ctx, VkExtent2D extent, uint32_t images = 2);
  ~HeadlessTarget() override;
  HeadlessTarget(const HeadlessTarget&) = delete;
  HeadlessTarget& operator=(const HeadlessTarget&) = delete;

  VkFormat format() const override { return VK_FORMAT_R8G8B8A8_SRGB; }
  VkExtent2D extent() const override { return extent_; }
  bool acquire(VkSemaphore ready, TargetImage& out, bool& wait_ready) override;
  ImageUse final_use() const override { return ImageUse::TransferSrc; }
  void record_finish(VkCommandBuffer cmd, const TargetImage& image) override;

  // The pixels of image `index` (valid once the frame that drew it has completed).
  ImageRGBA8 read(uint32_t index) const;
  uint32_t last_index() const { return last_; }

 private:
  const Context& ctx_;
  VkExtent2D extent_;
  std::vector<Image> images_;
  std::vector<Buffer> readback_;
  uint32_t next_ = 0;
  uint32_t last_ = 0;
};

}  // namespace fascia::render

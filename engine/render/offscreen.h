#pragma once
// Headless rendering in one call: context, target and renderer for a still image.
#include <memory>
#include <optional>
#include <vector>

#include "core/image.h"
#include "render/context.h"
#include "render/headless_target.h"
#include "render/renderer.h"

namespace fascia::render {

// A headless renderer that can draw many frames of one size (stills, video, tests).
struct Offscreen {
  std::unique_ptr<Context> context;
  std::unique_ptr<HeadlessTarget> target;
  std::unique_ptr<Renderer> renderer;
  // Target images of frames submitted and not yet taken, oldest first.
  std::vector<uint32_t> in_flight;

  ~Offscreen();
  // Draws the scene and returns its pixels (waits for the GPU).
  ImageRGBA8 render(const scene::RenderScene& scene, const Renderer::Overlay& overlay = {});

  // The capture ring, for video: `submit` starts a frame and returns at once; `take` returns the
  // pixels of the frame submitted before the last one (none after the first submit), so frame n is
  // copied out and encoded while frame n+1 renders; `flush` returns the last frame's.
  void submit(const scene::RenderScene& scene, const Renderer::Overlay& overlay = {});
  std::optional<ImageRGBA8> take();
  std::optional<ImageRGBA8> flush();
  uint32_t validation_messages() const { return validation_message_count(*context); }
};

// `samples`: 4x (stills, final video) or 1x (draft video on a software rasteriser, as the window).
Result<std::unique_ptr<Offscreen>> create_offscreen(VkExtent2D extent, bool validation,
                                                    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT);

}  // namespace fascia::render

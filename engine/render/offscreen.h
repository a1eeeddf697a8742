#pragma once
// Headless rendering in one call: context, target and renderer for a still image.
#include <memory>

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

  ~Offscreen();
  // Draws the scene and returns its pixels (waits for the GPU).
  ImageRGBA8 render(const scene::RenderScene& scene, const Renderer::Overlay& overlay = {});
  uint32_t validation_messages() const { return validation_message_count(*context); }
};

Result<std::unique_ptr<Offscreen>> create_offscreen(VkExtent2D extent, bool validation);

}  // namespace fascia::render

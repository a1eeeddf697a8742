#include "render/offscreen.h"

#include "render/vk_check.h"

namespace fascia::render {

Offscreen::~Offscreen() {
  if (renderer) renderer->wait_idle();
  renderer.reset();
  target.reset();
  if (context) destroy_context(*context);
}

ImageRGBA8 Offscreen::render(const scene::RenderScene& scene, const Renderer::Overlay& overlay) {
  renderer->draw(scene, *target, overlay);
  renderer->wait_idle();
  return target->read(target->last_index());
}

void Offscreen::submit(const scene::RenderScene& scene, const Renderer::Overlay& overlay) {
  renderer->draw(scene, *target, overlay);
  in_flight.push_back(target->last_index());
}

std::optional<ImageRGBA8> Offscreen::take() {
  if (in_flight.size() < 2) return std::nullopt;
  renderer->wait_oldest();
  ImageRGBA8 image = target->read(in_flight.front());
  in_flight.erase(in_flight.begin());
  return image;
}

std::optional<ImageRGBA8> Offscreen::flush() {
  if (in_flight.empty()) return std::nullopt;
  renderer->wait_idle();
  ImageRGBA8 image = target->read(in_flight.front());
  in_flight.erase(in_flight.begin());
  return image;
}

Result<std::unique_ptr<Offscreen>> create_offscreen(VkExtent2D extent, bool validation,
                                                    VkSampleCountFlagBits samples) {
  if (extent.width == 0 || extent.height == 0 || extent.width > 8192 || extent.height > 8192)
    return bad_input("image size " + std::to_string(extent.width) + "x" + std::to_string(extent.height) +
                     " out of range: expected 1..8192 on each side");
  ContextOptions options;
  options.validation = validation;
  auto ctx = create_context(options);
  if (!ctx) return ctx.error();
  auto off = std::make_unique<Offscreen>();
  off->context = std::move(*ctx);
  off->target = std::make_unique<HeadlessTarget>(*off->context, extent);
  off->renderer = std::make_unique<Renderer>(*off->context, off->target->format(), samples);
  return off;
}

}  // namespace fascia::render

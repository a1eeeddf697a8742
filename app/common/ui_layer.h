#pragma once
// Dear ImGui drawn over the scene, in the window and in headless renders alike (labels and the
// legend appear in stills and videos too). ImGui 1.86's Vulkan backend wants a VkRenderPass, so
// this layer keeps one (load, store, colour attachment layout in and out) and a framebuffer per
// target image view.
#include <functional>
#include <unordered_map>

#include <vulkan/vulkan.h>

#include "render/context.h"
#include "render/target.h"

struct GLFWwindow;

namespace fascia::app {

// The size the large font (the atlas's second, for present mode) is rasterised at, in pixels.
inline constexpr float kLargeFontPx = 48.0f;

// The UI scale of a headless image `height` pixels tall: 1 at 720, kept within [0.25, 8] so tiny
// images still get a valid ImGui style (its minimum window size must stay >= 1 pixel) and huge ones
// a font atlas of sane size.
float ui_scale_for_height(uint32_t height);

class UiLayer {
 public:
  // With a window, input comes from GLFW; without one (headless), the display size is set per frame.
  UiLayer(render::Context& ctx, VkFormat target_format, GLFWwindow* window, float scale);
  ~UiLayer();
  UiLayer(const UiLayer&) = delete;
  UiLayer& operator=(const UiLayer&) = delete;

  // Starts an ImGui frame; build widgets after this.
  void begin_frame(VkExtent2D extent, float delta_seconds);
  // Finishes the frame and records its draw data into `cmd` over the target image.
  void record(VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D extent);
  // Drops framebuffers of a swapchain that was recreated (call with the device idle).
  void forget_framebuffers();
  // True when ImGui wants the mouse (the 3D view should ignore it).
  bool wants_mouse() const;

 private:
  void upload_fonts();
  VkFramebuffer framebuffer(const render::TargetImage& image, VkExtent2D extent);

  render::Context& ctx_;
  bool windowed_;
  VkRenderPass render_pass_ = VK_NULL_HANDLE;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  std::unordered_map<VkImageView, VkFramebuffer> framebuffers_;
  bool frame_open_ = false;
};

}  // namespace fascia::app

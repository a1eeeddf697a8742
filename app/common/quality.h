#pragma once
// How finely the window draws on each kind of device, in one place for the window and `fascia bench`.
#include <vulkan/vulkan.h>

namespace fascia::app {

struct WindowQuality {
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT;
  bool post_filter = false;   // the cheap edge filter (shaders/fxaa.frag) in place of multisampling
  float render_scale = 1.0f;  // with the post filter: the 3D scene's size, as a fraction of the window's
};

// On a software rasteriser the fragment work is most of the frame (perf: ~60 % of it in llvmpipe's
// fragment code at 1280x720), so the window draws the 3D scene at this fraction of its width and
// height and stretches it; the panels and text stay sharp. Chosen with `fascia bench --only frame`
// (frame_1280x720 against frame_1280x720_full_res); no source beyond that measurement.
inline constexpr float kSoftwareRenderScale = 0.75f;

// The window's anti-aliasing: 4x MSAA on a GPU. On a software rasteriser (lavapipe, which offers 1x
// or 4x only) 4x costs the frame about 2.3 times its time, so the window draws one sample and smooths
// the edges with the post filter instead (`fascia bench`: frame_1280x720 against
// frame_1280x720_without_aa and frame_1280x720_msaa4). Stills always take 4x MSAA at full size.
inline WindowQuality window_quality(bool software) {
  return software ? WindowQuality{VK_SAMPLE_COUNT_1_BIT, true, kSoftwareRenderScale}
                  : WindowQuality{VK_SAMPLE_COUNT_4_BIT, false, 1.0f};
}

}  // namespace fascia::app

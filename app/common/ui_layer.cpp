#include "common/ui_layer.h"

#include <algorithm>
#include <cmath>

#include <filesystem>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>
#include <imgui.h>

#include "render/vk_check.h"

namespace fascia::app {
namespace {

void check_vk(VkResult r) {
  VK_CHECK(r);
}

constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

void style(float scale) {
  ImGui::StyleColorsDark();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 6;
  s.FrameRounding = 4;
  s.WindowBorderSize = 0;
  s.Colors[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.09f, 0.11f, 0.86f);
  s.ScaleAllSizes(scale);
  // ScaleAllSizes truncates; ImGui asserts that a window can be at least one pixel.
  s.WindowMinSize.x = std::max(s.WindowMinSize.x, 1.0f);
  s.WindowMinSize.y = std::max(s.WindowMinSize.y, 1.0f);
}

}  // namespace

float ui_scale_for_height(uint32_t height) {
  return std::clamp(float(height) / 720.0f, 0.25f, 8.0f);
}

UiLayer::UiLayer(render::Context& ctx, VkFormat format, GLFWwindow* window, float scale)
    : ctx_(ctx), windowed_(window != nullptr) {
  scale = std::clamp(scale, 0.25f, 8.0f);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini littering the working directory
  std::error_code ec;
  if (std::filesystem::exists(kFont, ec)) {
    io.Fonts->AddFontFromFileTTF(kFont, 15.0f * scale);
    // Large type for present mode's caption and legend (the second font; ui/present_mode.cpp).
    io.Fonts->AddFontFromFileTTF(kFont, kLargeFontPx * scale);
  } else
    io.FontGlobalScale = scale;
  style(scale);
  if (window) ImGui_ImplGlfw_InitForVulkan(window, true);

  VkAttachmentDescription color{};
  color.format = format;
  color.samples = VK_SAMPLE_COUNT_1_BIT;
  color.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
  color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  color.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  color.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  color.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  color.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkSubpassDescription subpass{};
  subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  subpass.colorAttachmentCount = 1;
  subpass.pColorAttachments = &ref;
  VkSubpassDependency deps[2] = {};
  deps[0].srcSubpass = VK_SUBPASS_EXTERNAL;
  deps[0].dstSubpass = 0;
  deps[0].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  deps[0].dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  deps[0].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  deps[0].dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  deps[1].srcSubpass = 0;
  deps[1].dstSubpass = VK_SUBPASS_EXTERNAL;
  deps[1].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  deps[1].dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  deps[1].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  deps[1].dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  VkRenderPassCreateInfo rpi{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  rpi.attachmentCount = 1;
  rpi.pAttachments = &color;
  rpi.subpassCount = 1;
  rpi.pSubpasses = &subpass;
  rpi.dependencyCount = 2;
  rpi.pDependencies = deps;
  VK_CHECK(vkCreateRenderPass(ctx.device, &rpi, nullptr, &render_pass_));

  VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16}};
  VkDescriptorPoolCreateInfo dpi{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpi.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
  dpi.maxSets = 16;
  dpi.poolSizeCount = 1;
  dpi.pPoolSizes = sizes;
  VK_CHECK(vkCreateDescriptorPool(ctx.device, &dpi, nullptr, &pool_));

  ImGui_ImplVulkan_InitInfo info{};
  info.Instance = ctx.instance;
  info.PhysicalDevice = ctx.physical_device;
  info.Device = ctx.device;
  info.QueueFamily = ctx.queue_family;
  info.Queue = ctx.queue;
  info.DescriptorPool = pool_;
  // The backend recycles its vertex buffers after ImageCount frames: more than the frames in flight.
  info.MinImageCount = 3;
  info.ImageCount = 3;
  info.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
  info.CheckVkResultFn = check_vk;
  ImGui_ImplVulkan_Init(&info, render_pass_);
  upload_fonts();
}

void UiLayer::upload_fonts() {
  // Once, at start: build the font atlas and copy it to the GPU, then drop the staging buffer.
  VkCommandPoolCreateInfo cpi{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  cpi.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
  cpi.queueFamilyIndex = ctx_.queue_family;
  VkCommandPool pool;
  VK_CHECK(vkCreateCommandPool(ctx_.device, &cpi, nullptr, &pool));
  VkCommandBufferAllocateInfo cai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  cai.commandPool = pool;
  cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  cai.commandBufferCount = 1;
  VkCommandBuffer cmd;
  VK_CHECK(vkAllocateCommandBuffers(ctx_.device, &cai, &cmd));
  VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  VK_CHECK(vkBeginCommandBuffer(cmd, &bi));
  ImGui_ImplVulkan_CreateFontsTexture(cmd);
  VK_CHECK(vkEndCommandBuffer(cmd));
  VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  si.commandBufferCount = 1;
  si.pCommandBuffers = &cmd;
  VK_CHECK(vkQueueSubmit(ctx_.queue, 1, &si, VK_NULL_HANDLE));
  VK_CHECK(vkQueueWaitIdle(ctx_.queue));
  ImGui_ImplVulkan_DestroyFontUploadObjects();
  vkDestroyCommandPool(ctx_.device, pool, nullptr);
}

UiLayer::~UiLayer() {
  vkDeviceWaitIdle(ctx_.device);
  ImGui_ImplVulkan_Shutdown();
  if (windowed_) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  forget_framebuffers();
  vkDestroyDescriptorPool(ctx_.device, pool_, nullptr);
  vkDestroyRenderPass(ctx_.device, render_pass_, nullptr);
}

void UiLayer::forget_framebuffers() {
  for (auto& [_, fb] : framebuffers_) vkDestroyFramebuffer(ctx_.device, fb, nullptr);
  framebuffers_.clear();
}

bool UiLayer::wants_mouse() const {
  return ImGui::GetIO().WantCaptureMouse;
}

void UiLayer::begin_frame(VkExtent2D extent, float dt) {
  // A frame whose drawing was skipped (the swapchain went out of date) still has to be closed.
  if (frame_open_) ImGui::EndFrame();
  frame_open_ = true;
  ImGui_ImplVulkan_NewFrame();
  if (windowed_) {
    ImGui_ImplGlfw_NewFrame();
  } else {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(extent.width), float(extent.height));
    io.DeltaTime = dt > 0 ? dt : 1.0f / 60.0f;
  }
  ImGui::NewFrame();
}

VkFramebuffer UiLayer::framebuffer(const render::TargetImage& image, VkExtent2D extent) {
  auto it = framebuffers_.find(image.view);
  if (it != framebuffers_.end()) return it->second;
  VkFramebufferCreateInfo fi{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
  fi.renderPass = render_pass_;
  fi.attachmentCount = 1;
  fi.pAttachments = &image.view;
  fi.width = extent.width;
  fi.height = extent.height;
  fi.layers = 1;
  VkFramebuffer fb;
  VK_CHECK(vkCreateFramebuffer(ctx_.device, &fi, nullptr, &fb));
  framebuffers_[image.view] = fb;
  return fb;
}

namespace {

// The pixels the UI draws on (the union of its clip rectangles): the pass touches only those, which
// a software rasteriser pays for by the pixel.
VkRect2D drawn_area(const ImDrawData& data, VkExtent2D extent) {
  ImVec2 lo(1e30f, 1e30f), hi(-1e30f, -1e30f);
  for (int l = 0; l < data.CmdListsCount; ++l)
    for (const ImDrawCmd& c : data.CmdLists[l]->CmdBuffer) {
      lo.x = std::min(lo.x, c.ClipRect.x), lo.y = std::min(lo.y, c.ClipRect.y);
      hi.x = std::max(hi.x, c.ClipRect.z), hi.y = std::max(hi.y, c.ClipRect.w);
    }
  if (hi.x <= lo.x || hi.y <= lo.y) return {{0, 0}, {1, 1}};  // nothing drawn
  // Clamped as floats first: a clip rectangle may reach far outside the target.
  auto to_pixel = [](float v, float origin, float scale, uint32_t size) {
    return int(std::clamp((v - origin) * scale, 0.0f, float(size)));
  };
  const ImVec2 scale = data.FramebufferScale, origin = data.DisplayPos;
  int x0 = to_pixel(lo.x, origin.x, scale.x, extent.width),
      y0 = to_pixel(lo.y, origin.y, scale.y, extent.height);
  int x1 = to_pixel(std::ceil(hi.x), origin.x, scale.x, extent.width);
  int y1 = to_pixel(std::ceil(hi.y), origin.y, scale.y, extent.height);
  if (x1 <= x0 || y1 <= y0) return {{0, 0}, {1, 1}};
  return {{x0, y0}, {uint32_t(x1 - x0), uint32_t(y1 - y0)}};
}

}  // namespace

void UiLayer::record(VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D extent) {
  ImGui::Render();
  frame_open_ = false;
  VkRenderPassBeginInfo bi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  bi.renderPass = render_pass_;
  bi.framebuffer = framebuffer(image, extent);
  bi.renderArea = drawn_area(*ImGui::GetDrawData(), extent);
  vkCmdBeginRenderPass(cmd, &bi, VK_SUBPASS_CONTENTS_INLINE);
  ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
  vkCmdEndRenderPass(cmd);
}

}  // namespace fascia::app

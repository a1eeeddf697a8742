#pragma once
// VK_CHECK for the frame path: a failed call prints file, line and the VkResult's name and aborts.
// Start-up code returns Result<T> instead, so the user is told why the app cannot start.
#include <vulkan/vulkan.h>

namespace fascia::render {

const char* vk_result_name(VkResult result);
[[noreturn]] void vk_check_failed(VkResult result, const char* expr, const char* file, int line);

}  // namespace fascia::render

#define VK_CHECK(expr)                                                                \
  do {                                                                                \
    VkResult vk_check_result_ = (expr);                                               \
    if (vk_check_result_ != VK_SUCCESS)                                               \
      ::fascia::render::vk_check_failed(vk_check_result_, #expr, __FILE__, __LINE__); \
  } while (0)

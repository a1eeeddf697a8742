#pragma once
// The Vulkan instance, device and queue: created once, with the reason returned when that fails.
#include <vulkan/vulkan.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace fascia::render {

struct ContextOptions {
  // Validation layer with synchronization validation and a debug messenger; every message is
  // logged as an error and counted, so tests can fail on any.
  bool validation = false;
  std::vector<std::string> instance_extensions;  // e.g. what GLFW needs for a window surface
  // Creates the window surface once the instance exists; empty for headless use.
  std::function<Result<VkSurfaceKHR>(VkInstance)> make_surface;
};

struct ValidationState {
  std::atomic<uint32_t> messages{0};
  std::string last_message;
};

struct Context {
  VkInstance instance = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger = VK_NULL_HANDLE;
  VkSurfaceKHR surface = VK_NULL_HANDLE;
  VkPhysicalDevice physical_device = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  VkQueue queue = VK_NULL_HANDLE;
  uint32_t queue_family = 0;
  VkPhysicalDeviceProperties properties{};
  VkPhysicalDeviceMemoryProperties memory{};
  VkSampleCountFlagBits max_samples = VK_SAMPLE_COUNT_1_BIT;  // colour and depth both
  std::unique_ptr<ValidationState> validation;                // null when validation is off
};

// Validation is wanted in debug builds, and wherever FASCIA_VALIDATION=1 (the tests set it).
bool validation_requested_by_default();

Result<std::unique_ptr<Context>> create_context(const ContextOptions& options);
void destroy_context(Context& context);

// Number of validation messages so far (0 when validation is off).
uint32_t validation_message_count(const Context& context);

}  // namespace fascia::render

#include "render/context.h"

#include <cstdlib>
#include <cstring>

#include "core/log.h"
#include "render/device_select.h"

namespace fascia::render {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL on_validation_message(VkDebugUtilsMessageSeverityFlagBitsEXT,
                                                     VkDebugUtilsMessageTypeFlagsEXT,
                                                     const VkDebugUtilsMessengerCallbackDataEXT* data,
                                                     void* user) {
  auto* state = static_cast<ValidationState*>(user);
  state->messages.fetch_add(1);
  state->last_message = data->pMessage ? data->pMessage : "";
  log_error(std::string("vulkan validation: ") + state->last_message);
  return VK_FALSE;
}

bool layer_available(const char* name) {
  uint32_t n = 0;
  vkEnumerateInstanceLayerProperties(&n, nullptr);
  std::vector<VkLayerProperties> layers(n);
  vkEnumerateInstanceLayerProperties(&n, layers.data());
  for (auto& l : layers)
    if (std::strcmp(l.layerName, name) == 0) return true;
  return false;
}

DeviceKind kind_of(VkPhysicalDeviceType t) {
  switch (t) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
      return DeviceKind::Discrete;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
      return DeviceKind::Integrated;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
      return DeviceKind::Virtual;
    case VK_PHYSICAL_DEVICE_TYPE_CPU:
      return DeviceKind::Cpu;
    default:
      return DeviceKind::Other;
  }
}

// The first queue family with graphics (and presentation, when there is a surface).
int find_queue_family(VkPhysicalDevice pd, VkSurfaceKHR surface) {
  uint32_t n = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(pd, &n, nullptr);
  std::vector<VkQueueFamilyProperties> families(n);
  vkGetPhysicalDeviceQueueFamilyProperties(pd, &n, families.data());
  for (uint32_t i = 0; i < n; ++i) {
    if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT)) continue;
    if (surface) {
      VkBool32 present = VK_FALSE;
      vkGetPhysicalDeviceSurfaceSupportKHR(pd, i, surface, &present);
      if (!present) continue;
    }
    return static_cast<int>(i);
  }
  return -1;
}

DeviceCaps describe(VkPhysicalDevice pd, VkSurfaceKHR surface) {
  VkPhysicalDeviceVulkan13Features f13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  VkPhysicalDeviceFeatures2 f2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f13};
  VkPhysicalDeviceProperties props;
  vkGetPhysicalDeviceProperties(pd, &props);
  DeviceCaps caps;
  caps.name = props.deviceName;
  caps.kind = kind_of(props.deviceType);
  caps.api_version = props.apiVersion;
  if (props.apiVersion >= VK_API_VERSION_1_3) {
    vkGetPhysicalDeviceFeatures2(pd, &f2);
    caps.dynamic_rendering = f13.dynamicRendering;
    caps.synchronization2 = f13.synchronization2;
  }
  caps.graphics_queue = find_queue_family(pd, VK_NULL_HANDLE) >= 0;
  caps.can_present = surface && find_queue_family(pd, surface) >= 0;
  return caps;
}

VkSampleCountFlagBits best_samples(const VkPhysicalDeviceProperties& p) {
  VkSampleCountFlags counts = p.limits.framebufferColorSampleCounts & p.limits.framebufferDepthSampleCounts;
  if (counts & VK_SAMPLE_COUNT_4_BIT) return VK_SAMPLE_COUNT_4_BIT;  // 4x: the quality/cost sweet spot
  if (counts & VK_SAMPLE_COUNT_2_BIT) return VK_SAMPLE_COUNT_2_BIT;
  return VK_SAMPLE_COUNT_1_BIT;
}

}  // namespace

bool validation_requested_by_default() {
  if (const char* v = std::getenv("FASCIA_VALIDATION")) return std::strcmp(v, "0") != 0;
#ifdef NDEBUG
  return false;
#else
  return true;
#endif
}

Result<std::unique_ptr<Context>> create_context(const ContextOptions& options) {
  auto ctx = std::make_unique<Context>();

  std::vector<const char*> extensions;
  for (auto& e : options.instance_extensions) extensions.push_back(e.c_str());
  std::vector<const char*> layers;
  if (options.validation) {
    if (!layer_available(kValidationLayer))
      return bad_input("validation layer requested but not installed (" + std::string(kValidationLayer) +
                       ": install vulkan-validationlayers, or set FASCIA_VALIDATION=0)");
    layers.push_back(kValidationLayer);
    extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    ctx->validation = std::make_unique<ValidationState>();
  }

  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "Fascia Atlas";
  app.pEngineName = "fascia";
  app.apiVersion = VK_API_VERSION_1_3;

  VkValidationFeatureEnableEXT enables[] = {VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT};
  VkValidationFeaturesEXT features{VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT};
  features.enabledValidationFeatureCount = 1;
  features.pEnabledValidationFeatures = enables;

  VkDebugUtilsMessengerCreateInfoEXT messenger_info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  messenger_info.messageSeverity =
      VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger_info.messageType =
      VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  messenger_info.pfnUserCallback = on_validation_message;
  messenger_info.pUserData = ctx->validation.get();
  if (options.validation) features.pNext = &messenger_info;  // also catches instance creation

  VkInstanceCreateInfo ici{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  ici.pNext = options.validation ? &features : nullptr;
  ici.pApplicationInfo = &app;
  ici.enabledLayerCount = static_cast<uint32_t>(layers.size());
  ici.ppEnabledLayerNames = layers.data();
  ici.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
  ici.ppEnabledExtensionNames = extensions.data();
  if (VkResult r = vkCreateInstance(&ici, nullptr, &ctx->instance); r != VK_SUCCESS) {
    if (r == VK_ERROR_INCOMPATIBLE_DRIVER)
      return bad_input("no Vulkan driver found (install mesa-vulkan-drivers for lavapipe)");
    return bad_input(std::string("cannot create a Vulkan instance: ") +
                     (r == VK_ERROR_EXTENSION_NOT_PRESENT ? "a required extension is missing"
                                                          : "error " + std::to_string(r)));
  }

  if (options.validation) {
    auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(ctx->instance, "vkCreateDebugUtilsMessengerEXT"));
    if (create) create(ctx->instance, &messenger_info, nullptr, &ctx->messenger);
  }

  if (options.make_surface) {
    auto surface = options.make_surface(ctx->instance);
    if (!surface) {
      destroy_context(*ctx);
      return surface.error();
    }
    ctx->surface = *surface;
  }

  uint32_t n = 0;
  vkEnumeratePhysicalDevices(ctx->instance, &n, nullptr);
  std::vector<VkPhysicalDevice> pds(n);
  vkEnumeratePhysicalDevices(ctx->instance, &n, pds.data());
  std::vector<DeviceCaps> caps;
  for (auto pd : pds) caps.push_back(describe(pd, ctx->surface));
  auto chosen = choose_device(caps, ctx->surface != VK_NULL_HANDLE);
  if (!chosen) {
    destroy_context(*ctx);
    return chosen.error();
  }
  ctx->physical_device = pds[*chosen];
  ctx->queue_family = static_cast<uint32_t>(find_queue_family(ctx->physical_device, ctx->surface));
  vkGetPhysicalDeviceProperties(ctx->physical_device, &ctx->properties);
  vkGetPhysicalDeviceMemoryProperties(ctx->physical_device, &ctx->memory);
  ctx->max_samples = best_samples(ctx->properties);

  float priority = 1.0f;
  VkDeviceQueueCreateInfo qci{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  qci.queueFamilyIndex = ctx->queue_family;
  qci.queueCount = 1;
  qci.pQueuePriorities = &priority;

  VkPhysicalDeviceVulkan13Features supported13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  VkPhysicalDeviceFeatures2 supported{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &supported13};
  vkGetPhysicalDeviceFeatures2(ctx->physical_device, &supported);
  VkPhysicalDeviceVulkan13Features f13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  f13.dynamicRendering = VK_TRUE;
  f13.synchronization2 = VK_TRUE;
  // Lets one vertex shader feed fragment shaders that read fewer of its outputs (the pick pass).
  f13.maintenance4 = supported13.maintenance4;
  VkPhysicalDeviceFeatures2 f2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f13};

  std::vector<const char*> device_extensions;
  if (ctx->surface) device_extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);

  VkDeviceCreateInfo dci{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, &f2};
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  dci.enabledExtensionCount = static_cast<uint32_t>(device_extensions.size());
  dci.ppEnabledExtensionNames = device_extensions.data();
  if (VkResult r = vkCreateDevice(ctx->physical_device, &dci, nullptr, &ctx->device); r != VK_SUCCESS) {
    destroy_context(*ctx);
    return bad_input(std::string("cannot create a Vulkan device on ") + caps[*chosen].name + ": error " +
                     std::to_string(r));
  }
  vkGetDeviceQueue(ctx->device, ctx->queue_family, 0, &ctx->queue);
  return ctx;
}

void destroy_context(Context& ctx) {
  if (ctx.device) vkDestroyDevice(ctx.device, nullptr);
  if (ctx.surface) vkDestroySurfaceKHR(ctx.instance, ctx.surface, nullptr);
  if (ctx.messenger) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(ctx.instance, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(ctx.instance, ctx.messenger, nullptr);
  }
  if (ctx.instance) vkDestroyInstance(ctx.instance, nullptr);
  ctx.device = VK_NULL_HANDLE;
  ctx.surface = VK_NULL_HANDLE;
  ctx.messenger = VK_NULL_HANDLE;
  ctx.instance = VK_NULL_HANDLE;
}

uint32_t validation_message_count(const Context& ctx) {
  return ctx.validation ? ctx.validation->messages.load() : 0;
}

}  // namespace fascia::render

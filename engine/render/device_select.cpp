#include "render/device_select.h"

#include <vulkan/vulkan.h>

namespace fascia::render {

std::string api_version_string(uint32_t v) {
  return std::to_string(VK_API_VERSION_MAJOR(v)) + "." + std::to_string(VK_API_VERSION_MINOR(v));
}

namespace {

int kind_rank(DeviceKind k) {
  switch (k) {
    case DeviceKind::Discrete:
      return 4;
    case DeviceKind::Integrated:
      return 3;
    case DeviceKind::Virtual:
      return 2;
    case DeviceKind::Cpu:
      return 1;
    case DeviceKind::Other:
      return 0;
  }
  return 0;
}

// Why a device cannot be used, or empty if it can.
std::string unusable_reason(const DeviceCaps& d, bool need_present) {
  if (d.api_version < VK_API_VERSION_1_3) return "Vulkan " + api_version_string(d.api_version);
  if (!d.dynamic_rendering) return "no dynamic rendering";
  if (!d.synchronization2) return "no synchronization2";
  if (!d.graphics_queue) return "no graphics queue";
  if (need_present && !d.can_present) return "cannot present to the window";
  return {};
}

}  // namespace

Result<size_t> choose_device(std::span<const DeviceCaps> devices, bool need_present) {
  if (devices.empty())
    return bad_input("no Vulkan device found (is a Vulkan driver such as mesa-vulkan-drivers installed?)");
  size_t best = devices.size();
  std::string found;
  for (size_t i = 0; i < devices.size(); ++i) {
    const DeviceCaps& d = devices[i];
    std::string why = unusable_reason(d, need_present);
    if (!why.empty()) {
      found += (found.empty() ? "" : ", ") + d.name + " (" + why + ")";
      continue;
    }
    if (best == devices.size() || kind_rank(d.kind) > kind_rank(devices[best].kind)) best = i;
  }
  if (best == devices.size()) return bad_input("no Vulkan 1.3 device: found " + found);
  return best;
}

}  // namespace fascia::render

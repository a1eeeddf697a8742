#pragma once
// Choosing a physical device, as a pure function over what each device offers, so the policy is
// unit-tested without a GPU: prefer a discrete GPU, then integrated, then anything else that works
// (lavapipe on machines without a GPU).
#include <cstdint>
#include <span>
#include <string>

#include "core/result.h"

namespace fascia::render {

enum class DeviceKind { Discrete, Integrated, Virtual, Cpu, Other };

struct DeviceCaps {
  std::string name;
  DeviceKind kind = DeviceKind::Other;
  uint32_t api_version = 0;  // VK_MAKE_API_VERSION
  bool dynamic_rendering = false;
  bool synchronization2 = false;
  bool graphics_queue = false;
  bool can_present = false;  // only asked when a window is wanted
};

// Index of the best device, or an error naming what was found ("no Vulkan 1.3 device: found
// llvmpipe (Vulkan 1.2)").
Result<size_t> choose_device(std::span<const DeviceCaps> devices, bool need_present);

std::string api_version_string(uint32_t version);

}  // namespace fascia::render

#include <doctest/doctest.h>

#include <vulkan/vulkan.h>

#include <vector>

#include "render/device_select.h"

using namespace fascia::render;

namespace {
DeviceCaps device(const char* name, DeviceKind kind, uint32_t version = VK_API_VERSION_1_3) {
  return {name, kind, version, true, true, true, true};
}
}  // namespace

TEST_CASE("device selection prefers a discrete GPU over integrated and lavapipe") {
  std::vector<DeviceCaps> d = {device("llvmpipe", DeviceKind::Cpu),
                               device("Intel UHD", DeviceKind::Integrated),
                               device("NVIDIA H200", DeviceKind::Discrete)};
  CHECK(choose_device(d, false).value() == 2);
  d.pop_back();
  CHECK(choose_device(d, false).value() == 1);
  d.pop_back();
  CHECK(choose_device(d, false).value() == 0);  // lavapipe as the fallback
}

TEST_CASE("device selection skips devices without Vulkan 1.3 or presentation, and says what it found") {
  std::vector<DeviceCaps> d = {device("old GPU", DeviceKind::Discrete, VK_API_VERSION_1_2),
                               device("llvmpipe", DeviceKind::Cpu)};
  CHECK(choose_device(d, false).value() == 1);
  d[1].api_version = VK_API_VERSION_1_2;
  auto r = choose_device(d, false);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "no Vulkan 1.3 device: found old GPU (Vulkan 1.2), llvmpipe (Vulkan 1.2)");

  std::vector<DeviceCaps> headless_only = {device("compute card", DeviceKind::Discrete)};
  headless_only[0].can_present = false;
  CHECK(choose_device(headless_only, false).ok());
  auto w = choose_device(headless_only, true);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().message == "no Vulkan 1.3 device: found compute card (cannot present to the window)");

  std::vector<DeviceCaps> none;
  CHECK_FALSE(choose_device(none, false).ok());
}

#pragma once
// The SPIR-V modules compiled from shaders/ at build time, embedded in the binary.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fascia::shaders {

struct Module {
  const char* name;      // file name without ".spv", e.g. "mesh.vert"
  const uint32_t* code;  // SPIR-V words
  size_t size_bytes;
};

extern const Module kModules[];
extern const size_t kModuleCount;

// The module named `name`, or nullptr.
inline const Module* find(std::string_view name) {
  for (size_t i = 0; i < kModuleCount; ++i)
    if (name == kModules[i].name) return &kModules[i];
  return nullptr;
}

}  // namespace fascia::shaders

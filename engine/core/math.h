#pragma once
// The math types of the engine: GLM, right-handed, Y up, metres, Vulkan depth range [0, 1].
#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace fascia {
using glm::mat3;
using glm::mat4;
using glm::quat;
using glm::vec2;
using glm::vec3;
using glm::vec4;
}  // namespace fascia

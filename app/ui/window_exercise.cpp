#include "ui/window_exercise.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

namespace fascia::app {

void exercise(GLFWwindow* w, int frame) {
  switch (frame % kExerciseCycle) {
    case 5:
      glfwSetWindowSize(w, 800, 600);
      break;
    case 10:
      glfwIconifyWindow(w);
      break;
    case 15:
      glfwRestoreWindow(w);
      break;
    case 20:
      glfwSetWindowSize(w, 1024, 400);
      break;
    case 25:
      glfwSetWindowSize(w, 640, 900);
      break;
    case 29:
      glfwSetWindowSize(w, 1280, 720);
      break;
    default:
      break;
  }
}

// A deliberate Vulkan misuse (reserved flags must be zero), so the tests can prove that a validation
// message makes the window fail: FASCIA_EXERCISE_MISUSE=1 with --exercise-resize.
void misuse_for_tests(VkDevice device) {
  const char* v = std::getenv("FASCIA_EXERCISE_MISUSE");
  if (!v || std::string(v) != "1") return;
  VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
  si.flags = 1;
  VkSemaphore s = VK_NULL_HANDLE;
  if (vkCreateSemaphore(device, &si, nullptr, &s) == VK_SUCCESS) vkDestroySemaphore(device, s, nullptr);
}

}  // namespace fascia::app

#pragma once
// What the window does only for tests and soaks: scripted resizes, resident memory, a deliberate
// Vulkan misuse that proves validation messages fail the run.
#include <vulkan/vulkan.h>

struct GLFWwindow;

namespace fascia::app {

// Scripted window changes for the resize tests: sizes, a minimise and a restore, repeated every
// kExerciseCycle frames so a long run (the window soak) goes through them many times.
constexpr int kExerciseCycle = 30;
void exercise(GLFWwindow* w, int frame);

// FASCIA_EXERCISE_MISUSE=1 with --exercise-resize: one invalid Vulkan call.
void misuse_for_tests(VkDevice device);

}  // namespace fascia::app

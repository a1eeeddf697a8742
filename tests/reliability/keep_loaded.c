/* LD_PRELOAD helper of `make check` (never linked into anything).
 *
 * The Vulkan loader and GLFW dlclose the driver, the layers and the X11 libraries when they are done,
 * so a leak that LeakSanitizer finds inside them at exit has only "<unknown module>" frames, and no
 * suppression can name it. In the processes of our own executables (fascia, fascia_tests, fuzz_*),
 * this opens those libraries once more with RTLD_NODELETE: they stay mapped, their frames keep their
 * names, and tests/reliability/lsan.supp can suppress exactly them. Other processes (the shell,
 * xvfb-run, Xvfb) are left alone. Built without sanitizers, so it loads into any process. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include <unistd.h>

static const char* const kLibraries[] = {
    "libvulkan_lvp.so",                 /* lavapipe, with LLVM behind it */
    "libVkLayer_khronos_validation.so", /* the validation layer */
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libXrandr.so.2",
    "libXinerama.so.1",
    "libXcursor.so.1",
    "libXi.so.6",
    "libXext.so.6",
    "libXrender.so.1",
};

__attribute__((constructor)) static void keep_loaded(void) {
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return;
  exe[n] = '\0';
  const char* base = strrchr(exe, '/');
  base = base ? base + 1 : exe;
  if (strncmp(base, "fascia", 6) != 0 && strncmp(base, "fuzz_", 5) != 0) return;
  for (size_t i = 0; i < sizeof kLibraries / sizeof kLibraries[0]; ++i)
    dlopen(kLibraries[i], RTLD_LAZY | RTLD_LOCAL | RTLD_NODELETE);
}

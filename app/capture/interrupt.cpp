#include "capture/interrupt.h"

#include <unistd.h>
#include <csignal>
#include <cstring>

namespace fascia::app {
namespace {

volatile std::sig_atomic_t g_signal = 0;
char g_remove[4096] = {0};

extern "C" void on_stop_signal(int sig) {
  if (g_signal != 0) {  // asked twice: no more waiting for the frame to finish
    if (g_remove[0]) unlink(g_remove);
    _exit(128 + sig);
  }
  g_signal = sig;
}

}  // namespace

void watch_interrupts() {
  static bool installed = false;
  g_signal = 0;
  if (installed) return;
  installed = true;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  // A pipe whose reader (ffmpeg) died must give an error on write, not kill us before we clean up.
  std::signal(SIGPIPE, SIG_IGN);
}

int interrupt_signal() {
  return g_signal;
}

void set_emergency_removal(const std::string& path) {
  g_remove[0] = 0;
  if (path.size() < sizeof g_remove) std::memcpy(g_remove, path.c_str(), path.size() + 1);
}

}  // namespace fascia::app

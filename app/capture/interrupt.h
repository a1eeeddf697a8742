#pragma once
// Stopping a long render cleanly on SIGINT or SIGTERM: the first signal sets a flag that the frame
// loop checks between frames (it then removes its temporary output and exits 130 or 143); a second
// one unlinks the registered temporary file straight away and ends the process. Small and
// self-contained so that engine/core's shared temporary-file guard (branch `guard`) can replace it.
#include <string>

namespace fascia::app {

// Installs the handlers (idempotent) and clears the flag.
void watch_interrupts();
// The signal that asked to stop, 0 when none.
int interrupt_signal();
// A file the second signal should unlink (a plain file only; empty = none). Kept as a fixed buffer
// so the handler touches no allocator.
void set_emergency_removal(const std::string& path);

}  // namespace fascia::app

#pragma once
// This process's memory, as the soaks and benchmarks watch it (Linux /proc; 0 where unreadable).

namespace fascia {

// Resident set size now, MiB.
double resident_mib();

// The largest resident set size so far (VmHWM), MiB.
double peak_resident_mib();

}  // namespace fascia

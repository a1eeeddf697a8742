#pragma once
// This process's memory and CPU time, as the soaks and benchmarks watch it (Linux /proc; 0 where unreadable).

namespace fascia {

// Resident set size now, MiB.
double resident_mib();

// The largest resident set size so far (VmHWM), MiB.
double peak_resident_mib();

// CPU time this process has used, all threads, user and system, seconds.
double process_cpu_seconds();

}  // namespace fascia

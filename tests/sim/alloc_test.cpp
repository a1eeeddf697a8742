// A step, an equilibrium and a trace never touch the heap: counted through a replaced global
// operator new (it replaces it for the whole test binary, which only adds a counter).
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "sim/commands.h"
#include "sim/solver.h"

namespace {
std::atomic<long> g_allocations{0};
}

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  return operator new(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept {
  return operator new(n, t);
}
void* operator new(std::size_t n, std::align_val_t a) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  std::size_t al = static_cast<std::size_t>(a);
  if (void* p = std::aligned_alloc(al, (n + al - 1) / al * al)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
  return operator new(n, a);
}
// Every form of delete frees what the forms above allocated (all through malloc).
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}

using namespace fascia::sim;

TEST_CASE("sim: step, equilibrium and trace allocate nothing") {
  const Model& m = default_model();
  Data d = make_data(m);
  add_restriction(d, *restrict_elements(m, "gastrocnemius.l"), 3.0, 5.0);
  double f[3] = {0, 0, 10};
  add_load(d, m.station_node[find_station(m, "sacrum")], f, 1.0);
  d.breath_amplitude = 1;
  std::vector<double> sens(m.nelement), stiff(m.nelement);
  step(m, d);  // warm
  long before = g_allocations.load();
  for (int i = 0; i < 20; ++i) step(m, d);
  long after_steps = g_allocations.load();
  equilibrium(m, d);
  long after_eq = g_allocations.load();
  trace_into(m, d, TraceTarget{m.track_element[0], -1}, sens.data(), stiff.data());
  long after_trace = g_allocations.load();
  CHECK(after_steps - before == 0);
  CHECK(after_eq - after_steps == 0);
  CHECK(after_trace - after_eq == 0);
  // The counter does count: a vector allocates.
  std::vector<int> v(10);
  CHECK(g_allocations.load() > after_trace);
}

#include "cli.h"

#include <cstdio>

namespace fascia::app {
int run_cli(int, char**) {
  std::puts("fascia: under construction");
  return 0;
}
}  // namespace fascia::app

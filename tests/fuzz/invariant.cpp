#include <cstdio>
#include <cstdlib>

#include "fuzz/targets.h"

namespace fascia::fuzz {

void invariant_failed(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n  %.*s\n", int(what.size()), what.data(),
               int(detail.size()), detail.data());
  std::abort();
}

}  // namespace fascia::fuzz

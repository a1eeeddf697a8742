#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include "fuzz/targets.h"

namespace fascia::fuzz {

void invariant_failed(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n  %.*s\n", int(what.size()), what.data(),
               int(detail.size()), detail.data());
  std::abort();
}

std::filesystem::path scratch_dir(std::string_view name) {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / ("fascia-fuzz-" + std::string(name) + "-XXXXXX")).string();
  if (!::mkdtemp(tmpl.data())) invariant_failed("mkdtemp", tmpl);
  static std::vector<fs::path> made;
  if (made.empty())
    std::atexit([] {
      std::error_code ec;
      for (const fs::path& p : made) fs::remove_all(p, ec);
    });
  made.push_back(tmpl);
  return tmpl;
}

}  // namespace fascia::fuzz

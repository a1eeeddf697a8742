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
  std::error_code ec;
  const fs::path base = ::access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm") : fs::temp_directory_path(ec);
  std::string tmpl = (base / ("fascia-fuzz-" + std::string(name) + "-XXXXXX")).string();
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

void write_scratch(const std::filesystem::path& file, std::string_view bytes) {
  std::FILE* f = std::fopen(file.c_str(), "wb");
  if (!f) invariant_failed("opening a scratch file", file.string());
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (std::fclose(f) != 0 || !ok) invariant_failed("writing a scratch file", file.string());
}

}  // namespace fascia::fuzz

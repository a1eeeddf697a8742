#include "core/paths.h"

#include <unistd.h>

#include <cstdlib>

namespace fascia {
namespace fs = std::filesystem;

fs::path assets_dir() {
  if (const char* env = std::getenv("FASCIA_ASSETS"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path candidate = exe.parent_path().parent_path().parent_path() / "assets";
    if (fs::is_directory(candidate, ec)) return candidate;
  }
  return fs::path(FASCIA_SOURCE_DIR) / "assets";
}

}  // namespace fascia

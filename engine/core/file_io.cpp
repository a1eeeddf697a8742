#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fascia {
namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return bad_input(path.string() + ": is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad_input(path.string() + ": cannot open: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return bad_input(path.string() + ": read error");
  return ss.str();
}

Status check_writable(const fs::path& path) {
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return bad_input(path.string() + ": folder '" + dir.string() + "' does not exist");
  if (::access(dir.c_str(), W_OK) != 0)
    return bad_input(path.string() + ": folder '" + dir.string() + "' is not writable");
  if (fs::is_directory(path, ec)) return bad_input(path.string() + ": is a folder, expected a file");
  return ok_status();
}

Status write_file_atomic(const fs::path& path, std::span<const uint8_t> bytes) {
  FASCIA_TRY(check_writable(path));
  std::string tmp = path.string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return bad_input(path.string() + ": cannot create temporary file: " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return bad_input(path.string() + ": write failed: " + why);
    }
    done += static_cast<size_t>(n);
  }
  // mkstemp creates 0600; give the file the usual permissions of a user's document.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return bad_input(path.string() + ": could not flush to disk");
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return bad_input(path.string() + ": rename failed: " + why);
  }
  return ok_status();
}

Status write_file_atomic(const fs::path& path, std::string_view text) {
  return write_file_atomic(path, std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

}  // namespace fascia

#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/temp_files.h"

namespace fascia {
namespace fs = std::filesystem;

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

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

Result<std::string> read_regular_file(const fs::path& path, uint64_t max_bytes) {
  // O_NOFOLLOW: a link is refused, not followed; O_NONBLOCK: opening a FIFO does not wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) return bad_input(path.string() + ": is a symbolic link, expected a regular file");
    return bad_input(path.string() + ": cannot open: " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return bad_input(path.string() + ": is " + kind_of(st.st_mode) + ", expected a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return bad_input(path.string() + ": " + std::to_string(st.st_size) + " bytes, more than the " +
                     std::to_string(max_bytes) + " expected");
  }
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  if (done != bytes.size()) return bad_input(path.string() + ": read error (file changed while reading?)");
  return bytes;
}

Result<fs::path> resolve_output_path(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return path;  // does not exist yet: written as a new file
  if (S_ISREG(st.st_mode)) return path;
  if (S_ISLNK(st.st_mode)) {
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);
    if (ec)
      return bad_input(path.string() + ": is a symbolic link to nothing (dangling); give a regular file");
    struct stat ts {};
    if (::stat(target.c_str(), &ts) == 0 && S_ISREG(ts.st_mode)) return target;
    return bad_input(path.string() + ": is a symbolic link to '" + target.string() + "', which is " +
                     kind_of(ts.st_mode) + "; give a regular file");
  }
  if (S_ISDIR(st.st_mode)) return bad_input(path.string() + ": is a folder, expected a file");
  return bad_input(path.string() + ": is " + kind_of(st.st_mode) +
                   ", not a regular file; give a regular file");
}

Status check_writable(const fs::path& requested) {
  auto resolved = resolve_output_path(requested);
  if (!resolved) return resolved.error();
  const fs::path& path = *resolved;
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return bad_input(path.string() + ": folder '" + dir.string() + "' does not exist");
  if (::access(dir.c_str(), W_OK) != 0)
    return bad_input(path.string() + ": folder '" + dir.string() + "' is not writable");
  return ok_status();
}

Status write_file_atomic(const fs::path& requested, std::span<const uint8_t> bytes) {
  FASCIA_TRY(check_writable(requested));
  const fs::path path = resolve_output_path(requested).value();
  std::string tmp = temporary_template_for(path);
  install_temporary_cleanup();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return bad_input(path.string() + ": cannot create temporary file: " + std::strerror(errno));
  TempFileGuard guard(tmp);  // removed on error, on SIGINT/SIGTERM, and if this returns early
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd);
      return bad_input(path.string() + ": write failed: " + why);
    }
    done += static_cast<size_t>(n);
  }
  // mkstemp creates 0600; give the file the usual permissions of a user's document.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) return bad_input(path.string() + ": could not flush to disk");
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    return bad_input(path.string() + ": rename failed: " + why);
  }
  guard.release();
  return ok_status();
}

Status write_file_atomic(const fs::path& path, std::string_view text) {
  return write_file_atomic(path, std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

}  // namespace fascia

#pragma once
// Temporary files that do not outlive an interrupted process. Whoever writes a file through a
// temporary (write it beside the target, then rename) registers the temporary here; a SIGINT,
// SIGTERM or SIGHUP then unlinks every registered temporary before the process ends with the
// signal's usual status. SIGKILL cannot be caught, so temporaries carry their writer's pid in their
// name and `remove_stale_temporaries` deletes those whose writer is gone.
//
//   TempFileGuard guard(tmp_path);   // right after creating the file
//   ... write, fsync, rename(tmp_path, target) ...
//   guard.release();                 // renamed away: nothing left to remove
//
// The guard also unlinks the file when it goes out of scope unreleased (an error path).
#include <filesystem>
#include <string>

namespace fascia {

// A short temporary name beside `target`: "<folder>/.fascia-<pid>-XXXXXX" (for mkstemp), short
// enough that targets whose own names are up to 255 bytes still get one.
std::string temporary_template_for(const std::filesystem::path& target);

class TempFileGuard {
 public:
  explicit TempFileGuard(const std::string& path);
  ~TempFileGuard();
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;

  // The file was renamed into place (or removed by its owner): stop watching it.
  void release();

 private:
  int slot_ = -1;
  std::string path_;
};

// Installs the SIGINT/SIGTERM/SIGHUP handlers (every TempFileGuard does; call it early when a
// signal may come before the first temporary exists). A handler installed before ours is called
// after the temporaries are removed; without one, the process ends by the signal as usual.
void install_temporary_cleanup();

// How many temporaries are registered now (tests).
int registered_temporaries();

// Deletes the temporaries of `folder` (names from temporary_template_for) whose writing process no
// longer exists, or that are older than a day, and those of the older naming ("NAME.tmp-XXXXXX")
// older than an hour. Returns how many it deleted.
int remove_stale_temporaries(const std::filesystem::path& folder);

}  // namespace fascia

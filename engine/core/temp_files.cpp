#include "core/temp_files.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <mutex>

namespace fascia {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPrefix = ".fascia-";

// A fixed table the signal handler can read without locks or allocation. A slot is free (0),
// being filled or emptied (1), or holds a path to remove (2).
constexpr int kSlots = 64;
struct Slot {
  std::atomic<int> state{0};
  char path[PATH_MAX];
};
Slot g_slots[kSlots];

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];

volatile sig_atomic_t g_in_handler = 0;

void on_signal(int sig, siginfo_t* info, void* context) {
  // A handler installed after ours that chains back to us must not loop.
  if (g_in_handler) {
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    return;
  }
  g_in_handler = 1;
  for (Slot& s : g_slots)
    if (s.state.load(std::memory_order_acquire) == 2) ::unlink(s.path);
  for (int i = 0; i < 3; ++i) {
    if (kSignals[i] != sig) continue;
    const struct sigaction& prev = g_previous[i];
    if (prev.sa_flags & SA_SIGINFO) {
      if (prev.sa_sigaction) {
        prev.sa_sigaction(sig, info, context);
        g_in_handler = 0;
        return;
      }
    } else if (prev.sa_handler != SIG_DFL && prev.sa_handler != SIG_IGN) {
      prev.sa_handler(sig);
      g_in_handler = 0;
      return;
    }
  }
  // Nobody else handles it: end the way the signal ends a process, so the parent sees it.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

void install_temporary_cleanup() {
  // Checked on every call, not once: a library or test framework may have installed its own
  // handler since; ours then goes in front of it and calls it after removing the temporaries.
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  for (int i = 0; i < 3; ++i) {
    struct sigaction current {};
    ::sigaction(kSignals[i], nullptr, &current);
    if ((current.sa_flags & SA_SIGINFO) && current.sa_sigaction == on_signal) continue;
    // A signal the process was told to ignore (nohup, a background job) stays ignored.
    if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN) continue;
    g_previous[i] = current;
    struct sigaction sa {};
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    ::sigaction(kSignals[i], &sa, nullptr);
  }
}

std::string temporary_template_for(const fs::path& target) {
  fs::path dir = target.parent_path();
  std::string name = std::string(kPrefix) + std::to_string(::getpid()) + "-XXXXXX";
  return dir.empty() ? name : (dir / name).string();
}

TempFileGuard::TempFileGuard(const std::string& path) : path_(path) {
  install_temporary_cleanup();
  if (path.size() >= PATH_MAX) return;  // cannot be watched; the guard still removes it on scope exit
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(2, std::memory_order_release);
    slot_ = i;
    return;
  }
}

TempFileGuard::~TempFileGuard() {
  if (path_.empty()) return;
  ::unlink(path_.c_str());
  release();
}

void TempFileGuard::release() {
  if (slot_ >= 0) {
    g_slots[slot_].state.store(1, std::memory_order_release);
    g_slots[slot_].state.store(0, std::memory_order_release);
    slot_ = -1;
  }
  path_.clear();
}

int registered_temporaries() {
  int n = 0;
  for (const Slot& s : g_slots) n += s.state.load() == 2;
  return n;
}

int remove_stale_temporaries(const fs::path& folder) {
  std::error_code ec;
  int removed = 0;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code e1;
    // Before the pid was in the name, temporaries were "TARGET.tmp-XXXXXX": an hour old is stale.
    const size_t legacy = name.rfind(".tmp-");
    if (legacy != std::string::npos && legacy + 11 == name.size() && it->is_regular_file(e1) &&
        !it->is_symlink(e1) && now - it->last_write_time(e1) > std::chrono::hours(1)) {
      if (fs::remove(it->path(), e1)) ++removed;
      continue;
    }
    if (name.rfind(kPrefix, 0) != 0) continue;
    // .fascia-<pid>-XXXXXX
    const size_t dash = name.find('-', std::strlen(kPrefix));
    if (dash == std::string::npos || name.size() != dash + 7) continue;
    const std::string pid_text = name.substr(std::strlen(kPrefix), dash - std::strlen(kPrefix));
    if (pid_text.empty() || pid_text.size() > 9 ||
        pid_text.find_first_not_of("0123456789") != std::string::npos)
      continue;
    std::error_code e2;
    if (!it->is_regular_file(e2) || it->is_symlink(e2)) continue;
    const long pid = std::stol(pid_text);
    const bool writer_gone = pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    const auto age = now - it->last_write_time(e2);
    const bool old = !e2 && age > std::chrono::hours(24);
    if ((writer_gone || old) && fs::remove(it->path(), e2)) ++removed;
  }
  return removed;
}

}  // namespace fascia

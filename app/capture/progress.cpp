#include "capture/progress.h"

#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace fascia::app {

Progress::Progress(int total_frames, bool enabled)
    : total_(total_frames),
      terminal_(isatty(STDERR_FILENO) == 1),
      quiet_([enabled] {
        const char* q = std::getenv("FASCIA_QUIET");
        return !enabled || (q && *q == '1');
      }()),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_) {}

std::string Progress::clock(double s) {
  long t = std::lround(std::max(0.0, s));
  char buf[32];
  if (t >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

void Progress::update(int done) {
  if (quiet_) return;
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double since = std::chrono::duration<double>(now - last_print_).count();
  const bool last = done >= total_;
  if (!last && since < (terminal_ ? 0.2 : 5.0)) return;
  last_print_ = now;
  double fps = elapsed > 0 ? done / elapsed : 0;
  double eta = fps > 0 ? (total_ - done) / fps : 0;
  if (terminal_) {
    constexpr int kWidth = 30;
    int filled = total_ > 0 ? done * kWidth / total_ : kWidth;
    std::string bar(filled, '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r[%s] %d/%d frames  %.1f fps  %s elapsed  ETA %s ", bar.c_str(), done, total_, fps,
                 clock(elapsed).c_str(), clock(eta).c_str());
  } else {
    std::fprintf(stderr, "fascia: frame %d/%d, %.1f fps, %s elapsed, ETA %s\n", done, total_, fps,
                 clock(elapsed).c_str(), clock(eta).c_str());
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (!quiet_ && terminal_) std::fputc('\n', stderr);
}

}  // namespace fascia::app

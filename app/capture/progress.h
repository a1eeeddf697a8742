#pragma once
// Render progress on stderr: a bar redrawn in place on a terminal (frames, fps, elapsed, ETA),
// a plain line every few seconds otherwise (logs, CI), nothing with FASCIA_QUIET=1.
#include <chrono>
#include <string>

namespace fascia::app {

class Progress {
 public:
  explicit Progress(int total_frames, bool enabled = true);
  void update(int frames_done);
  void finish();
  // "1:05" for 65 s.
  static std::string clock(double seconds);

 private:
  int total_;
  bool terminal_, quiet_;
  std::chrono::steady_clock::time_point start_, last_print_;
};

}  // namespace fascia::app

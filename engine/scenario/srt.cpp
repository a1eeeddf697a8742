#include "scenario/srt.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fascia::scenario {

std::string srt_time(double seconds) {
  long long ms = std::llround(std::max(0.0, seconds) * 1000);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld,%03lld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                ms % 1000);
  return buf;
}

std::string to_srt(const Scenario& s, int first_frame, int last_frame) {
  std::vector<const CaptionTrack*> order;
  for (const auto& c : s.captions) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->span.from < b->span.from; });
  const double t0 = s.frame_time(first_frame), t1 = s.frame_time(last_frame + 1);
  std::string out;
  int n = 0;
  for (const auto* c : order) {
    double from = std::max(c->span.from, t0), to = std::min(c->span.to, t1);
    if (to <= from) continue;
    out += std::to_string(++n) + "\n" + srt_time(from - t0) + " --> " + srt_time(to - t0) + "\n" + c->text +
           "\n\n";
  }
  return out;
}

}  // namespace fascia::scenario

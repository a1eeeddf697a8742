#include "learn/review.h"

#include <algorithm>

namespace fascia::learn {

void ReviewQueue::record(const std::string& key, bool correct, int quiz) {
  ReviewState& s = items_[key];
  s.seen += 1;
  if (correct) {
    s.correct += 1;
    s.box = std::min(s.box + 1, kMaxBox);
    s.due = quiz + (1 << s.box);
  } else {
    s.box = 0;
    s.due = quiz + 1;
  }
}

std::vector<std::string> ReviewQueue::due(int quiz) const {
  std::vector<std::pair<int, std::string>> d;
  for (const auto& [key, s] : items_)
    if (s.due <= quiz) d.push_back({s.box, key});
  std::sort(d.begin(), d.end());
  std::vector<std::string> out;
  for (auto& [box, key] : d) out.push_back(key);
  return out;
}

std::vector<std::string> ReviewQueue::missed() const {
  std::vector<std::string> out;
  for (const auto& [key, s] : items_)
    if (s.box == 0 && s.seen > 0) out.push_back(key);
  return out;
}

}  // namespace fascia::learn

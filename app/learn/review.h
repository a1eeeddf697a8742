#pragma once
// Spaced review (a Leitner system counted in quizzes rather than days): a missed item drops to the
// first box and comes back in the very next quiz; each right answer moves it up a box and doubles
// the number of quizzes before it is asked again.
#include <map>
#include <string>
#include <vector>

namespace fascia::learn {

struct ReviewState {
  int box = 0;      // 0 = just missed .. kMaxBox = known well
  int due = 0;      // the quiz number from which it is asked again
  int seen = 0;     // times asked
  int correct = 0;  // times answered right
};

class ReviewQueue {
 public:
  static constexpr int kMaxBox = 5;

  // Records an answer given in quiz number `quiz` (1 for the first quiz).
  void record(const std::string& key, bool correct, int quiz);
  // Keys due in quiz number `quiz`, lowest box first (the most often missed lead), then by key.
  std::vector<std::string> due(int quiz) const;
  // Keys answered wrong the last time they were asked.
  std::vector<std::string> missed() const;

  const std::map<std::string, ReviewState>& items() const { return items_; }
  std::map<std::string, ReviewState>& items() { return items_; }

 private:
  std::map<std::string, ReviewState> items_;
};

}  // namespace fascia::learn

#pragma once
// Quizzes graded against atlas ids, without a window: name the highlighted line, put these stations
// in order, click the structure named, which lines share this track, and plain multiple choice (for
// lesson questions). Every item has a stable key so the review queue can bring it back.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atlas/atlas.h"
#include "learn/anatomy.h"

namespace fascia::learn {

enum class QuizKind { NameLine, OrderStations, ClickStructure, SharedTrack, Choice };
const char* to_string(
    QuizKind k);  // "name_line", "order_stations", "click_structure", "shared_track", "choice"
std::optional<QuizKind> quiz_kind_from(std::string_view s);

struct QuizItem {
  QuizKind kind = QuizKind::NameLine;
  std::string key;      // "name_line:sbl", "order_stations:sbl:0", "click_structure:gastrocnemius", ...
  std::string prompt;   // what the student reads
  std::string subject;  // the line, track or structure asked about
  // What may be answered: line ids (name_line, shared_track), station instance ids in a shuffled
  // order (order_stations), answer texts (choice); empty for click_structure (the click answers).
  std::vector<std::string> choices;
  std::vector<std::string> answer;      // the right ids: in order (order_stations), as a set (shared_track)
  std::vector<std::string> highlight;   // what the window highlights while asking ("sbl.l")
  std::vector<std::string> show_lines;  // lines the window shows while asking; empty = all
  bool hide_names = false;              // the window hides names and labels (they would give it away)
  std::string explanation;              // shown with the feedback
};

// The student's answer: the chosen id(s), the stations in the order given, or the picked id.
using QuizAnswer = std::vector<std::string>;

struct QuizGrade {
  bool correct = false;
  double score = 0;      // 0..1; order and shared-track items give part marks
  std::string feedback;  // "Right: ..." / "Not quite: ..." naming the right answer in words
};

QuizGrade grade(const QuizItem& item, const QuizAnswer& answer, const atlas::Atlas& atlas,
                const Anatomy& anatomy);

// Every key the generator can ask, in a fixed order: the pool quizzes draw from.
std::vector<std::string> quiz_keys(const atlas::Atlas& atlas, const Anatomy& anatomy);
// Builds the item for a key; `seed` picks distractors and shuffles. nullopt for an unknown key.
std::optional<QuizItem> make_item(std::string_view key, const atlas::Atlas& atlas, const Anatomy& anatomy,
                                  uint64_t seed);

// A small deterministic generator (splitmix64): the same seed gives the same quiz everywhere.
class QuizRandom {
 public:
  explicit QuizRandom(uint64_t seed) : state_(seed) {}
  uint64_t next();
  size_t below(size_t n) { return n ? size_t(next() % n) : 0; }
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  uint64_t state_;
};

}  // namespace fascia::learn

#pragma once
// One quiz from start to score: items due for review come first, then fresh ones drawn from the
// pool; each answer is graded at once; finishing records the score and every answer in the
// student's progress, so missed items come back in the next quiz.
#include <cstdint>
#include <vector>

#include "learn/progress.h"
#include "learn/quiz.h"

namespace fascia::learn {

struct QuizOptions {
  size_t count = 8;
  uint64_t seed = 1;
  std::vector<QuizKind> kinds;  // empty = every kind the generator knows
};

// The items of the next quiz (number progress.quizzes_taken + 1).
std::vector<QuizItem> make_quiz(const atlas::Atlas& atlas, const Anatomy& anatomy, const Progress& progress,
                                const QuizOptions& options);

class QuizRun {
 public:
  QuizRun(const atlas::Atlas& atlas, const Anatomy& anatomy, std::vector<QuizItem> items);

  bool finished() const { return index_ >= items_.size(); }
  size_t index() const { return index_; }
  size_t size() const { return items_.size(); }
  const QuizItem* current() const { return finished() ? nullptr : &items_[index_]; }
  // Grades the current item and moves on; a finished run returns an empty grade.
  QuizGrade answer(const QuizAnswer& answer);
  int correct() const;
  const std::vector<QuizGrade>& grades() const { return grades_; }
  // Missed items, for the review at the end.
  std::vector<const QuizItem*> missed() const;
  // Records this quiz (answered items only) in `progress`: its number, score and the review queue.
  void record(Progress& progress) const;

 private:
  const atlas::Atlas* atlas_;
  const Anatomy* anatomy_;
  std::vector<QuizItem> items_;
  std::vector<QuizGrade> grades_;
  size_t index_ = 0;
};

}  // namespace fascia::learn

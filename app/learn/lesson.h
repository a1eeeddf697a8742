#pragma once
// Guided lessons (assets/lessons/*.json, format in docs/lessons.md): a list of steps, each a small
// session-like view (which lines show and on which side, what is highlighted and framed, the camera
// preset, a pose, restrictions, the text) and optionally a question graded like a quiz item.
// Validated on load against the atlas and the anatomy text; errors name the file and JSON path.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atlas/atlas.h"
#include "core/result.h"
#include "learn/anatomy.h"
#include "learn/quiz.h"

namespace fascia::learn {

struct LessonRestriction {
  std::string target;  // a track, tissue-with-side or line id, as `fascia sim --restrict` takes
  double stiffness = 1;
  double shorten_pct = 0;
};

struct LessonStep {
  std::string title;
  std::string text;
  std::vector<std::string> lines;  // line ids to show ("sbl", "sbl.l"); empty = all lines
  std::string side = "both";       // "left", "right" or "both"
  std::vector<std::string> highlight;
  std::string frame;             // id the camera frames; empty = the whole body
  std::string camera = "front";  // "front", "back", "left", "right"
  std::string pose;              // a pose of assets/poses; empty = standing
  std::vector<LessonRestriction> restrictions;
  bool labels = true;  // station labels on the shown lines
  std::optional<QuizItem> question;
  std::string json_path;  // "$.steps[3]", for messages
};

struct Lesson {
  std::string id;  // the file's stem: "sbl", "intro"
  std::string title;
  std::string summary;
  std::string line;  // the line it tours, when it is a line's tour
  std::vector<std::string> sources;
  std::vector<LessonStep> steps;
  std::string file;
};

// What a lesson may name: the atlas, the anatomy text, the pose names (empty = any pose accepted).
struct LessonContext {
  const atlas::Atlas* atlas = nullptr;
  const Anatomy* anatomy = nullptr;
  std::vector<std::string> poses;
};

Result<Lesson> parse_lesson(std::string_view text, const std::string& file, const LessonContext& context);
Result<Lesson> load_lesson(const std::filesystem::path& path, const LessonContext& context);
// Every *.json in `dir`, sorted by the lesson order in docs/lessons.md (intro first, the twelve
// lines, then the restriction lesson; others by name). The first bad file stops it.
Result<std::vector<Lesson>> load_lessons(const std::filesystem::path& dir, const LessonContext& context);

// Steps through a lesson: next/back, progress, the current step.
class LessonPlayer {
 public:
  explicit LessonPlayer(const Lesson& lesson, int start_step = 0);
  const Lesson& lesson() const { return *lesson_; }
  const LessonStep& step() const { return lesson_->steps[index_]; }
  size_t index() const { return index_; }
  size_t size() const { return lesson_->steps.size(); }
  bool at_end() const { return index_ + 1 >= size(); }
  void next();
  void back();
  std::string progress_text() const;  // "Step 3 of 9"
  double progress_fraction() const;   // 0 at the first step, 1 at the last

 private:
  const Lesson* lesson_;
  size_t index_ = 0;
};

}  // namespace fascia::learn

#pragma once
// What a student has done, kept per user in $XDG_DATA_HOME/fascia/progress.json (or
// ~/.local/share/fascia): how far each lesson got, quiz scores, and the review queue. Written
// atomically; a broken file is reported with its path and the place in it, never a crash, and is
// left as it was (the app starts fresh without overwriting it until the student saves again).
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "learn/review.h"

namespace fascia::learn {

struct LessonProgress {
  int step = 0;   // the step reached (0-based)
  int steps = 0;  // how many the lesson had then
  bool done = false;
};

struct QuizRecord {
  int quiz = 0;  // its number, 1 for the first
  int correct = 0;
  int total = 0;
};

struct Progress {
  static constexpr int kVersion = 1;
  int quizzes_taken = 0;
  std::map<std::string, LessonProgress> lessons;  // by lesson id
  std::vector<QuizRecord> history;
  ReviewQueue review;
};

Result<Progress> parse_progress(std::string_view text, const std::string& file);
std::string serialize_progress(const Progress& progress);

// $XDG_DATA_HOME/fascia/progress.json; $HOME/.local/share/fascia/progress.json when XDG_DATA_HOME is
// unset or not absolute (as the XDG base directory specification says).
std::filesystem::path progress_path();
// A missing file is a fresh start (empty progress); an unreadable or broken one is an error.
Result<Progress> load_progress(const std::filesystem::path& path);
// Creates the folder when needed and writes atomically.
Status save_progress(const std::filesystem::path& path, const Progress& progress);

}  // namespace fascia::learn

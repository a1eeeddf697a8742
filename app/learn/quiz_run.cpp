#include "learn/quiz_run.h"

#include <algorithm>
#include <set>

namespace fascia::learn {

std::vector<QuizItem> make_quiz(const atlas::Atlas& atlas, const Anatomy& anatomy, const Progress& progress,
                                const QuizOptions& options) {
  const int number = progress.quizzes_taken + 1;
  auto wanted = [&](const QuizItem& q) {
    return options.kinds.empty() ||
           std::find(options.kinds.begin(), options.kinds.end(), q.kind) != options.kinds.end();
  };
  QuizRandom rng(options.seed * 0x100000001b3ull + uint64_t(number));
  std::vector<QuizItem> out;
  std::set<std::string> taken;
  // Review first, so a missed item is never crowded out by fresh ones.
  for (const std::string& key : progress.review.due(number)) {
    if (out.size() >= options.count) break;
    auto q = make_item(key, atlas, anatomy, rng.next());
    if (q && wanted(*q) && taken.insert(key).second) out.push_back(std::move(*q));
  }
  // Then fresh keys (never asked before) before ones known and not yet due, each group shuffled.
  std::vector<std::string> fresh, known;
  for (const std::string& key : quiz_keys(atlas, anatomy)) {
    if (taken.count(key)) continue;
    (progress.review.items().count(key) ? known : fresh).push_back(key);
  }
  rng.shuffle(fresh);
  rng.shuffle(known);
  const size_t reviewed = out.size();
  // A quiz with room for them asks every kind (a shuffled pool is mostly station orders and shared
  // tracks, which outnumber the lines): first one of each kind it lacks, then the rest as drawn.
  const std::vector<QuizKind> kinds =
      options.kinds.empty() ? std::vector<QuizKind>{QuizKind::NameLine, QuizKind::OrderStations,
                                                    QuizKind::ClickStructure, QuizKind::SharedTrack}
                            : options.kinds;
  auto has_kind = [&](QuizKind k) {
    return std::any_of(out.begin(), out.end(), [&](const QuizItem& q) { return q.kind == k; });
  };
  auto key_kind = [](const std::string& key) { return quiz_kind_from(key.substr(0, key.find(':'))); };
  if (options.count >= kinds.size())
    for (QuizKind k : kinds) {
      if (has_kind(k) || out.size() >= options.count) continue;
      for (const auto* group : {&fresh, &known}) {
        auto it = std::find_if(group->begin(), group->end(), [&](const std::string& key) {
          return !taken.count(key) && key_kind(key) == k;
        });
        if (it == group->end()) continue;
        auto q = make_item(*it, atlas, anatomy, rng.next());
        if (q && taken.insert(*it).second) out.push_back(std::move(*q));
        break;
      }
    }
  for (const auto* group : {&fresh, &known})
    for (const std::string& key : *group) {
      if (out.size() >= options.count) break;
      if (taken.count(key)) continue;
      auto q = make_item(key, atlas, anatomy, rng.next());
      if (q && wanted(*q) && taken.insert(key).second) out.push_back(std::move(*q));
    }
  // The fresh items in a drawn order, so the kinds do not always come in the same sequence.
  std::vector<QuizItem> drawn(std::make_move_iterator(out.begin() + long(reviewed)),
                              std::make_move_iterator(out.end()));
  rng.shuffle(drawn);
  out.resize(reviewed);
  for (QuizItem& q : drawn) out.push_back(std::move(q));
  return out;
}

QuizRun::QuizRun(const atlas::Atlas& atlas, const Anatomy& anatomy, std::vector<QuizItem> items)
    : atlas_(&atlas), anatomy_(&anatomy), items_(std::move(items)) {}

QuizGrade QuizRun::answer(const QuizAnswer& a) {
  if (finished()) return {};
  QuizGrade g = grade(items_[index_], a, *atlas_, *anatomy_);
  grades_.push_back(g);
  ++index_;
  return g;
}

int QuizRun::correct() const {
  return int(std::count_if(grades_.begin(), grades_.end(), [](const QuizGrade& g) { return g.correct; }));
}

std::vector<const QuizItem*> QuizRun::missed() const {
  std::vector<const QuizItem*> out;
  for (size_t i = 0; i < grades_.size(); ++i)
    if (!grades_[i].correct) out.push_back(&items_[i]);
  return out;
}

void QuizRun::record(Progress& progress) const {
  const int number = progress.quizzes_taken + 1;
  progress.quizzes_taken = number;
  progress.history.push_back({number, correct(), int(grades_.size())});
  for (size_t i = 0; i < grades_.size(); ++i)
    if (items_[i].kind != QuizKind::Choice) progress.review.record(items_[i].key, grades_[i].correct, number);
}

}  // namespace fascia::learn

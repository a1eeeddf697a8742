#include "session/history.h"

namespace fascia::session {

History::History(Session initial, size_t limit) : current_(std::move(initial)), limit_(limit) {}

Status History::apply(const Action& a, const std::string& merge_key) {
  Result<Session> next = reduce(current_, a);
  if (!next) return next.error();
  if (next.value() == current_) return ok_status();  // nothing changed: no undo step
  bool merging = !merge_key.empty() && merge_key == merge_key_ && !undo_.empty();
  if (!merging) {
    undo_.push_back(current_);
    if (undo_.size() > limit_) undo_.erase(undo_.begin());
  }
  merge_key_ = merge_key;
  current_ = std::move(next.value());
  redo_.clear();
  ++revision_;
  return ok_status();
}

void History::rewrite(const std::function<std::optional<Session>(const Session&)>& f) {
  for (auto* stack : {&undo_, &redo_})
    for (Session& s : *stack)
      if (auto n = f(s)) s = std::move(*n);
  if (auto n = f(current_); n && !(*n == current_)) {
    current_ = std::move(*n);
    ++revision_;
  }
}

void History::reset(Session s) {
  current_ = std::move(s);
  undo_.clear();
  redo_.clear();
  merge_key_.clear();
  ++revision_;
}

bool History::undo() {
  if (undo_.empty()) return false;
  redo_.push_back(std::move(current_));
  current_ = std::move(undo_.back());
  undo_.pop_back();
  merge_key_.clear();
  ++revision_;
  return true;
}

bool History::redo() {
  if (redo_.empty()) return false;
  undo_.push_back(std::move(current_));
  current_ = std::move(redo_.back());
  redo_.pop_back();
  merge_key_.clear();
  ++revision_;
  return true;
}

}  // namespace fascia::session

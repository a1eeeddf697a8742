#pragma once
// Undo and redo over Session values. A run of actions that share a merge key (one slider drag, one
// camera orbit) is one step: the first pushes the previous value, the rest replace the current one.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "session/actions.h"

namespace fascia::session {

class History {
 public:
  explicit History(Session initial = default_session(), size_t limit = 256);

  const Session& current() const { return current_; }
  // Applies `a`; with a non-empty `merge_key` equal to the previous apply's, the two are one undo step.
  Status apply(const Action& a, const std::string& merge_key = {});
  // Ends a merge run (a slider released), so the next action with the same key is a new step.
  void end_merge() { merge_key_.clear(); }
  // Changes every state, current, undo and redo alike, where `f` gives a new one (nullopt: keeps
  // it): for what is true of the whole timeline, such as a treatment's time having run out. Not an
  // undo step; the revision counts it when the current state changed.
  void rewrite(const std::function<std::optional<Session>(const Session&)>& f);
  // Replaces everything (a session file opened): the history starts again from `s`.
  void reset(Session s);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  bool undo();
  bool redo();
  size_t undo_depth() const { return undo_.size(); }
  // Counts every change of `current()`, so observers can tell whether anything happened.
  uint64_t revision() const { return revision_; }

 private:
  Session current_;
  std::vector<Session> undo_, redo_;
  std::string merge_key_;
  size_t limit_;
  uint64_t revision_ = 0;
};

}  // namespace fascia::session

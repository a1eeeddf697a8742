#pragma once
// Recording a take (after ParaView's trace): the window reports its Session with the time whenever
// it changes, and the recorder turns the changes into a scenario to edit and render. Keys step at
// the moment of each change (ease "step"), so the render shows what the user did, when they did
// it, at the rate the window reported it.
#include <string>
#include <vector>

#include "core/json.h"
#include "session/session.h"

namespace fascia::scenario {

class Recorder {
 public:
  explicit Recorder(session::Session start, std::string title = "A recorded take");
  // The session as it is `t` seconds after recording began (times must not go back; a repeat of
  // the last session is ignored).
  void record(double t, const session::Session& now);
  // The take as a scenario document (docs/scenarios.md) lasting to `end_s`.
  Json scenario(double end_s) const;
  size_t changes() const { return samples_.size(); }

 private:
  struct Sample {
    double t;
    session::Session s;
  };
  std::string title_;
  std::vector<Sample> samples_;  // the first is the start, at 0
};

}  // namespace fascia::scenario

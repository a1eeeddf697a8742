#pragma once
// The timeline at one moment: the Session the live app would hold (built with the same actions its
// reducer applies) plus what only a video shows. A pure function of the time, so frames can be
// rendered in any order and on any machine.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario.h"
#include "session/session.h"

namespace fascia::scenario {

struct ShownLabel {
  std::string text;
  std::array<float, 3> position{0, 0, 0};
  float opacity = 1;  // fades in and out over a quarter second
};

struct ShownCaption {
  std::string text;
  bool title = false;
  float opacity = 1;
};

// What only the video shows, never the simulation.
struct Presentation {
  std::vector<ShownCaption> captions;
  std::vector<ShownLabel> labels;
  std::map<std::string, float> reveal;  // line id -> fraction of it drawn, 0..1 (absent = whole)
  std::string highlight;                // a line kept in colour while the others fade
  std::vector<std::string> markers;     // markers that fall in this frame
};

struct Moment {
  session::Session session;
  Presentation presentation;
};

// The state at time t (seconds). Errors only if the reducer refuses a value, which the parser's
// ranges already exclude.
Result<Moment> evaluate(const Scenario& s, double t);
// The same at frame n: t = n / fps; markers are those in [t, t + 1/fps).
Result<Moment> evaluate_frame(const Scenario& s, int frame);

}  // namespace fascia::scenario

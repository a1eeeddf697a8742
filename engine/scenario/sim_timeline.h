#pragma once
// The simulation under a scenario: it advances in fixed steps of the model's timestep with the
// timeline, taking each frame's Session inputs (session::sync_sim, as the live app does). States
// are stored every few frames, so a frame is reached by seeking from the nearest stored state at or
// before it, and every frame is the same function of its number whichever frame came before.
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario.h"
#include "session/sim_sync.h"
#include "sim/data.h"
#include "sim/model.h"

namespace fascia::scenario {

class SimTimeline {
 public:
  SimTimeline(const sim::Model& m, const Scenario& s, int checkpoint_every = 30);

  // The simulation at frame n (0 <= n). Errors only if a frame's inputs are refused.
  Status seek(int frame);
  int frame() const { return frame_; }
  const sim::Data& data() const { return d_; }
  // The equilibrium with no inputs at all: what tension changes are measured against.
  const sim::Data& baseline() const { return base_; }

  // Each track's mean tension now minus at baseline, newtons, by the model's track names.
  std::map<std::string, double> track_tension_change() const;

  // Whole timesteps from frame 0 to frame n.
  long long steps_to(int frame) const;

 private:
  Status start();
  Status advance();  // frame_ -> frame_ + 1

  const sim::Model& m_;
  const Scenario& s_;
  int every_;
  sim::Data d_, base_;
  session::SimBinding binding_;
  int frame_ = -1;
  // frame -> sim::get_state, with the binding that state's inputs came from (a full state restores
  // the inputs too, so the next sync must take out exactly those).
  struct Stored {
    std::vector<double> state;
    session::SimBinding binding;
  };
  std::map<int, Stored> stored_;
};

}  // namespace fascia::scenario

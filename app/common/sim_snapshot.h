#pragma once
// What the simulation hands the app each time it publishes: plain arrays copied out of a sim::Data
// (the UI copies them under the worker's lock), indexed by the model's element, node and hinge ids.
// The window's worker and the still path fill the same struct, so both colour the same way.
#include <cstdint>
#include <vector>

#include "core/result.h"
#include "session/session.h"
#include "sim/data.h"
#include "sim/model.h"

namespace fascia::app {

struct SimSnapshot {
  double time = 0;                      // s of simulated time
  std::vector<double> element_tension;  // (nelement) N
  std::vector<double> element_strain;   // (nelement)
  std::vector<double> node_x;           // (nnode x 3) m, world
  std::vector<double> hinge_q;          // (nhinge) rad from neutral
  uint64_t session_revision = 0;        // the session the inputs came from
  // The largest added tension the inputs lead to once settled (N), so a change that is still
  // building up or fading out is shown on the scale it will reach; 0 for the body at rest.
  double reference_change_N = 0;
  bool settled = false;  // at rest: nothing moves until the inputs change
};

// Copies the state and the derived tensions of `d` (forces computed for its current state).
void fill_snapshot(const sim::Data& d, SimSnapshot& out);

// The body at rest with no inputs: what a change in tension is measured against.
SimSnapshot baseline_snapshot(const sim::Model& m);

// The equilibrium under a session's simulation inputs (the still path and tests); an unknown id is
// an error naming it.
Result<SimSnapshot> equilibrium_snapshot(const sim::Model& m, const session::Session& s);

}  // namespace fascia::app

#pragma once
// Puts a Session's simulation inputs into a sim::Data through the simulation's typed calls: one
// function that the window's sim worker, scenario rendering and the CLI share, so the same session
// always means the same simulation. Ids are resolved against the model here; an unknown id is an
// error naming it.
#include <vector>

#include "core/result.h"
#include "session/session.h"
#include "sim/data.h"
#include "sim/model.h"

namespace fascia::session {

// What a sync put into the Data, so the next sync can take exactly that out again.
struct SimBinding {
  std::vector<int> restriction_ids;
  std::vector<int> load_ids;
  std::vector<int> held_hinges;
};

// Replaces the inputs the previous sync made with the session's: restrictions (with their release
// start times, in the Data's clock), loads, holds and breathing depth. The state (positions,
// velocities, time) is left as it is, so the dynamics carry on from where they are.
Status sync_sim(const sim::Model& m, const Session& s, sim::Data& d, SimBinding& binding);

// A joint name as the user gives it (a hinge such as talus.l, or ankle.l, knee.l, hip.l), as the
// model's hinge index; -1 when unknown.
int resolve_joint(const sim::Model& m, const std::string& joint);
// The node a load on a station or track pulls (a track: its middle node); -1 when unknown.
int resolve_load_node(const sim::Model& m, const std::string& place);

}  // namespace fascia::session

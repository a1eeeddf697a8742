#include "common/sim_snapshot.h"

#include "session/sim_sync.h"
#include "sim/solver.h"

namespace fascia::app {

void fill_snapshot(const sim::Data& d, SimSnapshot& out) {
  out.time = d.time;
  // assign() reuses the vectors' storage, so publishing does not allocate after the first time.
  out.element_tension.assign(d.element_tension.begin(), d.element_tension.end());
  out.element_strain.assign(d.element_strain.begin(), d.element_strain.end());
  out.node_x.assign(d.node_x.begin(), d.node_x.end());
  out.hinge_q.assign(d.hinge_q.begin(), d.hinge_q.end());
}

SimSnapshot baseline_snapshot(const sim::Model& m) {
  sim::Data d = sim::make_data(m);
  sim::equilibrium(m, d);
  SimSnapshot s;
  fill_snapshot(d, s);
  s.settled = true;
  return s;
}

Result<SimSnapshot> equilibrium_snapshot(const sim::Model& m, const session::Session& session) {
  sim::Data d = sim::make_data(m);
  session::SimBinding binding;
  FASCIA_TRY(session::sync_sim(m, session, d, binding));
  sim::equilibrium(m, d);
  SimSnapshot s;
  fill_snapshot(d, s);
  s.settled = true;
  return s;
}

}  // namespace fascia::app

#pragma once
// The simulation data, after MuJoCo's mjData: allocated once from a Model; state and inputs first,
// then the quantities each stage derives. Steps and solves only write into these arrays.
#include <cstdint>
#include <vector>

#include "sim/model.h"

namespace fascia::sim {

// A restriction: a stiffness multiplier and/or a shorter slack length on a set of elements (one
// element, a track, a line segment). Records stack (multipliers multiply, shortenings compound) and
// are applied to the derived parameters each step, so removing one undoes it exactly.
struct Restriction {
  int id = 0;
  std::vector<int> elements;
  double stiffness_x = 1.0;   // [0.1, 10]
  double shorten_pct = 0.0;   // [0, 10] % of slack length
  double release_start = -1;  // s of Data::time when a release began, -1 = none
};

// An external load at a node: traction (frequency 0) or oscillation F sin(2π f t + φ).
struct Load {
  int id = 0;
  int node = -1;
  double force[3] = {0, 0, 0};  // N amplitude
  double frequency = 0;         // Hz
  double phase = 0;             // rad
};

struct Data {
  // ---- state ----
  double time = 0;
  std::vector<double> node_x;      // (nnode x 3) m, world
  std::vector<double> node_v;      // (nnode x 3) m/s
  std::vector<double> hinge_q;     // (nhinge) rad from neutral
  std::vector<double> hinge_qdot;  // (nhinge) rad/s

  // ---- inputs ----
  std::vector<double> hinge_target;   // (nhinge) rad, held when locked
  std::vector<uint8_t> hinge_locked;  // (nhinge)
  std::vector<Restriction> restrictions;
  std::vector<Load> loads;
  double breath_amplitude = 0;  // 0..1 of full inspiration depth, cycling with opt.breath_period
  // The body stands: each hinge also carries its posture stiffness (Model::hinge_posture), what
  // keeps a standing body upright against gravity. `rom` clears it while it measures (a passive
  // range is taken lying relaxed) and restores it.
  bool standing = true;
  int next_id = 1;
  // How much of the restrictions and loads acts, 0..1: 1 always, except while `equilibrium` ramps
  // them in (continuation when Newton stalls from the current state).
  double input_scale = 1;

  // ---- stage: parameters (restrictions, releases, posture-dependent anchors) ----
  std::vector<double> element_k;      // (nelement) N per unit strain
  std::vector<double> element_slack;  // (nelement) m
  std::vector<double> node_k;         // (nnode) N/m anchor

  // ---- stage: kinematics ----
  std::vector<double> hinge_rot;      // (nhinge x 9) world rotation of the hinge's bone, row-major
  std::vector<double> hinge_pos;      // (nhinge x 3) translation: world = R p0 + t
  std::vector<double> hinge_waxis;    // (nhinge x 3) world axis
  std::vector<double> hinge_wcentre;  // (nhinge x 3) world centre
  std::vector<double> node_target;    // (nnode x 3) bone point (+ breathing), world

  // ---- stage: forces ----
  std::vector<double> element_length;     // (nelement) m
  std::vector<double> element_strain;     // (nelement)
  std::vector<double> element_tension;    // (nelement) N, >= 0
  std::vector<double> element_dtension;   // (nelement) dF/dε, N
  std::vector<double> node_anchor_force;  // (nnode x 3) N, pulled by the tissue off the bone
  std::vector<double> hinge_torque;       // (nhinge) N·m, passive: hinge spring + tissue, about +axis
  std::vector<double> load_force;         // (nload x 3 at most kMaxLoads) N, now
  double energy = 0;                      // J
  double dissipation = 0;                 // W/2: half the damping power at the current velocities

  // ---- stage: solver ----
  std::vector<double> grad;               // (ndof)
  std::vector<double> delta;              // (ndof)
  std::vector<double> rhs;                // (ndof)
  std::vector<double> save_x, save_v;     // (nnode x 3) line-search / step backup
  std::vector<double> save_q, save_qdot;  // (nhinge)
  std::vector<double> trial_v;            // (nnode x 3) step line search
  std::vector<double> trial_qdot;         // (nhinge)
  SparseLdlt solver;
  int iterations = 0;   // of the last solve
  double residual = 0;  // max |gradient| of the last solve, N or N·m
  bool converged = false;
  int64_t factorizations = 0;
  int factor_kind = 0;         // what d.solver holds: 0 nothing, 1 the static Hessian, 2 a step matrix
  int factor_age = 0;          // steps since the step matrix was factorised
  int continuation_steps = 0;  // of the last equilibrium: 0 when Newton converged directly
  std::vector<double> ramp_x, ramp_q, ramp_target;  // continuation: last converged state, final holds
};

inline constexpr int kMaxLoads = 16;

Data make_data(const Model& m);

// What get_state/set_state copy, after MuJoCo's mjtState: bits, combined with |. Everything a step
// reads besides the Model is in kStateFull, so a Data set to a full state steps bit for bit as the one
// it came from did (the step's cached factorisation is not state: set_state drops it, and a step
// refactorises; with opt.refactor_interval = 1 every step does).
enum StateSpec : unsigned {
  kStateTime = 1u << 0,          // time
  kStatePosition = 1u << 1,      // node_x, hinge_q
  kStateVelocity = 1u << 2,      // node_v, hinge_qdot
  kStateHolds = 1u << 3,         // hinge_target, hinge_locked
  kStateRestrictions = 1u << 4,  // every record: id, stiffness_x, shorten_pct, release_start, elements
  kStateLoads = 1u << 5,         // every load: id, node, force, frequency, phase
  kStateBreathing = 1u << 6,     // breath_amplitude
  kStateIds = 1u << 7,           // next_id, so ids handed out after a restore match the original's
  kStateStanding = 1u << 8,      // standing (0 or 1)
  kStatePhysics = kStateTime | kStatePosition | kStateVelocity,
  kStateInputs =
      kStateHolds | kStateRestrictions | kStateLoads | kStateBreathing | kStateIds | kStateStanding,
  kStateFull = kStatePhysics | kStateInputs,
};

// The state as one flat vector: a header (spec, nnode, nhinge, nelement), then the parts the spec
// names in the order above; restrictions and loads as a count, then their records.
std::vector<double> get_state(const Model& m, const Data& d, unsigned spec = kStateFull);
size_t state_size(const Model& m, const Data& d, unsigned spec = kStateFull);
// Copies the parts `spec` names back. Checks the header against the model and the spec, every count
// and size, element and node indices and value ranges; on any mismatch returns false and leaves `d`
// as it was.
bool set_state(const Model& m, Data& d, const std::vector<double>& state, unsigned spec = kStateFull);
// Back to the neutral pose, at rest, time 0; keeps restrictions, loads and locks.
void reset(const Model& m, Data& d);

// Restrictions and treatments. Each returns the record's id (0 when the arguments are out of range).
int add_restriction(Data& d, std::vector<int> elements, double stiffness_x, double shorten_pct);
bool remove_restriction(Data& d, int id);
bool start_release(Data& d, int id);  // sustained pressure from now on
int add_load(Data& d, int node, const double force[3], double frequency = 0, double phase = 0);
bool remove_load(Data& d, int id);
void lock_hinge(Data& d, int hinge, double angle);
void unlock_hinge(Data& d, int hinge);

}  // namespace fascia::sim

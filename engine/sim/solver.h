#pragma once
// The solvers: quasi-static equilibrium (Newton, sparse LDLᵀ, warm-started from the current state), a
// damped implicit dynamic step (what the user watches), the adjoint trace and passive range of motion.
#include <string>
#include <vector>

#include "sim/data.h"
#include "sim/model.h"

namespace fascia::sim {

// Newton on the total energy from the current state; velocities are zeroed. Returns d.converged.
bool equilibrium(const Model& m, Data& d);

// One implicit Euler step of m.opt.timestep (Newton iterations m.opt.step_iterations). No allocation.
void step(const Model& m, Data& d);

// Where a trace looks: an element, or a station (the load its anchor carries).
struct TraceTarget {
  int element = -1;
  int station = -1;
};

struct TraceResult {
  double load = 0;                         // N at the target
  std::vector<double> element_dshorten;    // (nelement) N per 1 % shortening of each element
  std::vector<double> element_dstiffness;  // (nelement) N per 1 % stiffening of each element
  std::vector<double> track_dshorten;      // (ntrack) the same for a whole track
  std::vector<double> track_dstiffness;    // (ntrack)
  std::vector<int> track_rank;             // tissue tracks (not links) by |track_dshorten|, largest first
};

// Sensitivity of the target's load to a restriction at every element, from one adjoint solve on the
// factorised Hessian at the current (converged) equilibrium.
TraceResult trace(const Model& m, Data& d, TraceTarget target);
// The same without allocating: fills `out` (nelement) with N per 1 % shortening; returns the load.
double trace_into(const Model& m, Data& d, TraceTarget target, double* dshorten, double* dstiffness);

struct RomResult {
  double angle = 0;       // rad from neutral, in the hinge's positive (named) direction
  double rest_angle = 0;  // rad, where the hinge settles free
  double torque = 0;      // N·m at `angle`
  bool reached = false;   // false when the torque never reached the threshold within the search
};

// Passive range of motion under the current restrictions: the angle at which the torque needed to
// hold the joint reaches its threshold. A group of hinges (the neck: cervical_lower, cervical_upper,
// skull) moves together, each by an equal share of the angle; its torque is the generalised force
// Σ τi / n against the mean of the members' thresholds. The state is restored afterwards.
RomResult rom(const Model& m, Data& d, int hinge);
RomResult rom(const Model& m, Data& d, const std::vector<int>& hinges);
// The same in either direction: +1 the named motion (flexion), -1 its opposite (extension); the
// angles in the result are then measured in that direction (an extension range is positive).
RomResult rom(const Model& m, Data& d, const std::vector<int>& hinges, int direction);

// Named joints for `rom`: a hinge name, or a group ("neck", "neck.l" is not a thing: the neck is
// midline). Returns the hinges, empty when the name is unknown.
std::vector<int> rom_joint(const Model& m, const std::string& name);

}  // namespace fascia::sim

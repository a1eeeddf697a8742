#pragma once
// The stages of a forward pass (parameters, kinematics, forces) and the assembly of the linear
// system. `forward` runs all three stages; solvers call the stages they need.
#include <utility>
#include <vector>

#include "sim/data.h"
#include "sim/model.h"

namespace fascia::sim {

// Blankevoort's ligament law: tension (N) and its derivative dF/dε for strain ε, stiffness k (N per
// unit strain) and toe strain εt; energy per unit slack length in `w`.
struct Blankevoort {
  double force, dforce, energy_density;
};
Blankevoort blankevoort(double strain, double k, double toe_strain);

// A hinge's passive spring at angle q: energy (J), torque (N·m) and stiffness (N·m/rad); with
// `standing`, its posture stiffness about neutral too.
struct HingeSpring {
  double energy, torque, stiffness;
};
HingeSpring hinge_spring(const Model& m, int h, double q, bool standing = false);

void forward_params(const Model& m, Data& d);
void forward_kinematics(const Model& m, Data& d);
// Tensions, anchor forces, hinge torques, energy and its gradient d.grad (plus damping forces at the
// current velocities, which are zero in the quasi-static solve).
void forward_forces(const Model& m, Data& d);
void forward(const Model& m, Data& d);

// The anchor's Hessian at node n (after forward_forces) times v: what a change of the node's position
// does to its anchor force (k v for a linear anchor).
void anchor_hessian_times(const Model& m, const Data& d, int n, const double v[3], double out[3]);

// Adds into the matrix, in an order that depends only on the model's structure, so the pattern can be
// recorded once (record != nullptr) and replayed into fixed slots afterwards.
struct Assembler {
  double* values = nullptr;
  const int* slots = nullptr;
  int cursor = 0;
  std::vector<std::pair<int, int>>* record = nullptr;
  void add(int i, int j, double v) {
    if (record) {
      record->emplace_back(i, j);
    } else {
      values[slots[cursor++]] += v;
    }
  }
};

// Matrix = k_scale·(Hessian of the energy) + c_scale·(damping) + mass_scale·(masses, inertias).
// Quasi-static: (1, 0, 0). Implicit step with h: (h², h, 1). Locked hinges become identity rows.
void assemble(const Model& m, Data& d, Assembler& a, double k_scale, double c_scale, double mass_scale);
void assemble_matrix(const Model& m, Data& d, double k_scale, double c_scale, double mass_scale);

// Max |gradient| over node dofs and over hinge dofs (locked hinges excluded).
std::pair<double, double> residual_norms(const Model& m, const Data& d);

}  // namespace fascia::sim

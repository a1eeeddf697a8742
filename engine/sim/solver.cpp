#include "sim/solver.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/forward.h"
#include "sim/joint_ranges.h"

namespace fascia::sim {
namespace {

void apply_delta(const Model& m, Data& d, double alpha) {
  for (int n = 0; n < m.nnode; ++n) {
    int k = m.node_dof[n];
    if (k < 0) continue;
    for (int c = 0; c < 3; ++c) d.node_x[3 * n + c] = d.save_x[3 * n + c] + alpha * d.delta[k + c];
  }
  const int hinge0 = 3 * m.nfree;
  for (int h = 0; h < m.nhinge; ++h) {
    d.hinge_q[h] = d.hinge_locked[h] ? d.hinge_target[h] : d.save_q[h] + alpha * d.delta[hinge0 + h];
  }
}

void hold_locked(const Model& m, Data& d) {
  for (int h = 0; h < m.nhinge; ++h) {
    if (d.hinge_locked[h]) {
      d.hinge_q[h] = d.hinge_target[h];
      d.hinge_qdot[h] = 0;
    }
  }
}

// Newton on the energy from the current state, with the inputs as they are now.
bool newton(const Model& m, Data& d) {
  std::fill(d.node_v.begin(), d.node_v.end(), 0.0);
  std::fill(d.hinge_qdot.begin(), d.hinge_qdot.end(), 0.0);
  hold_locked(m, d);
  forward(m, d);
  d.converged = false;
  // Newton with a backtracking line search on the energy; when a step finds no decrease (far from
  // equilibrium the hinge terms make the Hessian indefinite and the step wild), the diagonal is
  // raised (Levenberg–Marquardt, A + μ diag A) until it does, and μ falls again as steps succeed.
  double mu = 0;
  int it = 0;
  for (; it < m.opt.max_iterations; ++it) {
    auto [fn, fh] = residual_norms(m, d);
    d.residual = std::max(fn, fh);
    if (!std::isfinite(d.residual)) break;
    if (fn < m.opt.force_tolerance && fh < m.opt.torque_tolerance) {
      d.converged = true;
      break;
    }
    assemble_matrix(m, d, 1, 0, 0);
    if (mu > 0) {
      SparseLdlt& s = d.solver;
      for (int k = 0; k < s.n; ++k) s.a_value[s.a_colptr[k + 1] - 1] *= 1 + mu;
    }
    ldlt_factorize(d.solver);
    d.factorizations++;
    d.factor_kind = 1;
    for (int i = 0; i < m.ndof; ++i) d.delta[i] = -d.grad[i];
    ldlt_solve(d.solver, d.delta.data());

    std::copy(d.node_x.begin(), d.node_x.end(), d.save_x.begin());
    std::copy(d.hinge_q.begin(), d.hinge_q.end(), d.save_q.begin());
    const double e0 = d.energy;
    double slope = 0;
    for (int i = 0; i < m.ndof; ++i) slope += d.grad[i] * d.delta[i];
    double alpha = 1;
    bool accepted = false;
    for (int ls = 0; ls < 12 && std::isfinite(slope) && slope < 0; ++ls) {
      apply_delta(m, d, alpha);
      forward_kinematics(m, d);
      forward_forces(m, d);
      if (std::isfinite(d.energy) && d.energy <= e0 + 1e-4 * alpha * slope + 1e-13 * std::abs(e0)) {
        accepted = true;
        break;
      }
      alpha *= 0.5;
    }
    if (accepted) {
      mu = mu > 1e-6 ? mu * 0.1 : 0.0;
      continue;
    }
    if (std::isfinite(slope) && -slope < 1e-9 * std::abs(e0)) {
      // The decrease drowns in the energy's round-off: near the solution, take the Newton step.
      apply_delta(m, d, 1);
      forward_kinematics(m, d);
      forward_forces(m, d);
      continue;
    }
    // Back to the last good state, with a stiffer diagonal.
    apply_delta(m, d, 0);
    forward_kinematics(m, d);
    forward_forces(m, d);
    mu = std::max(1e-4, mu * 10);
    if (mu > 1e8) break;
  }
  if (!d.converged) {
    auto [rn, rh] = residual_norms(m, d);
    d.residual = std::max(rn, rh);
  }
  d.iterations = it;
  return d.converged;
}

// Inputs at a fraction of their full effect: restrictions and loads scaled, holds moved that far
// from neutral toward their targets.
void set_ramp(const Model& m, Data& d, double lambda) {
  d.input_scale = lambda;
  for (int h = 0; h < m.nhinge; ++h) {
    if (d.hinge_locked[h]) d.hinge_target[h] = lambda * d.ramp_target[h];
  }
}

}  // namespace

bool equilibrium(const Model& m, Data& d) {
  d.continuation_steps = 0;
  if (newton(m, d)) return true;
  // Newton stalled (a large change far from the current state, where the toe region and the hinge
  // stiffening make the energy strongly non-convex). Continuation: from the neutral pose with no
  // inputs, ramp the restrictions, loads and holds in, each stage warm-started from the last
  // converged one; a stage that fails is retried with half the increment.
  int iterations = d.iterations;
  std::copy(d.hinge_target.begin(), d.hinge_target.end(), d.ramp_target.begin());
  std::copy(m.node_pos0.begin(), m.node_pos0.end(), d.node_x.begin());
  std::fill(d.hinge_q.begin(), d.hinge_q.end(), 0.0);
  set_ramp(m, d, 0);
  bool ok = newton(m, d);
  iterations += d.iterations;
  double lambda = 0, increment = 0.25;
  while (ok && lambda < 1) {
    std::copy(d.node_x.begin(), d.node_x.end(), d.ramp_x.begin());
    std::copy(d.hinge_q.begin(), d.hinge_q.end(), d.ramp_q.begin());
    double next = std::min(1.0, lambda + increment);
    set_ramp(m, d, next);
    bool stage = newton(m, d);
    iterations += d.iterations;
    d.continuation_steps++;
    if (stage) {
      lambda = next;
      increment = std::min(0.5, 2 * increment);
      continue;
    }
    std::copy(d.ramp_x.begin(), d.ramp_x.end(), d.node_x.begin());
    std::copy(d.ramp_q.begin(), d.ramp_q.end(), d.hinge_q.begin());
    increment *= 0.5;
    if (increment < 1.0 / 4096) ok = false;
  }
  set_ramp(m, d, 1);
  d.input_scale = 1;
  if (!ok || lambda < 1) {
    forward(m, d);
    auto [fn, fh] = residual_norms(m, d);
    d.residual = std::max(fn, fh);
    d.converged = false;
  }
  d.iterations = iterations;
  return d.converged;
}

void step(const Model& m, Data& d) {
  const double h = m.opt.timestep;
  d.time += h;
  forward_params(m, d);
  hold_locked(m, d);
  std::copy(d.node_x.begin(), d.node_x.end(), d.save_x.begin());
  std::copy(d.node_v.begin(), d.node_v.end(), d.save_v.begin());
  std::copy(d.hinge_q.begin(), d.hinge_q.end(), d.save_q.begin());
  std::copy(d.hinge_qdot.begin(), d.hinge_qdot.end(), d.save_qdot.begin());
  const int hinge0 = 3 * m.nfree;

  // Backward Euler as a minimisation over the new velocities v' (the incremental potential):
  //   Φ(v') = E(x + h v') + ½ (v' - v)ᵀ M (v' - v) + h · ½ v'ᵀ C v',
  // whose gradient h ∇E + M (v' - v) + h C v' is the implicit Euler residual and whose Hessian is
  // M + h C + h² K. Newton with a backtracking line search on Φ stays stable however stiff the
  // tissue gets (the toe region stiffens sharply), where a single linearised step would overshoot.
  auto place = [&]() {
    for (int n = 0; n < m.nnode; ++n) {
      if (m.node_dof[n] < 0) continue;
      for (int c = 0; c < 3; ++c) d.node_x[3 * n + c] = d.save_x[3 * n + c] + h * d.node_v[3 * n + c];
    }
    for (int j = 0; j < m.nhinge; ++j) {
      if (!d.hinge_locked[j]) d.hinge_q[j] = d.save_q[j] + h * d.hinge_qdot[j];
    }
    forward_kinematics(m, d);
    forward_forces(m, d);
    double phi = d.energy + h * d.dissipation;
    for (int n = 0; n < m.nnode; ++n) {
      for (int c = 0; c < 3; ++c) {
        double dv = d.node_v[3 * n + c] - d.save_v[3 * n + c];
        phi += 0.5 * m.node_mass[n] * dv * dv;
      }
    }
    for (int j = 0; j < m.nhinge; ++j) {
      double dw = d.hinge_qdot[j] - d.save_qdot[j];
      phi += 0.5 * m.hinge_inertia[j] * dw * dw;
    }
    return phi;
  };
  auto set_velocity = [&](const double* v0, const double* w0, double alpha) {
    for (int n = 0; n < m.nnode; ++n) {
      int k = m.node_dof[n];
      if (k < 0) continue;
      for (int c = 0; c < 3; ++c) d.node_v[3 * n + c] = v0[3 * n + c] + alpha * d.delta[k + c];
    }
    for (int j = 0; j < m.nhinge; ++j) {
      if (!d.hinge_locked[j]) d.hinge_qdot[j] = w0[j] + alpha * d.delta[hinge0 + j];
    }
  };
  // Start from v' = 0 (the current configuration): the first Newton step is then the linearly
  // implicit Euler step, and the line search guarantees Φ(v') <= Φ(0) = E(x) + ½ vᵀ M v, so the
  // step never adds energy.
  std::fill(d.node_v.begin(), d.node_v.end(), 0.0);
  std::fill(d.hinge_qdot.begin(), d.hinge_qdot.end(), 0.0);
  double phi = place();
  for (int it = 0; it < m.opt.step_iterations; ++it) {
    // Residual r = M (v' - v) + h g; Newton direction -A⁻¹ r.
    double rmax = 0;
    for (int n = 0; n < m.nnode; ++n) {
      int k = m.node_dof[n];
      if (k < 0) continue;
      for (int c = 0; c < 3; ++c) {
        double r = m.node_mass[n] * (d.node_v[3 * n + c] - d.save_v[3 * n + c]) + h * d.grad[k + c];
        d.rhs[k + c] = r;
        rmax = std::max(rmax, std::abs(r) / h);
      }
    }
    for (int j = 0; j < m.nhinge; ++j) {
      double r = d.hinge_locked[j]
                     ? 0.0
                     : m.hinge_inertia[j] * (d.hinge_qdot[j] - d.save_qdot[j]) + h * d.grad[hinge0 + j];
      d.rhs[hinge0 + j] = r;
      rmax = std::max(rmax, std::abs(r) / h);
    }
    if (it > 0 && rmax < m.opt.force_tolerance) break;
    // The matrix M + hC + h²K changes slowly from step to step: refactorise it every few steps
    // (and after a line search had to shorten the step), otherwise reuse the factor.
    if (d.factor_kind != 2 || d.factor_age >= m.opt.refactor_interval - 1 || it > 0) {
      assemble_matrix(m, d, h * h, h, 1);
      ldlt_factorize(d.solver);
      d.factorizations++;
      d.factor_kind = 2;
      d.factor_age = 0;
    } else {
      d.factor_age++;
    }
    double slope = 0;
    for (int i = 0; i < m.ndof; ++i) {
      d.delta[i] = -d.rhs[i];
    }
    ldlt_solve(d.solver, d.delta.data());
    for (int i = 0; i < m.ndof; ++i) slope += d.rhs[i] * d.delta[i];
    // The line search starts from this iterate's velocities.
    std::copy(d.node_v.begin(), d.node_v.end(), d.trial_v.begin());
    std::copy(d.hinge_qdot.begin(), d.hinge_qdot.end(), d.trial_qdot.begin());
    double alpha = 1;
    bool accepted = false;
    for (int ls = 0; ls < 20; ++ls) {
      set_velocity(d.trial_v.data(), d.trial_qdot.data(), alpha);
      double next = place();
      if (std::isfinite(next) && next <= phi + 1e-4 * alpha * slope + 1e-13 * std::abs(phi)) {
        phi = next;
        accepted = true;
        break;
      }
      alpha *= 0.5;
      d.factor_age = m.opt.refactor_interval;  // a short step: refactorise next time
    }
    if (!accepted) {
      // Near the solution the decrease of Φ drowns in its round-off: the Newton step is then the
      // right one to take. Otherwise keep the iterate and end the step.
      bool roundoff = -slope < 1e-9 * std::abs(phi);
      if (roundoff) {
        set_velocity(d.trial_v.data(), d.trial_qdot.data(), 1.0);
      } else {
        // Not a descent direction: stop the motion for this step rather than coast on.
        std::fill(d.node_v.begin(), d.node_v.end(), 0.0);
        std::fill(d.hinge_qdot.begin(), d.hinge_qdot.end(), 0.0);
      }
      phi = place();
      if (!roundoff) break;
    }
  }
  auto [fn, fh] = residual_norms(m, d);
  d.residual = std::max(fn, fh);
}

double trace_into(const Model& m, Data& d, TraceTarget target, double* dshorten, double* dstiffness) {
  // λ = H⁻¹ ∂load/∂u, then dload/dθj = ∂load/∂θj - λᵀ ∂g/∂θj for each element's parameter θj.
  assemble_matrix(m, d, 1, 0, 0);
  ldlt_factorize(d.solver);
  d.factorizations++;
  d.factor_kind = 1;
  std::fill(d.rhs.begin(), d.rhs.end(), 0.0);
  double load = 0;
  const int hinge0 = 3 * m.nfree;
  auto elem_dir = [&](int e, double* n) {
    int a = m.element_node[2 * e], b = m.element_node[2 * e + 1];
    double len = d.element_length[e];
    for (int c = 0; c < 3; ++c) n[c] = len > 0 ? (d.node_x[3 * b + c] - d.node_x[3 * a + c]) / len : 0;
  };
  if (target.element >= 0) {
    int e = target.element;
    load = d.element_tension[e];
    double n[3];
    elem_dir(e, n);
    double s = d.element_dtension[e] / d.element_slack[e];
    int da = m.node_dof[m.element_node[2 * e]], db = m.node_dof[m.element_node[2 * e + 1]];
    for (int c = 0; c < 3; ++c) {
      if (db >= 0) d.rhs[db + c] += s * n[c];
      if (da >= 0) d.rhs[da + c] -= s * n[c];
    }
  } else if (target.station >= 0) {
    int node = m.station_node[target.station];
    const double* f = &d.node_anchor_force[3 * node];
    load = std::sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]);
    int dn = m.node_dof[node];
    if (load > 0 && dn >= 0) {
      // d|f|/dx = H u, u = f/|f|, H the anchor's Hessian (k I for a linear anchor).
      double u[3] = {f[0] / load, f[1] / load, f[2] / load}, hu[3];
      anchor_hessian_times(m, d, node, u, hu);
      for (int c = 0; c < 3; ++c) d.rhs[dn + c] = hu[c];
      int fr = m.node_frame[node];
      if (fr >= 0) {
        const double* p = &d.node_target[3 * node];
        for (int i = 0; i < m.hinge_ancestor_num[fr]; ++i) {
          int j = m.hinge_ancestor[m.hinge_ancestor_adr[fr] + i];
          const double* a = &d.hinge_waxis[3 * j];
          const double* cc = &d.hinge_wcentre[3 * j];
          double r[3] = {p[0] - cc[0], p[1] - cc[1], p[2] - cc[2]};
          double jac[3] = {a[1] * r[2] - a[2] * r[1], a[2] * r[0] - a[0] * r[2], a[0] * r[1] - a[1] * r[0]};
          d.rhs[hinge0 + j] -= hu[0] * jac[0] + hu[1] * jac[1] + hu[2] * jac[2];
        }
      }
    }
  }
  for (int j = 0; j < m.nhinge; ++j)
    if (d.hinge_locked[j]) d.rhs[hinge0 + j] = 0;
  ldlt_solve(d.solver, d.rhs.data());

  for (int e = 0; e < m.nelement; ++e) {
    int da = m.node_dof[m.element_node[2 * e]], db = m.node_dof[m.element_node[2 * e + 1]];
    double n[3];
    elem_dir(e, n);
    double proj = 0;  // (λb - λa)·n
    for (int c = 0; c < 3; ++c) {
      if (db >= 0) proj += d.rhs[db + c] * n[c];
      if (da >= 0) proj -= d.rhs[da + c] * n[c];
    }
    // Shortening the slack by a fraction σ raises strain by (1 + ε) σ; stiffening by δ raises F by F δ.
    double dF_dshorten = d.element_dtension[e] * (1 + d.element_strain[e]);
    double dF_dstiff = d.element_tension[e];
    bool self = e == target.element;
    dshorten[e] = 0.01 * ((self ? dF_dshorten : 0) - dF_dshorten * proj);
    dstiffness[e] = 0.01 * ((self ? dF_dstiff : 0) - dF_dstiff * proj);
  }
  return load;
}

TraceResult trace(const Model& m, Data& d, TraceTarget target) {
  TraceResult r;
  r.element_dshorten.assign(m.nelement, 0.0);
  r.element_dstiffness.assign(m.nelement, 0.0);
  r.load = trace_into(m, d, target, r.element_dshorten.data(), r.element_dstiffness.data());
  r.track_dshorten.assign(m.ntrack, 0.0);
  r.track_dstiffness.assign(m.ntrack, 0.0);
  for (int e = 0; e < m.nelement; ++e) {
    int t = m.element_track[e];
    if (t < 0) continue;
    r.track_dshorten[t] += r.element_dshorten[e];
    r.track_dstiffness[t] += r.element_dstiffness[e];
  }
  // Rank the tissue a therapist can treat: shear links inside stations are not sources.
  r.track_rank.clear();
  for (int t = 0; t < m.ntrack; ++t) {
    bool link = m.track_element_num[t] > 0 && m.element_link[m.track_element[m.track_element_adr[t]]];
    if (!link) r.track_rank.push_back(t);
  }
  std::stable_sort(r.track_rank.begin(), r.track_rank.end(), [&](int a, int b) {
    return std::abs(r.track_dshorten[a]) > std::abs(r.track_dshorten[b]);
  });
  return r;
}

RomResult rom(const Model& m, Data& d, int hinge) {
  return rom(m, d, std::vector<int>{hinge});
}

RomResult rom(const Model& m, Data& d, const std::vector<int>& hinges) {
  return rom(m, d, hinges, +1);
}

RomResult rom(const Model& m, Data& d, const std::vector<int>& hinges, int direction) {
  RomResult r;
  if (hinges.empty()) return r;
  const double sign = direction < 0 ? -1.0 : 1.0;
  std::vector<double> saved = get_state(m, d);
  d.standing = false;  // a passive range is measured lying relaxed, not standing
  const double n = double(hinges.size());
  equilibrium(m, d);
  for (int h : hinges) r.rest_angle += sign * d.hinge_q[h];
  double threshold = 0;
  for (int h : hinges) threshold += m.hinge_rom_torque[h] / n;
  // A group (the neck) moves in its segments' shares of the region's range (joint_ranges.h).
  const std::vector<double> share = range_shares(m, hinges, direction);
  auto torque_at = [&](double angle) {
    for (size_t i = 0; i < hinges.size(); ++i) lock_hinge(d, hinges[i], sign * angle * share[i]);
    equilibrium(m, d);
    double tau = 0;
    for (int h : hinges) tau += sign * d.hinge_torque[h] / n;
    return tau;
  };
  // March out from the rest angle until the holding torque passes the threshold, then bisect.
  const double step_size = 0.05 * n, max_angle = 3.2 * n;
  double lo = r.rest_angle, hi = lo;
  double tau_hi = 0;
  while (hi < max_angle) {
    double next = std::min(hi + step_size, max_angle);
    tau_hi = torque_at(next);
    if (tau_hi >= threshold) {
      lo = hi;
      hi = next;
      r.reached = true;
      break;
    }
    hi = next;
    lo = hi;
  }
  if (r.reached) {
    for (int it = 0; it < 30 && hi - lo > 1e-6; ++it) {
      double mid = 0.5 * (lo + hi);
      double tau = torque_at(mid);
      if (tau >= threshold) {
        hi = mid;
        tau_hi = tau;
      } else {
        lo = mid;
      }
    }
  }
  r.angle = hi;
  r.torque = tau_hi;
  set_state(m, d, saved);
  forward(m, d);
  return r;
}

std::vector<int> rom_joint(const Model& m, const std::string& name) {
  if (name == "neck") {
    std::vector<int> g;
    for (const char* j : {"cervical_lower", "cervical_upper", "skull"}) {
      int h = find_hinge(m, j);
      if (h >= 0) g.push_back(h);
    }
    return g;
  }
  int h = find_hinge(m, name);
  return h >= 0 ? std::vector<int>{h} : std::vector<int>{};
}

}  // namespace fascia::sim

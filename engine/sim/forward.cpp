#include "sim/forward.h"

#include <algorithm>
#include <cmath>

namespace fascia::sim {
namespace {

struct V3 {
  double x, y, z;
};
inline V3 load3(const double* p) {
  return {p[0], p[1], p[2]};
}
inline void store3(double* p, V3 v) {
  p[0] = v.x, p[1] = v.y, p[2] = v.z;
}
inline V3 operator+(V3 a, V3 b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline V3 operator-(V3 a, V3 b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline V3 operator*(double s, V3 a) {
  return {s * a.x, s * a.y, s * a.z};
}
inline double dot(V3 a, V3 b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
inline V3 cross(V3 a, V3 b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline V3 mul(const double* r, V3 v) {  // row-major 3x3
  return {r[0] * v.x + r[1] * v.y + r[2] * v.z, r[3] * v.x + r[4] * v.y + r[5] * v.z,
          r[6] * v.x + r[7] * v.y + r[8] * v.z};
}
inline void matmul(const double* a, const double* b, double* out) {
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      out[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
}
// Rodrigues: rotation by angle about unit axis, row-major.
inline void rotation(V3 a, double angle, double* r) {
  double c = std::cos(angle), s = std::sin(angle), t = 1 - c;
  r[0] = t * a.x * a.x + c, r[1] = t * a.x * a.y - s * a.z, r[2] = t * a.x * a.z + s * a.y;
  r[3] = t * a.x * a.y + s * a.z, r[4] = t * a.y * a.y + c, r[5] = t * a.y * a.z - s * a.x;
  r[6] = t * a.x * a.z - s * a.y, r[7] = t * a.y * a.z + s * a.x, r[8] = t * a.z * a.z + c;
}
constexpr double kIdentity[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};

// An anchor of stiffness k that stiffens with its stretch u off the bone point over `reach`:
// energy k|u|²/2 + k|u|⁴/(4 reach²), force k(1 + |u|²/reach²) u, Hessian
// k(1 + |u|²/reach²) I + 2k/reach² u uᵀ (convex; reach 0: linear).
struct AnchorSpring {
  double energy, scale, outer;  // force = scale·u; Hessian = scale·I + outer·u uᵀ
};
inline AnchorSpring anchor_spring(double k, double reach, V3 u) {
  const double u2 = dot(u, u);
  if (reach <= 0) return {0.5 * k * u2, k, 0};
  const double inv = 1 / (reach * reach);
  return {0.5 * k * u2 + 0.25 * k * u2 * u2 * inv, k * (1 + u2 * inv), 2 * k * inv};
}
// H·v for the anchor's Hessian.
inline V3 anchor_apply(const AnchorSpring& a, V3 u, V3 v) {
  return a.scale * v + (a.outer * dot(u, v)) * u;
}

double breath_phase(const Model& m, const Data& d) {
  if (d.breath_amplitude == 0) return 0;
  constexpr double kTwoPi = 6.283185307179586;
  return d.breath_amplitude * 0.5 * (1 - std::cos(kTwoPi * d.time / m.opt.breath_period));
}

}  // namespace

Blankevoort blankevoort(double e, double k, double et) {
  if (e <= 0) return {0, 0, 0};
  if (e <= et) return {k * e * e / (2 * et), k * e / et, k * e * e * e / (6 * et)};
  return {k * (e - et / 2), k, k * et * et / 6 + k * ((e * e - et * et) / 2 - et * (e - et) / 2)};
}

static HingeSpring passive_spring(const Model& m, int h, double q) {
  const double k = m.hinge_stiffness[h];
  const double lo = m.hinge_range[2 * h], hi = m.hinge_range[2 * h + 1];
  if (lo == 0 && hi == 0) {
    const double s = m.hinge_stiffening[h];
    return {k * (q * q / 2 + s * q * q * q * q / 4), k * (q + s * q * q * q), k * (1 + 3 * s * q * q)};
  }
  const double a = m.hinge_rom_torque[h], w = m.opt.end_stop_width;
  auto ex = [](double x) { return std::exp(std::min(x, 40.0)); };
  const double ep = ex((q - hi) / w), ep0 = ex(-hi / w), en = ex((lo - q) / w), en0 = ex(lo / w);
  return {k * q * q / 2 + a * (w * ep - w * ep0 - q * ep0) + a * (w * en - w * en0 + q * en0),
          k * q + a * (ep - ep0) - a * (en - en0), k + a / w * (ep + en)};
}

HingeSpring hinge_spring(const Model& m, int h, double q, bool standing) {
  HingeSpring sp = passive_spring(m, h, q);
  if (standing && m.hinge_posture[h] > 0) {
    const double kp = m.hinge_posture[h];
    sp.energy += 0.5 * kp * q * q, sp.torque += kp * q, sp.stiffness += kp;
  }
  return sp;
}

void forward_params(const Model& m, Data& d) {
  std::copy(m.element_stiffness.begin(), m.element_stiffness.end(), d.element_k.begin());
  std::copy(m.element_rest.begin(), m.element_rest.end(), d.element_slack.begin());
  for (const Restriction& r : d.restrictions) {
    // A released restriction relaxes toward none: weight e^{-(t - t0)/τ}.
    double w = d.input_scale;
    if (r.release_start >= 0 && d.time > r.release_start) {
      w *= std::exp(-(d.time - r.release_start) / m.opt.release_time_constant);
    }
    double kx = std::pow(r.stiffness_x, w);
    double lx = 1 - w * r.shorten_pct / 100;
    for (int e : r.elements) {
      d.element_k[e] *= kx;
      d.element_slack[e] *= lx;
    }
  }
  for (int n = 0; n < m.nnode; ++n) {
    double k = m.node_anchor[n];
    int h = m.node_posture_hinge[n];
    if (h >= 0) {
      // Continuity from the pose's angle of the hinge (held by the pose; neutral when free), not
      // from the state, so the energy stays smooth.
      double full = m.node_posture_range[2 * n], none = m.node_posture_range[2 * n + 1];
      double angle = d.hinge_locked[h] ? d.hinge_target[h] : 0.0;
      double f = std::clamp((none - angle) / (none - full), 0.0, 1.0);
      k = m.node_posture_anchor[n] + (k - m.node_posture_anchor[n]) * f;
    }
    d.node_k[n] = k;
  }
}

void forward_kinematics(const Model& m, Data& d) {
  for (int h = 0; h < m.nhinge; ++h) {
    int p = m.hinge_parent[h];
    const double* rp = p >= 0 ? &d.hinge_rot[9 * p] : kIdentity;
    V3 tp = p >= 0 ? load3(&d.hinge_pos[3 * p]) : V3{0, 0, 0};
    V3 a0 = load3(&m.hinge_axis[3 * h]);
    V3 c0 = load3(&m.hinge_centre[3 * h]);
    double rq[9];
    rotation(a0, d.hinge_q[h], rq);
    matmul(rp, rq, &d.hinge_rot[9 * h]);
    // world = Rp (Rq (p0 - c0) + c0) + tp
    store3(&d.hinge_pos[3 * h], mul(rp, c0 - mul(rq, c0)) + tp);
    store3(&d.hinge_waxis[3 * h], mul(rp, a0));
    store3(&d.hinge_wcentre[3 * h], mul(rp, c0) + tp);
  }
  double breath = breath_phase(m, d);
  for (int n = 0; n < m.nnode; ++n) {
    int f = m.node_frame[n];
    V3 p0 = load3(&m.node_pos0[3 * n]) + breath * load3(&m.node_breath[3 * n]);
    V3 p = f >= 0 ? mul(&d.hinge_rot[9 * f], p0) + load3(&d.hinge_pos[3 * f]) : p0;
    store3(&d.node_target[3 * n], p);
  }
}

void forward_forces(const Model& m, Data& d) {
  std::fill(d.grad.begin(), d.grad.end(), 0.0);
  double energy = 0, dissipation = 0;
  auto add_node = [&](int n, V3 f) {
    int k = m.node_dof[n];
    if (k < 0) return;
    d.grad[k] += f.x, d.grad[k + 1] += f.y, d.grad[k + 2] += f.z;
  };

  for (int e = 0; e < m.nelement; ++e) {
    int a = m.element_node[2 * e], b = m.element_node[2 * e + 1];
    V3 dx = load3(&d.node_x[3 * b]) - load3(&d.node_x[3 * a]);
    double len = std::sqrt(dot(dx, dx));
    double slack = d.element_slack[e];
    double strain = len / slack - 1;
    Blankevoort bl = m.element_link[e] ? Blankevoort{d.element_k[e] * strain, d.element_k[e],
                                                     0.5 * d.element_k[e] * strain * strain}
                                       : blankevoort(strain, d.element_k[e], m.element_toe[e]);
    d.element_length[e] = len;
    d.element_strain[e] = strain;
    d.element_tension[e] = bl.force;
    d.element_dtension[e] = bl.dforce;
    energy += slack * bl.energy_density;
    V3 n = len > 0 ? (1 / len) * dx : V3{0, 0, 0};
    // Damping only while stretched and lengthening.
    double rate = dot(n, load3(&d.node_v[3 * b]) - load3(&d.node_v[3 * a])) / slack;
    double fd = strain > 0 && rate > 0 && !m.element_link[e] ? m.element_damping[e] * rate : 0;
    dissipation += 0.5 * fd * rate;
    V3 f = (bl.force + fd) * n;
    add_node(b, f);
    add_node(a, -1 * f);
  }

  const int hinge0 = 3 * m.nfree;
  for (int h = 0; h < m.nhinge; ++h) {
    HingeSpring sp = hinge_spring(m, h, d.hinge_q[h], d.standing);
    energy += sp.energy;
    d.grad[hinge0 + h] = sp.torque + m.hinge_damping[h] * d.hinge_qdot[h];
    dissipation += 0.5 * m.hinge_damping[h] * d.hinge_qdot[h] * d.hinge_qdot[h];
  }

  // Anchors: the spring to the bone point, and damping of the node's velocity relative to the bone
  // (tissue is viscous against its surroundings, which move with the bone), both reacting on the
  // hinges above the bone through the Jacobian columns a_j × (p - c_j).
  for (int n = 0; n < m.nnode; ++n) {
    V3 dd = load3(&d.node_x[3 * n]) - load3(&d.node_target[3 * n]);
    const AnchorSpring sp = anchor_spring(d.node_k[n], m.node_anchor_reach[n], dd);
    V3 f = sp.scale * dd;
    store3(&d.node_anchor_force[3 * n], f);
    if (m.node_dof[n] < 0) continue;
    energy += sp.energy;
    int fr = m.node_frame[n];
    V3 p = load3(&d.node_target[3 * n]);
    V3 w = load3(&d.node_v[3 * n]);  // velocity relative to the bone point
    int adr = fr >= 0 ? m.hinge_ancestor_adr[fr] : 0, num = fr >= 0 ? m.hinge_ancestor_num[fr] : 0;
    constexpr int kMaxChain = 32;
    V3 jacs[kMaxChain];
    num = std::min(num, kMaxChain);
    for (int i = 0; i < num; ++i) {
      int j = m.hinge_ancestor[adr + i];
      jacs[i] = cross(load3(&d.hinge_waxis[3 * j]), p - load3(&d.hinge_wcentre[3 * j]));
      w = w - d.hinge_qdot[j] * jacs[i];
    }
    V3 t = load3(&m.node_tangent[3 * n]);
    if (fr >= 0) t = mul(&d.hinge_rot[9 * fr], t);
    double cp = m.node_damping_perp[n];
    V3 fc = cp * w + (m.node_damping[n] - cp) * dot(t, w) * t;
    dissipation += 0.5 * dot(fc, w);
    add_node(n, f + fc);
    for (int i = 0; i < num; ++i) d.grad[hinge0 + m.hinge_ancestor[adr + i]] -= dot(f + fc, jacs[i]);
  }

  constexpr double kTwoPi = 6.283185307179586;
  for (size_t i = 0; i < d.loads.size(); ++i) {
    const Load& l = d.loads[i];
    double s = d.input_scale * (l.frequency > 0 ? std::sin(kTwoPi * l.frequency * d.time + l.phase) : 1.0);
    V3 f = s * load3(l.force);
    store3(&d.load_force[3 * i], f);
    energy -= dot(f, load3(&d.node_x[3 * l.node]));
    add_node(l.node, -1 * f);
  }

  // The torque needed to hold each hinge (at rest this is the passive resistance `rom` reads).
  for (int h = 0; h < m.nhinge; ++h) {
    d.hinge_torque[h] = d.grad[hinge0 + h];
    if (d.hinge_locked[h]) d.grad[hinge0 + h] = 0;
  }
  d.energy = energy;
  d.dissipation = dissipation;
}

void anchor_hessian_times(const Model& m, const Data& d, int n, const double v[3], double out[3]) {
  V3 dd = load3(&d.node_x[3 * n]) - load3(&d.node_target[3 * n]);
  store3(out, anchor_apply(anchor_spring(d.node_k[n], m.node_anchor_reach[n], dd), dd, load3(v)));
}

void forward(const Model& m, Data& d) {
  forward_params(m, d);
  forward_kinematics(m, d);
  forward_forces(m, d);
}

void assemble(const Model& m, Data& d, Assembler& as, double ks, double cs, double ms) {
  const int hinge0 = 3 * m.nfree;
  auto block = [&](int na, int nb, const double* k) {  // k row-major 3x3, na/nb node dofs
    if (na < 0 || nb < 0) return;
    if (na == nb) {
      for (int r = 0; r < 3; ++r)
        for (int c = r; c < 3; ++c) as.add(na + r, na + c, k[3 * r + c]);
    } else {
      for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) as.add(na + r, nb + c, k[3 * r + c]);
    }
  };

  for (int e = 0; e < m.nelement; ++e) {
    int a = m.element_node[2 * e], b = m.element_node[2 * e + 1];
    V3 dx = load3(&d.node_x[3 * b]) - load3(&d.node_x[3 * a]);
    double len = d.element_length[e];
    V3 n = len > 0 ? (1 / len) * dx : V3{0, 0, 0};
    double slack = d.element_slack[e];
    // Material stiffness along the element, geometric stiffness across it (tension >= 0 keeps it PSD).
    double axial = d.element_dtension[e] / slack;
    double lateral = len > 0 ? d.element_tension[e] / len : 0;  // < 0 only for a link pushing
    double rate = dot(n, load3(&d.node_v[3 * b]) - load3(&d.node_v[3 * a])) / slack;
    double damp = d.element_strain[e] > 0 && rate > 0 && !m.element_link[e]
                      ? m.element_damping[e] / (slack * slack)
                      : 0;
    double coef_nn = ks * (axial - lateral) + cs * damp;
    double nv[3] = {n.x, n.y, n.z};
    double kb[9], kn[9];
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) {
        kb[3 * r + c] = coef_nn * nv[r] * nv[c] + (r == c ? ks * lateral : 0);
        kn[3 * r + c] = -kb[3 * r + c];
      }
    int da = m.node_dof[a], db = m.node_dof[b];
    block(da, da, kb);
    block(db, db, kb);
    if (da >= 0 && db >= 0) block(std::min(da, db), std::max(da, db), kn);
  }

  for (int n = 0; n < m.nnode; ++n) {
    int dn = m.node_dof[n];
    if (dn < 0) continue;
    int fr = m.node_frame[n];
    V3 p = load3(&d.node_target[3 * n]);
    V3 dd = load3(&d.node_x[3 * n]) - p;
    const AnchorSpring an = anchor_spring(d.node_k[n], m.node_anchor_reach[n], dd);
    const double ddv[3] = {dd.x, dd.y, dd.z};
    // Damping C = c⊥ I + (c - c⊥) t tᵀ on the velocity relative to the bone.
    V3 t = load3(&m.node_tangent[3 * n]);
    if (fr >= 0) t = mul(&d.hinge_rot[9 * fr], t);
    double cp = m.node_damping_perp[n], cd = m.node_damping[n] - cp;
    double tv[3] = {t.x, t.y, t.z};
    double kb[9];
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c)
        kb[3 * r + c] = cs * cd * tv[r] * tv[c] + ks * an.outer * ddv[r] * ddv[c] +
                        (r == c ? ks * an.scale + cs * cp + ms * m.node_mass[n] : 0);
    block(dn, dn, kb);
    if (fr < 0) continue;
    // Coupling of the anchor to the hinges above the node's bone: d(f)/dq = -H J (H the anchor's
    // Hessian), and the hinge-hinge block Jiᵀ H Jj - f·(ai × Jj) for i at or above j in the chain;
    // the damping adds -C J and Jiᵀ C Jj.
    const V3 fa = an.scale * dd;
    int adr = m.hinge_ancestor_adr[fr], num = m.hinge_ancestor_num[fr];
    auto cmul = [&](V3 v) { return cp * v + cd * dot(t, v) * t; };
    // Jacobian columns a_j × (p - c_j) of the hinges above, root first (a chain is short).
    constexpr int kMaxChain = 32;
    V3 jac[kMaxChain], cjac[kMaxChain];
    num = std::min(num, kMaxChain);
    for (int i = 0; i < num; ++i) {
      int hi = m.hinge_ancestor[adr + i];
      jac[i] = cross(load3(&d.hinge_waxis[3 * hi]), p - load3(&d.hinge_wcentre[3 * hi]));
      cjac[i] = cmul(jac[i]);
      V3 col = ks * anchor_apply(an, dd, jac[i]) + cs * cjac[i];
      as.add(dn, hinge0 + hi, -col.x);
      as.add(dn + 1, hinge0 + hi, -col.y);
      as.add(dn + 2, hinge0 + hi, -col.z);
    }
    for (int i = 0; i < num; ++i) {
      int hi = m.hinge_ancestor[adr + i];
      V3 ai = load3(&d.hinge_waxis[3 * hi]);
      for (int j = i; j < num; ++j) {
        int hj = m.hinge_ancestor[adr + j];
        as.add(hinge0 + hi, hinge0 + hj,
               ks * (dot(jac[i], anchor_apply(an, dd, jac[j])) - dot(fa, cross(ai, jac[j]))) +
                   cs * dot(jac[i], cjac[j]));
      }
    }
  }

  for (int h = 0; h < m.nhinge; ++h) {
    double kq = hinge_spring(m, h, d.hinge_q[h], d.standing).stiffness;
    as.add(hinge0 + h, hinge0 + h, ks * kq + cs * m.hinge_damping[h] + ms * m.hinge_inertia[h]);
  }
}

void assemble_matrix(const Model& m, Data& d, double ks, double cs, double ms) {
  SparseLdlt& s = d.solver;
  std::fill(s.a_value.begin(), s.a_value.end(), 0.0);
  Assembler as;
  as.values = s.a_value.data();
  as.slots = m.slot_index.data();
  assemble(m, d, as, ks, cs, ms);
  // Locked hinges: identity rows and columns, so their unknowns stay put.
  bool any = false;
  for (int h = 0; h < m.nhinge; ++h) any |= d.hinge_locked[h] != 0;
  if (!any) return;
  const int hinge0 = 3 * m.nfree;
  auto locked = [&](int dof) { return dof >= hinge0 && d.hinge_locked[dof - hinge0]; };
  for (size_t p = 0; p < s.a_value.size(); ++p) {
    int r = m.value_row[p], c = m.value_col[p];
    if (locked(r) || locked(c)) s.a_value[p] = r == c ? 1.0 : 0.0;
  }
}

std::pair<double, double> residual_norms(const Model& m, const Data& d) {
  double fn = 0, fh = 0;
  const int hinge0 = 3 * m.nfree;
  // NaN compares false with everything, so it is carried through explicitly.
  auto take = [](double acc, double g) {
    return std::isnan(g) || std::isnan(acc) ? NAN : std::max(acc, std::abs(g));
  };
  for (int i = 0; i < hinge0; ++i) fn = take(fn, d.grad[i]);
  for (int h = 0; h < m.nhinge; ++h) {
    if (!d.hinge_locked[h]) fh = take(fh, d.grad[hinge0 + h]);
  }
  return {fn, fh};
}

}  // namespace fascia::sim

#include "sim/data.h"

#include <algorithm>
#include <cmath>

namespace fascia::sim {

Data make_data(const Model& m) {
  Data d;
  d.node_x = m.node_pos0;
  d.node_v.assign(3 * m.nnode, 0.0);
  d.hinge_q.assign(m.nhinge, 0.0);
  d.hinge_qdot.assign(m.nhinge, 0.0);
  d.hinge_target.assign(m.nhinge, 0.0);
  d.hinge_locked.assign(m.nhinge, 0);
  d.restrictions.reserve(64);
  d.loads.reserve(kMaxLoads);
  d.element_k.assign(m.nelement, 0.0);
  d.element_slack.assign(m.nelement, 0.0);
  d.node_k.assign(m.nnode, 0.0);
  d.hinge_rot.assign(9 * m.nhinge, 0.0);
  d.hinge_pos.assign(3 * m.nhinge, 0.0);
  d.hinge_waxis.assign(3 * m.nhinge, 0.0);
  d.hinge_wcentre.assign(3 * m.nhinge, 0.0);
  d.node_target.assign(3 * m.nnode, 0.0);
  d.element_length.assign(m.nelement, 0.0);
  d.element_strain.assign(m.nelement, 0.0);
  d.element_tension.assign(m.nelement, 0.0);
  d.element_dtension.assign(m.nelement, 0.0);
  d.node_anchor_force.assign(3 * m.nnode, 0.0);
  d.hinge_torque.assign(m.nhinge, 0.0);
  d.load_force.assign(3 * kMaxLoads, 0.0);
  d.grad.assign(m.ndof, 0.0);
  d.delta.assign(m.ndof, 0.0);
  d.rhs.assign(m.ndof, 0.0);
  d.save_x.assign(3 * m.nnode, 0.0);
  d.save_v.assign(3 * m.nnode, 0.0);
  d.save_q.assign(m.nhinge, 0.0);
  d.save_qdot.assign(m.nhinge, 0.0);
  d.trial_v.assign(3 * m.nnode, 0.0);
  d.trial_qdot.assign(m.nhinge, 0.0);
  d.ramp_x.assign(3 * m.nnode, 0.0);
  d.ramp_q.assign(m.nhinge, 0.0);
  d.ramp_target.assign(m.nhinge, 0.0);
  d.solver = m.pattern;
  return d;
}

namespace {
constexpr int kRestrictionHeader = 5;  // id, stiffness_x, shorten_pct, release_start, element count
constexpr int kLoadSize = 7;           // id, node, force xyz, frequency, phase
}  // namespace

size_t state_size(const Model& m, const Data& d, unsigned spec) {
  size_t n = 4;
  if (spec & kStateTime) n += 1;
  if (spec & kStatePosition) n += 3 * m.nnode + m.nhinge;
  if (spec & kStateVelocity) n += 3 * m.nnode + m.nhinge;
  if (spec & kStateHolds) n += 2 * m.nhinge;
  if (spec & kStateRestrictions) {
    n += 1;
    for (const Restriction& r : d.restrictions) n += kRestrictionHeader + r.elements.size();
  }
  if (spec & kStateLoads) n += 1 + kLoadSize * d.loads.size();
  if (spec & kStateBreathing) n += 1;
  if (spec & kStateIds) n += 1;
  if (spec & kStateStanding) n += 1;
  return n;
}

std::vector<double> get_state(const Model& m, const Data& d, unsigned spec) {
  std::vector<double> s;
  s.reserve(state_size(m, d, spec));
  s.push_back(double(spec & kStateFull));
  s.push_back(m.nnode);
  s.push_back(m.nhinge);
  s.push_back(m.nelement);
  auto put = [&](const std::vector<double>& v) { s.insert(s.end(), v.begin(), v.end()); };
  if (spec & kStateTime) s.push_back(d.time);
  if (spec & kStatePosition) put(d.node_x), put(d.hinge_q);
  if (spec & kStateVelocity) put(d.node_v), put(d.hinge_qdot);
  if (spec & kStateHolds) {
    put(d.hinge_target);
    for (uint8_t l : d.hinge_locked) s.push_back(l);
  }
  if (spec & kStateRestrictions) {
    s.push_back(double(d.restrictions.size()));
    for (const Restriction& r : d.restrictions) {
      s.insert(s.end(),
               {double(r.id), r.stiffness_x, r.shorten_pct, r.release_start, double(r.elements.size())});
      for (int e : r.elements) s.push_back(e);
    }
  }
  if (spec & kStateLoads) {
    s.push_back(double(d.loads.size()));
    for (const Load& l : d.loads) {
      s.insert(s.end(),
               {double(l.id), double(l.node), l.force[0], l.force[1], l.force[2], l.frequency, l.phase});
    }
  }
  if (spec & kStateBreathing) s.push_back(d.breath_amplitude);
  if (spec & kStateIds) s.push_back(d.next_id);
  if (spec & kStateStanding) s.push_back(d.standing ? 1 : 0);
  return s;
}

bool set_state(const Model& m, Data& d, const std::vector<double>& s, unsigned spec) {
  // Read everything into locals first, so a bad vector leaves `d` untouched.
  size_t i = 0;
  bool ok = true;
  auto next = [&]() -> double {
    if (i >= s.size()) {
      ok = false;
      return 0;
    }
    return s[i++];
  };
  auto is_index = [](double v, int n) { return v >= 0 && v < n && v == std::floor(v); };
  auto take = [&](std::vector<double>& v, size_t n) {
    if (i + n > s.size()) {
      ok = false;
      return;
    }
    v.assign(s.begin() + i, s.begin() + i + n);
    i += n;
  };
  spec &= kStateFull;
  if (next() != double(spec) || next() != m.nnode || next() != m.nhinge || next() != m.nelement || !ok)
    return false;
  double time = d.time, breath = d.breath_amplitude, standing = d.standing ? 1 : 0;
  int next_id = d.next_id;
  std::vector<double> x, q, v, qdot, target, locked;
  std::vector<Restriction> restrictions;
  std::vector<Load> loads;
  if (spec & kStateTime) time = next();
  if (spec & kStatePosition) take(x, 3 * m.nnode), take(q, m.nhinge);
  if (spec & kStateVelocity) take(v, 3 * m.nnode), take(qdot, m.nhinge);
  if (spec & kStateHolds) take(target, m.nhinge), take(locked, m.nhinge);
  if (spec & kStateRestrictions) {
    double n = next();
    if (!(n >= 0 && n <= 4096 && n == std::floor(n))) return false;
    for (int k = 0; k < int(n) && ok; ++k) {
      Restriction r;
      r.id = int(next());
      r.stiffness_x = next();
      r.shorten_pct = next();
      r.release_start = next();
      double ne = next();
      if (!(r.stiffness_x >= 0.1 && r.stiffness_x <= 10) || !(r.shorten_pct >= 0 && r.shorten_pct <= 10) ||
          !is_index(ne, m.nelement + 1) || !std::isfinite(r.release_start))
        return false;
      for (int e = 0; e < int(ne); ++e) {
        double el = next();
        if (!is_index(el, m.nelement)) return false;
        r.elements.push_back(int(el));
      }
      restrictions.push_back(std::move(r));
    }
  }
  if (spec & kStateLoads) {
    double n = next();
    if (!(n >= 0 && n <= kMaxLoads && n == std::floor(n))) return false;
    for (int k = 0; k < int(n) && ok; ++k) {
      Load l;
      l.id = int(next());
      double node = next();
      if (!is_index(node, m.nnode)) return false;
      l.node = int(node);
      for (double& f : l.force) f = next();
      l.frequency = next();
      l.phase = next();
      loads.push_back(l);
    }
  }
  if (spec & kStateBreathing) breath = next();
  if (spec & kStateIds) next_id = int(next());
  if (spec & kStateStanding) standing = next();
  if (!ok || i != s.size() || !(standing == 0 || standing == 1)) return false;
  for (double val : x) ok &= std::isfinite(val);
  for (double val : q) ok &= std::isfinite(val);
  for (double val : v) ok &= std::isfinite(val);
  for (double val : qdot) ok &= std::isfinite(val);
  for (double val : target) ok &= std::isfinite(val);
  if (!ok || !std::isfinite(time) || !(breath >= 0 && breath <= 1)) return false;

  d.time = time;
  if (spec & kStatePosition) d.node_x = x, d.hinge_q = q;
  if (spec & kStateVelocity) d.node_v = v, d.hinge_qdot = qdot;
  if (spec & kStateHolds) {
    d.hinge_target = target;
    for (int h = 0; h < m.nhinge; ++h) d.hinge_locked[h] = locked[h] != 0;
  }
  if (spec & kStateRestrictions) d.restrictions = std::move(restrictions);
  if (spec & kStateLoads) d.loads = std::move(loads);
  d.breath_amplitude = breath;
  d.next_id = next_id;
  d.standing = standing != 0;
  d.factor_kind = 0;  // the next step factorises afresh, so a replay is bit-identical
  return true;
}

void reset(const Model& m, Data& d) {
  d.time = 0;
  d.node_x = m.node_pos0;
  std::fill(d.node_v.begin(), d.node_v.end(), 0.0);
  for (int h = 0; h < m.nhinge; ++h) d.hinge_q[h] = d.hinge_locked[h] ? d.hinge_target[h] : 0.0;
  std::fill(d.hinge_qdot.begin(), d.hinge_qdot.end(), 0.0);
  d.factor_kind = 0;
}

int add_restriction(Data& d, std::vector<int> elements, double stiffness_x, double shorten_pct) {
  if (!(stiffness_x >= 0.1 && stiffness_x <= 10) || !(shorten_pct >= 0 && shorten_pct <= 10)) return 0;
  Restriction r;
  r.id = d.next_id++;
  r.elements = std::move(elements);
  r.stiffness_x = stiffness_x;
  r.shorten_pct = shorten_pct;
  d.restrictions.push_back(std::move(r));
  return d.restrictions.back().id;
}

bool remove_restriction(Data& d, int id) {
  auto it = std::find_if(d.restrictions.begin(), d.restrictions.end(),
                         [&](const Restriction& r) { return r.id == id; });
  if (it == d.restrictions.end()) return false;
  d.restrictions.erase(it);
  return true;
}

bool start_release(Data& d, int id) {
  for (Restriction& r : d.restrictions) {
    if (r.id == id) {
      r.release_start = d.time;
      return true;
    }
  }
  return false;
}

int add_load(Data& d, int node, const double force[3], double frequency, double phase) {
  if (int(d.loads.size()) >= kMaxLoads || node < 0) return 0;
  Load l;
  l.id = d.next_id++;
  l.node = node;
  std::copy(force, force + 3, l.force);
  l.frequency = frequency;
  l.phase = phase;
  d.loads.push_back(l);
  return l.id;
}

bool remove_load(Data& d, int id) {
  auto it = std::find_if(d.loads.begin(), d.loads.end(), [&](const Load& l) { return l.id == id; });
  if (it == d.loads.end()) return false;
  d.loads.erase(it);
  return true;
}

void lock_hinge(Data& d, int hinge, double angle) {
  d.hinge_locked[hinge] = 1;
  d.hinge_target[hinge] = angle;
  d.hinge_q[hinge] = angle;
  d.hinge_qdot[hinge] = 0;
}

void unlock_hinge(Data& d, int hinge) {
  d.hinge_locked[hinge] = 0;
}

}  // namespace fascia::sim

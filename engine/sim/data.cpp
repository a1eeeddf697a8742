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
  d.solver = m.pattern;
  return d;
}

std::vector<double> get_state(const Model& m, const Data& d) {
  std::vector<double> s;
  s.reserve(1 + 6 * m.nnode + 4 * m.nhinge);
  s.push_back(d.time);
  s.insert(s.end(), d.node_x.begin(), d.node_x.end());
  s.insert(s.end(), d.node_v.begin(), d.node_v.end());
  s.insert(s.end(), d.hinge_q.begin(), d.hinge_q.end());
  s.insert(s.end(), d.hinge_qdot.begin(), d.hinge_qdot.end());
  s.insert(s.end(), d.hinge_target.begin(), d.hinge_target.end());
  for (uint8_t l : d.hinge_locked) s.push_back(l);
  return s;
}

void set_state(const Model& m, Data& d, const std::vector<double>& s) {
  size_t i = 0;
  auto take = [&](std::vector<double>& v) {
    std::copy(s.begin() + i, s.begin() + i + v.size(), v.begin());
    i += v.size();
  };
  d.time = s[i++];
  take(d.node_x);
  take(d.node_v);
  take(d.hinge_q);
  take(d.hinge_qdot);
  take(d.hinge_target);
  for (int h = 0; h < m.nhinge; ++h) d.hinge_locked[h] = s[i++] != 0;
  d.factor_kind = 0;  // the next step factorises afresh, so a replay is bit-identical
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

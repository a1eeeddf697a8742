#include "scenario/sim_timeline.h"

#include <cmath>

#include "scenario/evaluate.h"
#include "sim/forward.h"
#include "sim/solver.h"

namespace fascia::scenario {

SimTimeline::SimTimeline(const sim::Model& m, const Scenario& s, int checkpoint_every)
    : m_(m), s_(s), every_(std::max(1, checkpoint_every)), d_(sim::make_data(m)), base_(sim::make_data(m)) {
  sim::equilibrium(m_, base_);
}

long long SimTimeline::steps_to(int frame) const {
  return std::llround(double(frame) / s_.fps / m_.opt.timestep);
}

Status SimTimeline::start() {
  d_ = sim::make_data(m_);
  binding_ = {};
  auto moment = evaluate_frame(s_, 0);
  if (!moment) return moment.error();
  FASCIA_TRY(session::sync_sim(m_, moment->session, d_, binding_));
  sim::equilibrium(m_, d_);  // the first frame starts at rest under its inputs
  d_.time = 0;
  // Stored states go through get/set on both paths, so a replay from one matches the first run.
  sim::set_state(m_, d_, sim::get_state(m_, d_));
  frame_ = 0;
  sim::forward(m_, d_);
  stored_[0] = {sim::get_state(m_, d_), binding_};
  return ok_status();
}

Status SimTimeline::advance() {
  const int next = frame_ + 1;
  auto moment = evaluate_frame(s_, next);
  if (!moment) return moment.error();
  FASCIA_TRY(session::sync_sim(m_, moment->session, d_, binding_));
  for (long long k = steps_to(frame_); k < steps_to(next); ++k) sim::step(m_, d_);
  frame_ = next;
  sim::forward(m_, d_);  // tensions at this frame's state, whichever way it was reached
  if (frame_ % every_ == 0) {
    auto state = sim::get_state(m_, d_);
    sim::set_state(m_, d_, state);
    stored_[frame_] = {std::move(state), binding_};
  }
  return ok_status();
}

Status SimTimeline::seek(int frame) {
  if (frame < 0) frame = 0;
  if (frame_ < 0) FASCIA_TRY(start());
  // Back in time, or far enough ahead that a stored state is nearer: restore the nearest one.
  auto it = stored_.upper_bound(frame);
  --it;  // stored_ always holds frame 0
  if (frame < frame_ || it->first > frame_) {
    // A full state brings back that frame's inputs, so its binding comes back with it.
    // The stored state holds that frame's inputs already (and the ids they were given), so no sync:
    // the Data is then exactly what the run in order had there.
    sim::set_state(m_, d_, it->second.state);
    binding_ = it->second.binding;
    frame_ = it->first;
    sim::forward(m_, d_);
  }
  while (frame_ < frame) FASCIA_TRY(advance());
  return ok_status();
}

std::map<std::string, double> SimTimeline::track_tension_change() const {
  std::map<std::string, double> out;
  for (int t = 0; t < m_.ntrack; ++t) {
    int n = m_.track_element_num[t];
    if (n == 0) continue;
    double sum = 0;
    for (int i = 0; i < n; ++i) {
      int e = m_.track_element[m_.track_element_adr[t] + i];
      sum += d_.element_tension[e] - base_.element_tension[e];
    }
    out[m_.track_name[t]] = sum / n;
  }
  return out;
}

}  // namespace fascia::scenario

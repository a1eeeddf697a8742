#include "ui/sim_worker.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/tension.h"
#include "session/sim_sync.h"
#include "session/treatments.h"
#include "sim/forward.h"

namespace fascia::app {
namespace {

using Clock = std::chrono::steady_clock;

// The worker publishes about once a display frame; a pass never simulates more than one frame's worth
// of steps, so after a stall it drops the backlog instead of running behind.
constexpr double kFrameSeconds = 1.0 / 60.0;
// At rest when nothing moves faster than this for a quarter of a second of simulated time
// (0.1 mm/s, 0.06 °/s: far below what a frame can show). Chosen, not measured.
constexpr double kRestSpeed = 1e-4, kRestAngularSpeed = 1e-3;
constexpr int kRestSteps = 60;
// Remote sources listed by a trace.
constexpr int kTraceSources = 5;

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

bool moving(const sim::Data& d) {
  for (double v : d.node_v)
    if (std::abs(v) > kRestSpeed) return true;
  for (double w : d.hinge_qdot)
    if (std::abs(w) > kRestAngularSpeed) return true;
  return false;
}

// A release relaxes as e^{-t/τ}: after this many τ less than 0.3 % of it is left, under what a frame
// shows, so the body may come to rest. Chosen, not measured.
constexpr double kReleaseSettledTaus = 6;

// Inputs that keep the body moving for as long as they are on (a release while it still relaxes).
bool animated(const session::Session& s, double now_s, double tau_s) {
  if (s.breathing.on) return true;
  for (const auto& r : s.releases)
    if (now_s - r.start_s < kReleaseSettledTaus * tau_s) return true;
  for (const auto& l : s.loads)
    if (l.frequency_hz > 0) return true;
  return false;
}

bool running_treatment(const session::Session& s) {
  for (const auto& t : s.treatments)
    if (!t.finished) return true;
  return false;
}

// A treatment whose time has not run out (the window then marks it finished).
bool in_progress(const session::Session& s, double now_s) {
  for (const auto& t : s.treatments)
    if (!t.finished && now_s < t.start_s + t.duration_s) return true;
  return false;
}

bool same_sim_inputs(const session::Session& a, const session::Session& b) {
  return a.restrictions == b.restrictions && a.releases == b.releases && a.loads == b.loads &&
         a.holds == b.holds && a.breathing == b.breathing;
}

}  // namespace

SimWorker::SimWorker(const sim::Model& m, std::function<void()> on_publish)
    : m_(m), on_publish_(std::move(on_publish)), baseline_(baseline_snapshot(m)) {
  published_ = baseline_;
  publish_count_ = 1;
  thread_ = std::thread([this] { run(); });
}

SimWorker::~SimWorker() {
  {
    std::lock_guard lk(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SimWorker::post(const session::Session& s, uint64_t revision) {
  {
    std::lock_guard lk(mu_);
    pending_.emplace(s, revision);
  }
  wake_.notify_all();
}

void SimWorker::set_time_scale(double x) {
  std::lock_guard lk(mu_);
  time_scale_ = std::clamp(x, 0.01, 4.0);
}

void SimWorker::set_clock(SimClock c) {
  {
    std::lock_guard lk(mu_);
    clock_ = c;
  }
  wake_.notify_all();
}

bool SimWorker::copy_snapshot(SimSnapshot& out, uint64_t& seen) {
  std::lock_guard lk(mu_);
  if (publish_count_ == seen) return false;
  seen = publish_count_;
  out = published_;
  return true;
}

void SimWorker::request_trace(const TraceRequest& r) {
  {
    std::lock_guard lk(mu_);
    trace_request_ = r;
  }
  wake_.notify_all();
}

std::optional<TraceAnswer> SimWorker::take_trace() {
  std::lock_guard lk(mu_);
  auto a = std::move(trace_answer_);
  trace_answer_.reset();
  return a;
}

std::string SimWorker::sync_error() {
  std::lock_guard lk(mu_);
  return sync_error_;
}

WorkerStats SimWorker::stats() {
  std::lock_guard lk(mu_);
  return stats_;
}

TraceAnswer SimWorker::do_trace(const TraceRequest& r, const sim::Data& state) {
  TraceAnswer a;
  a.id = r.id;
  a.at = r.at;
  sim::TraceTarget target;
  int own = sim::find_track(m_, r.at);
  if (own >= 0 && m_.track_element_num[own] > 0) {
    target.element = m_.track_element[m_.track_element_adr[own] + m_.track_element_num[own] / 2];
  } else if (int s = sim::find_station(m_, r.at); s >= 0) {
    target.station = s;
  } else {
    a.error = "'" + r.at + "' is not a track or station of the simulation";
    return a;
  }
  // The adjoint needs a converged equilibrium: solve one from the worker's state on a copy.
  sim::Data d = state;
  sim::equilibrium(m_, d);
  sim::TraceResult tr = sim::trace(m_, d, target);
  a.load_N = tr.load;
  double sum = 0;
  for (int k : tr.track_rank) {
    // Only what would add load here (a source whose shortening unloads it is not where it comes from).
    if (k == own || tr.track_dshorten[size_t(k)] <= 0) continue;
    a.sources.push_back({m_.track_name[size_t(k)], 0, tr.track_dshorten[size_t(k)]});
    sum += std::abs(tr.track_dshorten[size_t(k)]);
    if (int(a.sources.size()) == kTraceSources) break;
  }
  for (auto& s : a.sources) s.share = sum > 0 ? std::abs(s.n_per_pct) / sum : 0;
  return a;
}

void SimWorker::run() {
  sim::Data d = sim::make_data(m_);
  sim::equilibrium(m_, d);
  session::SimBinding binding;
  // The session as posted, and the inputs last synced: a running treatment turns the first into
  // the second at each pass, on the simulation's clock (session::advance_treatments).
  session::Session posted, synced;
  SimSnapshot local = baseline_;
  uint64_t revision = 0;
  bool settled = true, keeps_moving = false;  // NOLINT: set each pass
  int quiet_steps = 0;
  double carry = 0, reference = 0;
  auto last = Clock::now();
  const double h = m_.opt.timestep;
  for (;;) {
    std::optional<std::pair<session::Session, uint64_t>> inputs;
    std::optional<TraceRequest> trace_request;
    double scale;
    SimClock clock;
    {
      std::unique_lock lk(mu_);
      wake_.wait(lk, [&] { return stop_ || pending_ || trace_request_ || !settled; });
      if (stop_) return;
      inputs = std::move(pending_);
      pending_.reset();
      trace_request = std::move(trace_request_);
      trace_request_.reset();
      scale = time_scale_;
      clock = clock_;
    }
    if (inputs) {
      posted = inputs->first;
      synced = posted;
      if (running_treatment(posted))
        if (auto now = session::advance_treatments(posted, d.time)) synced = std::move(*now);
      Status st = session::sync_sim(m_, synced, d, binding);
      revision = inputs->second;
      const session::Session& in = inputs->first;
      if (st && (!in.restrictions.empty() || !in.loads.empty() || !in.holds.empty())) {
        // Where these inputs settle, on a copy: the scale of the change while it travels.
        sim::Data target = d;
        sim::equilibrium(m_, target);
        SimSnapshot settled_at;
        fill_snapshot(target, settled_at);
        reference = max_added_tension(m_, settled_at, baseline_);
      }  // with no inputs the last scale stays, so a released change fades out on it
      {
        std::lock_guard lk(mu_);
        sync_error_ = st ? "" : st.error().message;
      }
      if (settled) last = Clock::now();  // the time asleep is not owed
      settled = false;
      quiet_steps = 0;
    }
    if (trace_request) {
      TraceAnswer a = do_trace(*trace_request, d);
      {
        std::lock_guard lk(mu_);
        trace_answer_ = std::move(a);
      }
      if (on_publish_) on_publish_();
    }
    if (settled) continue;

    // A running treatment sets this moment's hold, traction, breathing and release.
    if (running_treatment(posted)) {
      auto now = session::advance_treatments(posted, d.time);
      if (now && !same_sim_inputs(*now, synced)) {
        synced = std::move(*now);
        if (Status st = session::sync_sim(m_, synced, d, binding); !st) {
          std::lock_guard lk(mu_);
          sync_error_ = st.error().message;
        }
      }
    }
    keeps_moving = animated(synced, d.time, m_.opt.release_time_constant) || in_progress(posted, d.time);

    // Real time: the steps the wall clock asks for since the last pass, at most a frame's worth.
    auto now = Clock::now();
    double want = std::chrono::duration<double>(now - last).count() * scale + carry;
    last = now;
    int n = int(want / h);
    carry = want - n * h;
    const int cap = std::max(1, int(std::ceil(kFrameSeconds * scale / h)));
    if (clock == SimClock::Fast) n = cap, carry = 0;  // a frame of simulated time, at once
    int64_t dropped = 0;
    if (n > cap) {
      dropped = n - cap;
      n = cap;
      carry = 0;
    }
    double t0 = thread_seconds();
    for (int i = 0; i < n; ++i) {
      sim::step(m_, d);
      quiet_steps = moving(d) ? 0 : quiet_steps + 1;
    }
    double spent = thread_seconds() - t0;
    if (n > 0) {
      settled = !keeps_moving && quiet_steps >= kRestSteps;
      // At rest the last creep (under kRestSpeed) is finished by the quasi-static solve, so the body
      // stands exactly where the still path's equilibrium puts it.
      if (settled) sim::equilibrium(m_, d);
      sim::forward(m_, d);  // tensions of the state reached
      fill_snapshot(d, local);
      local.session_revision = revision;
      local.reference_change_N = reference;
      local.settled = settled;
      {
        std::lock_guard lk(mu_);
        std::swap(published_, local);
        ++publish_count_;
        stats_.steps += n;
        stats_.step_seconds += spent;
        stats_.dropped_steps += dropped;
      }
      if (on_publish_) on_publish_();
    }
    if (!settled && clock == SimClock::RealTime) {
      std::unique_lock lk(mu_);
      wake_.wait_for(lk, std::chrono::duration<double>(kFrameSeconds / 2),
                     [&] { return stop_ || pending_ || trace_request_; });
    }
  }
}

}  // namespace fascia::app

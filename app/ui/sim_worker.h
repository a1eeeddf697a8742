#pragma once
// The window's simulation thread (as MuJoCo's viewer has a physics thread). It owns a sim::Data,
// steps the dynamic mode in real time (fixed steps, catching up, never more than a frame behind),
// re-syncs the inputs through session::sync_sim when the session's simulation inputs change, and
// publishes a snapshot that the UI copies under the lock. At rest it sleeps until something changes,
// so an idle window costs nothing. Traces run here too, on the worker's model and state.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/sim_snapshot.h"
#include "session/session.h"
#include "sim/solver.h"

namespace fascia::app {

struct TraceRequest {
  std::string at;  // a track or station id of the model
  uint64_t id = 0;
};

struct TraceAnswer {
  uint64_t id = 0;
  std::string at;
  double load_N = 0;
  struct Source {
    std::string track;
    double share = 0;      // of the summed |sensitivity| of the listed sources
    double n_per_pct = 0;  // N at the target per 1 % shortening of the source
  };
  std::vector<Source> sources;  // largest first, the target's own track left out
  std::string error;            // set when the place is unknown
};

// How simulated time advances. RealTime keeps pace with the wall clock (times the time scale);
// Fast steps as quickly as the thread can, a display frame of simulated time a pass, so a scripted
// treatment of 90 s runs in a few seconds. Both step the same fixed steps: the sim clock is the
// session's clock, and a treatment is a function of it, so both reach the same states.
enum class SimClock { RealTime, Fast };

struct WorkerStats {
  int64_t steps = 0;
  double step_seconds = 0;    // thread time spent stepping
  int64_t dropped_steps = 0;  // steps skipped to stay within a frame of real time
};

class SimWorker {
 public:
  // `on_publish` is called from the worker thread after each new snapshot (the window wakes its
  // event loop with it).
  SimWorker(const sim::Model& m, std::function<void()> on_publish = {});
  ~SimWorker();
  SimWorker(const SimWorker&) = delete;
  SimWorker& operator=(const SimWorker&) = delete;

  // New simulation inputs; the worker syncs them before its next step.
  void post(const session::Session& s, uint64_t revision);
  // Simulated seconds per wall second (slow motion to watch a change travel).
  void set_time_scale(double x);
  void set_clock(SimClock c);
  // Copies the latest snapshot into `out` when it is newer than `seen` (updated); false otherwise.
  bool copy_snapshot(SimSnapshot& out, uint64_t& seen);
  // Traces run on a copy of the worker's state brought to equilibrium.
  void request_trace(const TraceRequest& r);
  std::optional<TraceAnswer> take_trace();
  // The last sync's error (an unknown id), empty when none.
  std::string sync_error();
  WorkerStats stats();
  const SimSnapshot& baseline() const { return baseline_; }
  const sim::Model& model() const { return m_; }

 private:
  void run();
  TraceAnswer do_trace(const TraceRequest& r, const sim::Data& state);

  const sim::Model& m_;
  std::function<void()> on_publish_;
  SimSnapshot baseline_;

  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::optional<std::pair<session::Session, uint64_t>> pending_;
  std::optional<TraceRequest> trace_request_;
  std::optional<TraceAnswer> trace_answer_;
  SimSnapshot published_;
  uint64_t publish_count_ = 0;
  std::string sync_error_;
  double time_scale_ = 1.0;
  SimClock clock_ = SimClock::RealTime;
  WorkerStats stats_;

  std::thread thread_;
};

}  // namespace fascia::app

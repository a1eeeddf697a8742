// The window's sim worker: it publishes snapshots of the dynamic simulation, re-syncs when the
// session's inputs change, comes to rest on the equilibrium the still path computes, and traces on
// its own state. Tension colouring: the dB scale and the gradient along a track.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "common/restrict_text.h"
#include "common/tension.h"
#include "sim/commands.h"
#include "ui/sim_worker.h"

using namespace fascia;
using namespace fascia::app;

namespace {

// Waits (up to `seconds` of wall time) for a snapshot that satisfies `done`.
template <class Pred>
bool wait_for(SimWorker& w, SimSnapshot& snap, uint64_t& seen, double seconds, Pred done) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (w.copy_snapshot(snap, seen) && done(snap)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

double track_max(const TensionColouring& c, const std::string& id) {
  const auto& v = c.track_profile.at(id);
  return *std::max_element(v.begin(), v.end());
}

}  // namespace

TEST_CASE("tension: the dB scale maps the largest change to 1 and 60 dB below it to the floor") {
  CHECK(tension_value(10, 10) == doctest::Approx(1.0));
  CHECK(tension_value(0.01, 10) == doctest::Approx(kTensionFloorValue));  // -60 dB
  CHECK(tension_value(0.1, 10) ==
        doctest::Approx(kTensionFloorValue + (1 - kTensionFloorValue) / 3));  // -40 dB
  CHECK(tension_value(0.009, 10) == 0.0f);  // below the range: no change shown
  CHECK(tension_value(-1, 10) == 0.0f);     // unloaded tissue is not coloured as loaded
  CHECK(tension_value(1, 0) == 0.0f);
}

TEST_CASE("sim worker: a calf restriction travels, settles on the still path's equilibrium, and traces") {
  const sim::Model& m = sim::default_model();
  SimWorker worker(m);
  worker.set_time_scale(4.0);  // the test waits for rest; four times real time
  SimSnapshot snap;
  uint64_t seen = 0;
  REQUIRE(worker.copy_snapshot(snap, seen));  // the body at rest is published at once
  CHECK(snap.element_tension.size() == size_t(m.nelement));
  CHECK(snap.hinge_q.size() == size_t(m.nhinge));

  auto session = session_with_restrictions({"gastrocnemius.l=3,4"});
  REQUIRE(session.ok());
  worker.post(*session, 7);
  // Soon after the change the calf carries its load while the back has not yet moved.
  REQUIRE(wait_for(worker, snap, seen, 10, [](const SimSnapshot& s) { return s.session_revision == 7; }));
  CHECK(snap.reference_change_N > 10);  // the scale the change will reach
  CHECK(worker.sync_error().empty());
  // At rest, it stands where the equilibrium of the same session does (the still path).
  REQUIRE(wait_for(worker, snap, seen, 120,
                   [](const SimSnapshot& s) { return s.settled && s.session_revision == 7; }));
  auto still = equilibrium_snapshot(m, *session);
  REQUIRE(still.ok());
  TensionColouring live = colour_by_tension(m, snap, worker.baseline());
  TensionColouring at_rest = colour_by_tension(m, *still, worker.baseline());
  CHECK(live.max_change_N == doctest::Approx(at_rest.max_change_N).epsilon(0.02));
  for (const char* id : {"sbl.gastrocnemius.l", "biceps_femoris.l", "erector_spinae.l"}) {
    CAPTURE(id);
    CHECK(track_max(live, id) == doctest::Approx(track_max(at_rest, id)).epsilon(0.03));
  }
  // A gradient, not a mean: along the erector the change falls off toward the neck.
  const auto& erector = live.track_profile.at("erector_spinae.l");
  REQUIRE(erector.size() > 4);
  CHECK(erector.front() > erector.back());

  // Trace from the occipital ridge on the worker's own state: ranked, positive, shares summing to 1.
  worker.request_trace({"occipital_ridge", 1});
  std::optional<TraceAnswer> answer;
  for (int i = 0; i < 2000 && !answer; ++i) {
    answer = worker.take_trace();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(answer);
  CHECK(answer->error.empty());
  CHECK(answer->load_N > 0);
  REQUIRE(answer->sources.size() == 5);
  double share = 0;
  for (size_t i = 0; i < answer->sources.size(); ++i) {
    CHECK(answer->sources[i].n_per_pct > 0);
    if (i) CHECK(answer->sources[i].n_per_pct <= answer->sources[i - 1].n_per_pct + 1e-9);
    share += answer->sources[i].share;
  }
  CHECK(share == doctest::Approx(1.0));
  // An unknown place is an answer with an error, not a crash.
  worker.request_trace({"nowhere", 2});
  answer.reset();
  for (int i = 0; i < 2000 && !answer; ++i) {
    answer = worker.take_trace();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(answer);
  CHECK(answer->error.find("'nowhere'") != std::string::npos);

  // Removing the restriction lets the body come back to its rest tensions.
  worker.post(session::default_session(), 8);
  REQUIRE(wait_for(worker, snap, seen, 120,
                   [](const SimSnapshot& s) { return s.settled && s.session_revision == 8; }));
  CHECK(max_added_tension(m, snap, worker.baseline()) < 0.05);
  CHECK(worker.stats().steps > 0);
}

TEST_CASE("sim worker: an unknown target is reported by the sync and changes nothing") {
  SimWorker worker(sim::default_model());
  session::Session s = session::default_session();
  s.restrictions.push_back({"no_such_tissue.l", 3, 4});
  worker.post(s, 1);
  SimSnapshot snap;
  uint64_t seen = 0;
  REQUIRE(wait_for(worker, snap, seen, 30, [](const SimSnapshot& x) { return x.session_revision == 1; }));
  CHECK(worker.sync_error().find("no_such_tissue.l") != std::string::npos);
}

#include <doctest/doctest.h>

#include <cmath>

#include "session/history.h"
#include "session/sim_sync.h"
#include "session/treatments.h"
#include "sim/commands.h"
#include "sim/forward.h"
#include "sim/solver.h"

using namespace fascia;
using namespace fascia::session;

namespace {

Session restricted_calf() {
  return reduce(default_session(), SetRestriction{{"gastrocnemius.l", 4, 5}}).value();
}

Session with(const Session& s, const Action& a) {
  return reduce(s, a).value();
}

double mean_k(const sim::Model& m, const sim::Data& d, const std::vector<int>& els) {
  double k = 0;
  for (int e : els) k += d.element_k[e] / m.element_stiffness[e];
  return k / double(els.size());
}

}  // namespace

TEST_CASE("treatments: a release preset is one click from the restriction and needs one") {
  Session s = restricted_calf();
  auto t = release_preset(s, "gastrocnemius.l", 5);
  REQUIRE(t.ok());
  CHECK(t->kind == TreatmentKind::MyofascialRelease);
  CHECK(t->start_s == 5);
  CHECK(t->duration_s == kReleaseDurationS);
  CHECK_FALSE(release_preset(s, "soleus.l", 5).ok());
  CHECK(treatment_explanation(TreatmentKind::MyofascialRelease).find("sustained pressure") !=
        std::string::npos);
}

TEST_CASE(
    "treatments: after 60 s of release the restriction's stiffness is what the viscoelastic model expects") {
  const sim::Model& m = sim::default_model();
  Session s = restricted_calf();
  s = with(s, StartTreatment{release_preset(s, "gastrocnemius.l", 10).value()});
  // Before its start nothing happens; from it on, the release is in the session.
  CHECK(treatment_actions(s, s.treatments[0], 9).empty());
  s = advance_treatments(s, 11).value();
  REQUIRE(s.releases.size() == 1);
  CHECK(s.releases[0].start_s == 10);
  // Asking again about the same moment changes nothing.
  CHECK(advance_treatments(s, 11).value() == s);

  sim::Data d = sim::make_data(m);
  SimBinding b;
  REQUIRE(sync_sim(m, s, d, b));
  auto els = sim::restrict_elements(m, "gastrocnemius.l").value();
  const double tau = m.opt.release_time_constant;
  d.time = 10;
  sim::forward_params(m, d);
  CHECK(mean_k(m, d, els) == doctest::Approx(4.0).epsilon(1e-9));
  d.time = 70;
  sim::forward_params(m, d);
  // x^{e^{-60/τ}}: with τ = 20 s, 4^{0.0498} = 1.071.
  double expected = std::pow(4.0, std::exp(-60.0 / tau));
  CHECK(mean_k(m, d, els) == doctest::Approx(expected).epsilon(1e-9));
  CHECK(mean_k(m, d, els) < 1.1);
  Restriction eff = effective_restriction(s, s.restrictions[0], tau, 70);
  CHECK(eff.stiffness_x == doctest::Approx(expected));
  CHECK(eff.shorten_pct == doctest::Approx(5 * std::exp(-3.0)));

  // After its 90 s the treatment ends and the tissue stays softened.
  s = advance_treatments(s, 100.5).value();
  REQUIRE(s.treatments.size() == 1);
  CHECK(s.treatments[0].finished);  // kept as the record of what was done
  CHECK(advance_treatments(s, 200).value() == s);
  CHECK(s.releases.size() == 1);
  auto p = treatment_progress(release_preset(s, "gastrocnemius.l", 10).value(), 52);
  CHECK(p.caption == "myofascial release of gastrocnemius.l: 0:42 of 1:30");
  CHECK(p.fraction == doctest::Approx(42.0 / 90));
}

TEST_CASE("treatments: the release gives back the ankle's range the restriction took") {
  const sim::Model& m = sim::default_model();
  Session free_body = default_session();
  Session s = restricted_calf();
  s = with(s, StartTreatment{release_preset(s, "gastrocnemius.l", 0).value()});
  s = advance_treatments(s, 0.01).value();
  double unrestricted = range_of_motion(m, free_body, "ankle.l", 0).value();
  double before = range_of_motion(m, s, "ankle.l", 0).value();
  double after = range_of_motion(m, s, "ankle.l", 60).value();
  INFO("ankle dorsiflexion: free ", unrestricted, ", restricted ", before, ", after 60 s of release ", after);
  // In this model the calf restriction takes about 0.5 degrees of the ankle's 19 (fascia rom): the
  // joint's end stop, not the calf, ends dorsiflexion (engine/sim/README.md, a known shortfall);
  // the release, at weight e^{-60/20} = 5 % after 60 s, must give nearly all of it back.
  CHECK(before < unrestricted - 0.3);
  CHECK(after > before);
  CHECK(after <= unrestricted + 0.05);
  CHECK(unrestricted - after < 0.15 * (unrestricted - before));
}

TEST_CASE("treatments: an assisted stretch moves the ankle in breaths, pulls gently and lets go at its end") {
  const sim::Model& m = sim::default_model();
  Session s = restricted_calf();
  auto t = stretch_preset(m, s, "gastrocnemius.l", 0);
  REQUIRE_MESSAGE(t.ok(), (t.ok() ? "" : t.error().message));
  CHECK(t->kind == TreatmentKind::AssistedStretch);
  CHECK(t->joint == "ankle.l");
  double restricted = range_of_motion(m, s, "ankle.l", 0).value();
  CHECK(t->range_deg == doctest::Approx(kStretchRangeFraction * restricted).epsilon(1e-6));
  CHECK(t->place.find("gastrocnemius") != std::string::npos);

  s = with(s, StartTreatment{*t});
  const double period = s.breathing.period_s;
  // Ramp: nothing at the start, the full range only after the ramp-in breaths.
  CHECK(stretch_angle_deg(*t, period, 0.0) == 0);
  CHECK(stretch_angle_deg(*t, period, period) < 0.7 * t->range_deg);
  // Mid-stretch: furthest on a breath out (whole periods), eased on a breath in.
  double out = stretch_angle_deg(*t, period, 5 * period);
  double in = stretch_angle_deg(*t, period, 5.5 * period);
  CHECK(out == doctest::Approx(t->range_deg));
  CHECK(in == doctest::Approx(kStretchEaseFraction * t->range_deg));
  // Never past the pain-free end.
  for (double x = 0; x < t->duration_s; x += 0.25)
    CHECK(stretch_angle_deg(*t, period, x) <= t->range_deg + 1e-9);

  Session mid = advance_treatments(s, 5 * period).value();
  REQUIRE(find_hold(mid, "ankle.l"));
  CHECK(find_hold(mid, "ankle.l")->degrees == doctest::Approx(out));
  REQUIRE(mid.loads.size() == 1);
  CHECK(mid.loads[0].newtons == kStretchLoadN);
  CHECK(mid.loads[0].frequency_hz == kStretchLoadHz);
  CHECK(mid.breathing.on);
  CHECK(mid.releases.size() == 1);
  // The session's inputs are ones the simulation takes.
  sim::Data d = sim::make_data(m);
  SimBinding b;
  REQUIRE(sync_sim(m, mid, d, b));

  Session end = advance_treatments(mid, t->duration_s + 0.1).value();
  REQUIRE(end.treatments.size() == 1);
  CHECK(end.treatments[0].finished);
  CHECK(end.holds.empty());
  CHECK(end.loads.empty());
  CHECK_FALSE(end.breathing.on);
  CHECK(end.releases.size() == 1);
  // The range gained by the stretch.
  double unrestricted = range_of_motion(m, default_session(), "ankle.l", 0).value();
  double gained = range_of_motion(m, end, "ankle.l", t->duration_s).value() - restricted;
  INFO("ankle range: restricted ", restricted, ", gained ", gained, ", unrestricted ", unrestricted);
  CHECK(gained > 0.8 * (unrestricted - restricted));
  CHECK(gained < unrestricted - restricted + 0.05);
}

TEST_CASE("treatments: a stretch needs a restriction that limits a joint") {
  const sim::Model& m = sim::default_model();
  CHECK_FALSE(stretch_preset(m, default_session(), "gastrocnemius.l", 0).ok());
  Session s = reduce(default_session(), SetRestriction{{"gastrocnemius.l", 1, 0}}).value();
  auto r = stretch_preset(m, s, "gastrocnemius.l", 0);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("limits no joint") != std::string::npos);
}

TEST_CASE("treatments: undo across a finished treatment steps back through what the therapist did") {
  // As the window does it: the treatment's end is folded into every state of the history when the
  // clock passes it (finish_due_treatments through History::rewrite), never an undo step of its own
  // (as one, Ctrl+Z took it back and the next frame finished it again: undo looked stuck).
  History h;
  auto finish_at = [&](double now) {
    h.rewrite([now](const Session& s) { return finish_due_treatments(s, now); });
  };
  REQUIRE(h.apply(SetRestriction{{"gastrocnemius.l", 3, 4}}));
  auto t = release_preset(h.current(), "gastrocnemius.l", 2);
  REQUIRE(t.ok());
  REQUIRE(h.apply(StartTreatment{*t}, "treatment"));
  REQUIRE(h.apply(StartRelease{"gastrocnemius.l", 2}, "treatment"));
  Breathing deeper = h.current().breathing;
  deeper.depth = 0.8;
  REQUIRE(h.apply(SetBreathing{deeper}));  // something done while it ran: a step between
  finish_at(1);                            // not due yet
  REQUIRE_FALSE(h.current().treatments[0].finished);
  finish_at(2 + t->duration_s + 1);
  REQUIRE(h.current().treatments.size() == 1);
  CHECK(h.current().treatments[0].finished);
  CHECK(h.undo_depth() == 3);  // restrict, treatment, breathing: the finish is no step

  // Each Ctrl+Z changes the session, and the next frame's finish changes nothing after it.
  uint64_t rev = h.revision();
  finish_at(200);
  CHECK(h.revision() == rev);

  REQUIRE(h.undo());  // the breathing depth
  rev = h.revision();
  finish_at(200);
  CHECK(h.revision() == rev);
  CHECK(h.current().breathing.depth == doctest::Approx(Breathing{}.depth));
  REQUIRE(h.current().treatments.size() == 1);
  CHECK(h.current().treatments[0].finished);  // its time had run out here too

  REQUIRE(h.undo());  // the release
  finish_at(200);
  CHECK(h.current().treatments.empty());
  CHECK(h.current().releases.empty());
  REQUIRE(h.current().restrictions.size() == 1);
  CHECK(h.current().restrictions[0].stiffness_x == doctest::Approx(3));

  REQUIRE(h.undo());  // the restriction
  finish_at(200);
  CHECK(h.current().restrictions.empty());
  CHECK_FALSE(h.can_undo());

  // Redo walks forward again, the treatment finished wherever it is.
  REQUIRE(h.redo());
  REQUIRE(h.redo());
  finish_at(200);
  REQUIRE(h.current().treatments.size() == 1);
  CHECK(h.current().treatments[0].finished);
  CHECK(h.can_redo());  // the finish did not clear the redo list
  REQUIRE(h.redo());
  CHECK(h.current().breathing.depth == doctest::Approx(0.8));
}

TEST_CASE("treatments: a treatment undone while it runs comes back finished when redone after its end") {
  History h;
  REQUIRE(h.apply(SetRestriction{{"gastrocnemius.l", 3, 4}}));
  auto t = release_preset(h.current(), "gastrocnemius.l", 0);
  REQUIRE(t.ok());
  REQUIRE(h.apply(StartTreatment{*t}));
  REQUIRE(h.undo());
  h.rewrite([&](const Session& s) { return finish_due_treatments(s, t->duration_s + 1); });
  CHECK(h.current().treatments.empty());
  REQUIRE(h.redo());
  REQUIRE(h.current().treatments.size() == 1);
  CHECK(h.current().treatments[0].finished);
}

#pragma once
// The two treatment presets the product is built around, as pure functions of session time: a
// Treatment in the session (set by StartTreatment, one click from a restriction) says what to do;
// `treatment_actions` says what the session's inputs must be at a moment of it, so the window, a
// script and a test that ask about the same moment get the same actions.
//
// - Myofascial release: slow sustained pressure on the restricted tissue (StartRelease); the
//   restriction relaxes viscoelastically, weight e^{-t/τ} with the model's release time constant.
// - Assisted stretch: the therapist moves the limb through its pain-free range with a gentle
//   oscillating traction along the line, the client breathing slowly in time: a hold that ramps in,
//   goes a little further on each breath out and eases back on each breath in (SetHold), an
//   oscillating load on the restricted track (SetLoad with a frequency), breathing on (SetBreathing),
//   and the sustained stretch relaxes the restriction as a release does.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "session/actions.h"
#include "sim/model.h"

namespace fascia::session {

// Constants of the presets chosen for a gentle demonstration, not taken from a measurement (written
// down as the charter asks): see docs/session-format.md, "Treatments".
inline constexpr double kReleaseDurationS = 90;  // a typical hold of sustained pressure
inline constexpr double kStretchDurationS = 60;
inline constexpr double kStretchRangeFraction = 0.9;  // pain-free end: this share of the restricted range
inline constexpr double kStretchEaseFraction = 0.85;  // on a breath in, ease back to this share of it
inline constexpr double kStretchLoadN = 12;           // oscillating traction amplitude
inline constexpr double kStretchLoadHz = 0.5;
inline constexpr double kStretchBreathDepth = 0.8;
inline constexpr int kStretchRampBreaths = 2;  // breaths to reach the range, and to leave it

std::string_view treatment_name(TreatmentKind k);         // "myofascial release"
std::string_view treatment_explanation(TreatmentKind k);  // two plain sentences for the screen

// The presets for the restriction on `target`, starting at `now_s` of session time. The stretch
// chooses the joint the restriction limits most and its pain-free range, measured on `m` with the
// session as it is (holds on that joint let go).
Result<Treatment> release_preset(const Session& s, const std::string& target, double now_s);
Result<Treatment> stretch_preset(const sim::Model& m, const Session& s, const std::string& target,
                                 double now_s);

// The angle of the stretch's hold at `now_s` (0 outside it). `breath_period_s` sets the rhythm.
double stretch_angle_deg(const Treatment& t, double breath_period_s, double now_s);

// What the session's inputs must be at `now_s` for treatment `t`: repeated calls give the same
// actions, and once the treatment has ended they take away its hold, load and breathing and mark
// it finished, kept as the record of what was done (the release it began stays: the tissue stays
// softened).
std::vector<Action> treatment_actions(const Session& s, const Treatment& t, double now_s);
// Every treatment of the session advanced to `now_s`.
Result<Session> advance_treatments(const Session& s, double now_s);
// `s` with each treatment whose time is up at `now_s` finished (its end's actions applied: holds,
// loads and breathing let go, `finished` set); nullopt when none is due. A treatment's end is the
// clock's doing, not the therapist's, so the window applies this to every state of its undo
// history (History::rewrite): an undo never lands on a treatment the next frame would finish again.
std::optional<Session> finish_due_treatments(const Session& s, double now_s);

// For the screen: how far along, in plain words ("myofascial release of gastrocnemius.l: 0:42 of 1:30").
struct TreatmentProgress {
  double elapsed_s = 0, remaining_s = 0, fraction = 0;
  bool done = false;
  std::string caption;
};
TreatmentProgress treatment_progress(const Treatment& t, double now_s);

// The restriction as it acts at `now_s`, its release (if any) taken into account: the stiffness
// multiplier x^w and shortening w·p with w = e^{-(t - t0)/τ} (what sim/forward.cpp applies).
Restriction effective_restriction(const Session& s, const Restriction& r, double tau_s, double now_s);

// Passive range of motion of `joint` (degrees, in its named direction) with the session's inputs
// as they act at `at_s`, holds on that joint let go. The range gained by a treatment is this at its
// end minus this at its start.
Result<double> range_of_motion(const sim::Model& m, const Session& s, const std::string& joint, double at_s);

}  // namespace fascia::session

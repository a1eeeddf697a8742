#pragma once
// The therapist's treatments in the window: "Myofascial release" and "Assisted stretch" one click
// from a restriction (its popup and the restriction list), the treatment panel (the plain
// explanation, a timer on the simulation's clock with Stop, breathing, traction and hold) and the
// posture and range panel (the joint's angle, its range of motion before the treatment and now).
// The presets are engine/session/treatments.*; the sim worker plays them out on its clock.
#include <future>
#include <string>

#include "ui/live.h"

namespace fascia::app {

// A range-of-motion measurement of one joint at one moment of session time, with the session as it
// acts then (session::range_of_motion: the same measurement for "before" and "now").
struct RangeMeasure {
  std::string joint;
  double at_s = -1;
  double degrees = 0;
  bool ok = false;
  std::string error;
};

struct TherapyUi {
  // The treatment the panels show: the running one, else the last one given.
  std::string target;
  double start_s = -1;
  RangeMeasure before, now, free_range;  // free_range: the same joint with no restrictions
  std::future<RangeMeasure> before_job, now_job, free_job;
  uint64_t now_revision = ~uint64_t(0);  // the history revision "now" was measured for
  bool finished_seen = false;
  // The posture when the shown treatment started, drawn as a faint ghost skin while the box is on.
  std::shared_ptr<const std::vector<mat4>> ghost_palette;
  bool show_ghost = true;
};

// The ghost's skinning matrices while the posture panel shows and its box is ticked, else null.
std::shared_ptr<const std::vector<mat4>> ghost_palette(const LiveState& s, const TherapyUi& ui);

// "Myofascial release" and "Assisted stretch" for the restriction on `target`, with the
// explanation as a tooltip (in the popup and in the restriction list). `script_presses`: these are
// the buttons a script's `press release` / `press stretch` means.
void draw_treatment_buttons(LiveState& s, const std::string& target, bool script_presses);
// Starts a preset at the simulation's time now; false (and a message on stderr) when it cannot.
bool start_treatment(LiveState& s, session::TreatmentKind kind, const std::string& target);
// Stops the running treatment of `target` where it is, kept as the record of what was done.
void stop_treatment(LiveState& s, const std::string& target);
// Marks treatments whose time has run out on the simulation's clock as finished, in every state of
// the undo history (no undo step: session::finish_due_treatments). Called each frame after the
// worker's snapshot is taken.
void finish_treatments(LiveState& s);
// Whether a treatment is still running (the `wait treatment` script event waits for none).
bool treatment_running(const LiveState& s);

// The treatment panel (bottom left) and the posture and range panel (bottom right, above the
// legend), when there is a treatment to show; `scale` is the window's UI scale.
// Whether the Treatment panel showed (it takes the bottom-left corner the inspector also uses).
bool draw_therapy_panels(LiveState& s, TherapyUi& ui, float scale);

}  // namespace fascia::app

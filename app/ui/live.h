#pragma once
// The live window's state and its panels: the session with undo (session::History), the sim worker's
// latest snapshot and the tension colouring made from it, the "Restrict…" popup beside what was
// clicked, the trace ("Where does this come from?") and the restriction list. Every change goes
// through an action on the history; the sim worker is told when the simulation inputs change.
#include <map>
#include <optional>
#include <set>
#include <string>

#include "common/app_model.h"
#include "common/tension.h"
#include "session/history.h"
#include "ui/sim_worker.h"

namespace fascia::app {

// What a click on a structure can do in the simulation.
struct PickTargets {
  std::string id;    // the picked track, station or body part
  std::string name;  // its full name
  std::string
      restrict_target;   // what "Restrict…" restricts (a track or a tissue with its side); empty: nothing
  std::string trace_at;  // where a trace looks (a sim track or station); empty: nothing
};

struct LivePopup {
  bool open = false;
  bool sliders = false;  // the restriction's sliders are showing
  PickTargets targets;
  vec2 at{0};  // window pixel it opens beside
};

struct LiveState {
  AppModel* model = nullptr;
  SimWorker* worker = nullptr;
  session::History history;
  uint64_t posted_revision = ~uint64_t(0);  // history revision whose sim inputs the worker has
  session::Session posted;                  // those inputs
  uint64_t sim_revision = 0;                // the revision last posted to the worker

  SimSnapshot snapshot;
  uint64_t snapshot_seen = 0;
  bool snapshot_changed = false;  // a new snapshot arrived this frame
  TensionColouring tension;
  bool tension_on = false;            // the lines show tension (there are inputs, or a change still fading)
  std::vector<double> shown_hinge_q;  // the angles the body on screen stands at
  bool pose_from_simulation = true;   // false while a movement of the pose library plays

  LivePopup popup;
  std::optional<TraceAnswer> trace;
  uint64_t trace_requests = 0;
  bool trace_pending = false;
  std::string search;
  float time_scale = 1.0f;

  // Script input for this frame: buttons pressed and sliders set by name (see script.h); the
  // panels consume them where the widget is drawn.
  std::set<std::string> pressed;
  std::map<std::string, double> slider_values;
  std::set<std::string> sliders_released;
};

// Applies an action through the history (a merge key makes a run of them one undo step).
void apply(LiveState& s, const session::Action& a, const std::string& merge_key = {});
void undo(LiveState& s);
void redo(LiveState& s);
// Posts the session to the worker when its simulation inputs changed; takes a new snapshot and
// recolours the lines. Returns true when anything on screen may have changed.
bool sync_with_worker(LiveState& s);

// Each simulated track's largest added tension now against the body at rest (N), for the inspector.
std::map<std::string, float> added_tension_by_track(const LiveState& s);

// What a pick id or a named structure can restrict and trace.
PickTargets targets_of(const LiveState& s, const std::string& id);
std::string id_of_pick(const AppModel& model, uint32_t pick);
// A clicked structure: selects it and opens the popup beside `at`.
void clicked(LiveState& s, const std::string& id, vec2 at);
// Asks the worker where the load at `at` comes from.
void start_trace(LiveState& s, const std::string& at);

// Panels, drawn into the current ImGui frame.
void draw_popup(LiveState& s);
void draw_trace(LiveState& s);
void draw_restrictions(LiveState& s);

// The view the session asks for (layers, lines, selection, tension), written into `view`.
void view_from_session(const LiveState& s, ViewState& view);

}  // namespace fascia::app

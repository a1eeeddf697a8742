#pragma once
// Typed actions on a Session, one struct each; `reduce` applies one and returns the new value.
// Adding a restriction, load, hold or release for a target that already has one edits it in place
// (a repeat never stacks). Values out of range are refused with a message naming the field and the
// range; the session is then unchanged.
#include <string>
#include <variant>

#include "core/result.h"
#include "session/session.h"

namespace fascia::session {

struct SetRestriction {
  Restriction value;
};
struct RemoveRestriction {
  std::string target;
};
struct ClearRestrictions {};
struct StartRelease {
  std::string target;
  double at_s = 0;
};
struct StopRelease {
  std::string target;
};
struct StartTreatment {
  Treatment value;
};  // needs a restriction on its target
struct StopTreatment {
  std::string target;
};
struct SetLoad {
  Load value;
};
struct RemoveLoad {
  std::string place;
};
struct SetHold {
  Hold value;
};
struct RemoveHold {
  std::string joint;
};
struct SetBreathing {
  Breathing value;
};
struct SetMovement {
  std::string name;
  double time_s = 0;
};
struct SetCamera {
  CameraView value;
};
struct SetLayers {
  Layers value;
};
struct ShowLines {
  std::vector<std::string> lines;
};  // exactly these (show only one: a list of one)
struct ToggleLine {
  std::string line;
};
struct SetSide {
  Side side;
};
struct HideStructure {
  std::string id;
};
struct ShowStructure {
  std::string id;
};  // empty id: show every hidden structure
struct Select {
  std::string id;
};
struct SetColourByTension {
  bool on = true;
};
struct SetNotes {
  std::string text;
};
struct SetClientLabel {
  std::string text;
};
struct Reset {};  // back to default_session(), notes kept

using Action =
    std::variant<SetRestriction, RemoveRestriction, ClearRestrictions, StartRelease, StopRelease,
                 StartTreatment, StopTreatment, SetLoad, RemoveLoad, SetHold, RemoveHold, SetBreathing,
                 SetMovement, SetCamera, SetLayers, ShowLines, ToggleLine, SetSide, HideStructure,
                 ShowStructure, Select, SetColourByTension, SetNotes, SetClientLabel, Reset>;

// Whether an action changes the simulation's inputs (the sim worker then re-syncs) or only the view.
bool changes_simulation(const Action& a);

// A short description for the history list and the undo tooltip ("restrict gastrocnemius.l").
std::string describe(const Action& a);

// The pure reducer.
Result<Session> reduce(const Session& s, const Action& a);

}  // namespace fascia::session

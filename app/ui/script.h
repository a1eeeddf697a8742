#pragma once
// `fascia view --script FILE`: a list of input events replayed into the real window, one a line
// (docs/script.md). Tests and other tools drive the app with it under Xvfb. Pure parsing here; the
// window replays the events (window_app.cpp) through the same handlers as the mouse and keys.
#include <filesystem>
#include <string>
#include <vector>

#include "core/math.h"
#include "core/result.h"

namespace fascia::app {

struct ScriptEvent {
  enum class Kind {
    Key,          // key SPEC                       ctrl+z, ctrl+shift+z, ctrl+y, escape, 1..4
    Click,        // click TARGET | click X Y       (right-click: the same with `right` set)
    Hover,        // hover TARGET | hover X Y
    Drag,         // drag X0 Y0 X1 Y1 [left|right]
    Scroll,       // scroll N                       the mouse wheel, N notches (positive: closer)
    WaitFrames,   // wait N frames
    WaitSeconds,  // wait S s [idle|sim]   (idle: the script draws no frames of its own meanwhile)
    WaitSettled,  // wait settled                   until the simulation is at rest
    Slider,       // slider NAME VALUE              stiffness, shorten, skin, muscle, bone, time-scale
    Press,        // press BUTTON [ARG]             restrict, trace, remove, source N, close, view front, ...
    Type,         // type FIELD TEXT                search
    Screenshot,   // screenshot FILE.png
    State,        // state FILE.json                the app's state as JSON
    Expect,  // expect WHAT VALUE              restrictions N, restricted ID, selection ID, trace-sources N
    Quit,    // quit
    Learn,   // the student's events (app/ui/learn_script.h): press show-only LINE, type find TEXT, leave, ...
    // The therapist's session (therapy_panel.cpp, docs/script.md "Therapist's session").
    WaitTreatment,  // wait treatment                 until no treatment is running
    Clock,          // clock fast|real                the simulation's clock (SimClock)
    CloseWindow,    // close-window                   the window's close button (asks when unsaved)
    Take,           // press record | press stop-record (app/ui/record_take.h)
    WaitHandout,    // wait handout                   until no handout export is running
  };
  Kind kind = Kind::Quit;
  int line = 0;
  std::string name;        // key spec, target, slider, button, field, file, expectation
  std::string text;        // the rest of the line where it is free text (type, expect, press ARG)
  bool at_pixel = false;   // click/hover: at a pixel, not on a named structure
  bool idle = false;       // wait S s idle
  bool sim_clock = false;  // wait S s sim: S seconds of simulated time
  bool right = false;      // right button
  vec2 from{0}, to{0};     // pixels (window coordinates, origin top left)
  double number = 0;       // frames, seconds, slider value
};

struct Script {
  std::filesystem::path file;
  std::vector<ScriptEvent> events;
};

// Reads and checks the whole script before anything runs; an error names the file, the line and
// the problem ("s.txt:3: wait: expected 'wait N frames', 'wait S s' or 'wait settled'").
Result<Script> load_script(const std::filesystem::path& file);
Result<Script> parse_script(const std::string& text, const std::filesystem::path& file);

}  // namespace fascia::app

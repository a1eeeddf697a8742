#pragma once
// The student's script events (docs/script.md, "Learning"): presses of the learning panels' buttons
// by name (show only a line, a side, follow, lessons, quizzes, search), `type find TEXT`, `leave` (the
// cursor leaves the window) and expectations on what the student sees (the selection, the lines
// shown, the follow station, the lesson step, the quiz score, whether names are hidden). Kept apart
// from script.cpp and window_script.cpp so the therapist's and the student's events grow separately.
#include <string>
#include <vector>

#include "core/json.h"
#include "ui/script.h"

namespace fascia::app {

struct WindowState;

// Parses one line's words when they are a student's event: true when they are (then `error` is empty
// and `e` filled, or `error` says what was expected); false when the line is some other event.
bool parse_learn_event(const std::vector<std::string>& words, ScriptEvent& e, std::string& error);

// Replays a student's event and returns the frames to draw before the next event (0: go on at once).
// A failed expectation or a name that is not there sets `error` ("expect lines sbl.l: got all").
int run_learn_event(WindowState& st, const ScriptEvent& e, std::string& error);

// After the learning panels were built: a press or quiz answer that no widget took is an error.
void check_learn_leftovers(WindowState& st, std::string& error);

// The "learn" section of `state FILE.json`: what the student's panels show (docs/script.md).
Json learn_state_json(const WindowState& st);

}  // namespace fascia::app

#include "ui/script.h"

#include "ui/learn_script.h"
#include "ui/record_take.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace fascia::app {
namespace {

using Kind = ScriptEvent::Kind;

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> w;
  for (std::string s; in >> s;) w.push_back(s);
  return w;
}

bool number(const std::string& s, double& out) {
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size();
}

// The words from index `from` on, joined by single spaces.
std::string rest(const std::vector<std::string>& w, size_t from) {
  std::string out;
  for (size_t i = from; i < w.size(); ++i) out += (i > from ? " " : "") + w[i];
  return out;
}

const std::set<std::string>& key_names() {
  static const std::set<std::string> k = {"escape", "1", "2", "3", "4", "z", "y", "f", "enter", "left",
                                          "right", "f1",
                                          // the therapist's session
                                          "f11", "s", "o", "q"};
  return k;
}

bool valid_key(const std::string& spec) {
  std::string s = spec;
  for (const char* mod : {"ctrl+", "shift+"})
    for (auto at = s.find(mod); at != std::string::npos; at = s.find(mod))
      s.erase(at, std::string(mod).size());
  return key_names().count(s) > 0;
}

}  // namespace

Result<Script> parse_script(const std::string& text, const std::filesystem::path& file) {
  Script script;
  script.file = file;
  std::istringstream in(text);
  std::string raw;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    if (auto hash = raw.find('#'); hash != std::string::npos) raw.erase(hash);
    auto w = words(raw);
    if (w.empty()) continue;
    auto fail = [&](const std::string& what) {
      return bad_input(file.string() + ":" + std::to_string(line) + ": " + w[0] + ": " + what);
    };
    ScriptEvent e;
    e.line = line;
    const std::string& verb = w[0];
    // The student's events first: they share verbs (press, type, expect) with the ones below.
    std::string learn_error;
    // Recording a take (record_take.cpp): press record, press stop-record.
    if (parse_take_event(w, e, learn_error) || parse_learn_event(w, e, learn_error)) {
      if (!learn_error.empty()) return fail(learn_error);
      e.line = line;
      script.events.push_back(std::move(e));
      continue;
    }
    if (verb == "key") {
      if (w.size() != 2 || !valid_key(w[1]))
        return fail(
            "expected 'key SPEC' with SPEC one of escape, 1-4, z, y, f, enter, left, right, f1, f11, s, o, "
            "q, "
            "with ctrl+ or shift+ before it");
      e.kind = Kind::Key;
      e.name = w[1];
    } else if (verb == "click" || verb == "right-click" || verb == "hover") {
      e.kind = verb == "hover" ? Kind::Hover : Kind::Click;
      e.right = verb == "right-click";
      double x, y;
      if (w.size() == 3 && number(w[1], x) && number(w[2], y)) {
        e.at_pixel = true;
        e.from = vec2(float(x), float(y));
      } else if (w.size() == 2) {
        e.name = w[1];
      } else {
        return fail("expected '" + verb + " STRUCTURE' (a track, station or body part id) or '" + verb +
                    " X Y'");
      }
    } else if (verb == "drag") {
      double v[4];
      if ((w.size() != 5 && w.size() != 6) || !number(w[1], v[0]) || !number(w[2], v[1]) ||
          !number(w[3], v[2]) || !number(w[4], v[3]) || (w.size() == 6 && w[5] != "left" && w[5] != "right"))
        return fail("expected 'drag X0 Y0 X1 Y1 [left|right]'");
      e.kind = Kind::Drag;
      e.from = vec2(float(v[0]), float(v[1]));
      e.to = vec2(float(v[2]), float(v[3]));
      e.right = w.size() == 6 && w[5] == "right";
    } else if (verb == "scroll") {
      double n = 0;
      if (w.size() != 2 || !number(w[1], n) || std::abs(n) > 50)
        return fail("expected 'scroll N' (wheel notches, -50 to 50; positive comes closer)");
      e.kind = Kind::Scroll;
      e.number = n;
    } else if (verb == "wait") {
      double n = 0;
      if (w.size() == 2 && w[1] == "settled") {
        e.kind = Kind::WaitSettled;
      } else if (w.size() == 2 && w[1] == "treatment") {
        e.kind = Kind::WaitTreatment;
      } else if (w.size() == 2 && w[1] == "handout") {
        e.kind = Kind::WaitHandout;
      } else if (w.size() == 3 && number(w[1], n) && n >= 0 && w[2] == "frames" && n == double(int(n))) {
        e.kind = Kind::WaitFrames;
        e.number = n;
      } else if ((w.size() == 3 || (w.size() == 4 && (w[3] == "idle" || w[3] == "sim"))) && number(w[1], n) &&
                 n >= 0 && n <= 600 && w[2] == "s") {
        e.kind = Kind::WaitSeconds;
        e.number = n;
        e.idle = w.size() == 4 && w[3] == "idle";
        e.sim_clock = w.size() == 4 && w[3] == "sim";
      } else {
        return fail(
            "expected 'wait N frames', 'wait S s [idle|sim]' (S up to 600), 'wait settled', 'wait "
            "treatment' or 'wait handout'");
      }
    } else if (verb == "slider") {
      static const std::set<std::string> names = {"stiffness", "shorten", "skin", "muscle", "bone",
                                                  "time-scale",
                                                  // the treatment panel
                                                  "depth", "traction", "hold"};
      double v = 0;
      if (w.size() != 3 || !names.count(w[1]) || !number(w[2], v))
        return fail(
            "expected 'slider NAME VALUE' with NAME one of stiffness, shorten, skin, muscle, bone, "
            "time-scale, depth, traction, hold");
      e.kind = Kind::Slider;
      e.name = w[1];
      e.number = v;
    } else if (verb == "press" && w.size() >= 2 && w[1] == "view") {
      // The main panel's view buttons: the whole body from that side, as the keys 1-4.
      static const std::set<std::string> sides = {"front", "back", "left", "right"};
      if (w.size() != 3 || !sides.count(w[2])) return fail("expected 'press view front|back|left|right'");
      e.kind = Kind::Press;
      e.name = "view-" + w[2];
    } else if (verb == "press") {
      static const std::set<std::string> buttons = {
          "restrict", "trace", "remove", "remove-all", "undo", "redo", "source", "close",
          // the treatment panel
          "release", "stretch", "stop-treatment", "breathing", "ghost",
          // the session bar and its dialogs
          "save", "open", "present", "recent", "open-cancel", "quit-save", "quit-discard", "quit-cancel",
          "export-handout"};
      if (w.size() < 2 || !buttons.count(w[1]))
        return fail(
            "expected 'press BUTTON' with BUTTON one of restrict, trace, remove, remove-all, undo, redo, "
            "source N, close, release, stretch, stop-treatment, breathing, ghost, save, open, present, "
            "recent N, "
            "open-cancel, quit-save, quit-discard, quit-cancel, export-handout");
      double n = 0;
      const bool numbered = w[1] == "source" || w[1] == "recent";
      if (numbered && (w.size() != 3 || !number(w[2], n) || n < 1))
        return fail("expected 'press " + w[1] + " N', N from 1");
      if (!numbered && w.size() != 2) return fail("'press " + w[1] + "' takes nothing after it");
      e.kind = Kind::Press;
      e.name = w[1];
      e.number = n;
    } else if (verb == "type") {
      if (w.size() < 2 || (w[1] != "search" && w[1] != "label" && w[1] != "notes"))
        return fail("expected 'type search TEXT', 'type label TEXT' or 'type notes TEXT'");
      e.kind = Kind::Type;
      e.name = w[1];
      e.text = rest(w, 2);
    } else if (verb == "screenshot" || verb == "state") {
      std::string ext = verb == "screenshot" ? ".png" : ".json";
      if (w.size() != 2 || std::filesystem::path(w[1]).extension() != ext)
        return fail("expected '" + verb + " FILE" + ext + "'");
      e.kind = verb == "screenshot" ? Kind::Screenshot : Kind::State;
      e.name = w[1];
    } else if (verb == "expect") {
      static const std::set<std::string> what = {
          "restrictions", "restricted", "not-restricted", "selection", "trace-sources", "popup",
          // the therapist's session
          "treatment", "breathing", "present", "saved", "dialog", "label", "handout"};
      if (w.size() < 3 || !what.count(w[1]))
        return fail(
            "expected 'expect WHAT VALUE' with WHAT one of restrictions, restricted, not-restricted, "
            "selection, trace-sources, popup, treatment, breathing, present, saved, dialog, label, handout");
      double n;
      if ((w[1] == "restrictions" || w[1] == "trace-sources") && (w.size() != 3 || !number(w[2], n)))
        return fail("expected 'expect " + w[1] + " N'");
      e.kind = Kind::Expect;
      e.name = w[1];
      e.text = rest(w, 2);
    } else if (verb == "close-window") {
      if (w.size() != 1) return fail("takes nothing after it");
      e.kind = Kind::CloseWindow;
    } else if (verb == "clock") {
      if (w.size() != 2 || (w[1] != "fast" && w[1] != "real"))
        return fail("expected 'clock fast' or 'clock real'");
      e.kind = Kind::Clock;
      e.name = w[1];
    } else if (verb == "quit") {
      if (w.size() != 1) return fail("takes nothing after it");
      e.kind = Kind::Quit;
    } else {
      return bad_input(file.string() + ":" + std::to_string(line) + ": unknown event '" + verb +
                       "'; expected key, click, right-click, hover, leave, drag, scroll, wait, slider, "
                       "press, type, screenshot, "
                       "state, expect, clock, close-window or quit");
    }
    script.events.push_back(std::move(e));
  }
  return script;
}

Result<Script> load_script(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return bad_input(file.string() + ": cannot open the script");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  if (s.find('\0') != std::string::npos) return bad_input(file.string() + ": not a text file");
  return parse_script(s, file);
}

}  // namespace fascia::app

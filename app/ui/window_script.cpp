#include "ui/window_script.h"

#include <cstdlib>
#include <fstream>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include "core/process_memory.h"
#include "ui/learn_script.h"
#include "ui/panel_layout.h"
#include "ui/present_mode.h"
#include "ui/record_take.h"
#include "ui/state_json.h"
#include "ui/window_input.h"

namespace fascia::app {
namespace {

// A world point to the window pixel it is drawn at.
vec2 project(const scene::Camera& camera, vec3 p, vec2 viewport) {
  vec4 clip = camera.projection(viewport.x / std::max(1.0f, viewport.y)) * camera.view() * vec4(p, 1.0f);
  vec2 ndc = vec2(clip) / std::max(1e-6f, clip.w);
  return vec2((ndc.x * 0.5f + 0.5f) * viewport.x, (ndc.y * 0.5f + 0.5f) * viewport.y);
}

// "ctrl+shift+z" -> a GLFW key and modifiers (the script parser checked the spelling).
std::pair<int, int> parse_key(std::string spec) {
  int mods = 0;
  for (auto [name, bit] :
       {std::pair<const char*, int>{"ctrl+", GLFW_MOD_CONTROL}, {"shift+", GLFW_MOD_SHIFT}})
    for (auto at = spec.find(name); at != std::string::npos; at = spec.find(name)) {
      spec.erase(at, std::string(name).size());
      mods |= bit;
    }
  if (spec == "escape") return {GLFW_KEY_ESCAPE, mods};
  if (spec.size() == 1 && spec[0] >= '1' && spec[0] <= '4') return {GLFW_KEY_1 + (spec[0] - '1'), mods};
  if (spec == "z") return {GLFW_KEY_Z, mods};
  // The therapist's session: present mode and the session's keys.
  if (spec == "f11") return {GLFW_KEY_F11, mods};
  if (spec == "s") return {GLFW_KEY_S, mods};
  if (spec == "o") return {GLFW_KEY_O, mods};
  if (spec == "q") return {GLFW_KEY_Q, mods};
  if (spec == "y") return {GLFW_KEY_Y, mods};
  if (spec == "enter") return {GLFW_KEY_ENTER, mods};
  if (spec == "left") return {GLFW_KEY_LEFT, mods};
  if (spec == "right") return {GLFW_KEY_RIGHT, mods};
  if (spec == "f1") return {GLFW_KEY_F1, mods};
  return {GLFW_KEY_F, mods};
}

Error script_error(const ScriptRun& r, const ScriptEvent& e, const std::string& what, bool bad_input_kind) {
  std::string msg = r.script->file.string() + ":" + std::to_string(e.line) + ": " + what;
  return bad_input_kind ? bad_input(msg) : internal_error(msg);
}

// The range measured by the posture and range panel, into the state file.
void add_therapy_state(Json& j, const WindowState& st) {
  auto range = [](const RangeMeasure& r) -> Json {
    if (!r.ok) return nullptr;
    return {{"joint", r.joint}, {"at_s", r.at_s}, {"degrees", r.degrees}};
  };
  const SessionMenu& m = st.session_menu;
  j["document"] = {{"path", m.doc.path.string()},
                   {"unsaved", unsaved(st)},
                   {"recent", m.recent},
                   {"message", m.message},
                   {"client_label", st.live.history.current().client_label},
                   {"notes", st.live.history.current().notes}};
  // The standing panels' places in the frame just drawn ([x, y, width, height], window pixels): the
  // layout test checks that none covers another.
  j["panels"] = Json::object();
  for (const auto& [name, r] : drawn_panels()) j["panels"][name] = {r.x, r.y, r.w, r.h};
  const HandoutExport& h = st.handout;
  j["handout"] = {{"running", h.running()},
                  {"written", h.written},
                  {"pdf", h.paths.pdf.string()},
                  {"png", h.paths.png.string()},
                  {"error", h.error}};
  j["present"] = {{"on", st.present.on}, {"caption", present_caption(st)}, {"font_px", st.present.font_px}};
  j["therapy"]["range"] = {{"before", range(st.therapy.before)},
                           {"now", range(st.therapy.now)},
                           {"without_restriction", range(st.therapy.free_range)}};
}

// The therapist's session: `expect treatment running|finished|none`, `expect breathing on|off`.
bool therapy_expectation(const WindowState& st, const ScriptEvent& e, std::string& got) {
  const session::Session& cur = st.live.history.current();
  if (e.name == "breathing") {
    got = cur.breathing.on ? "on" : "off";
    return got == e.text;
  }
  if (e.name == "present") {
    got = st.present.on ? "on" : "off";
    return got == e.text;
  }
  if (e.name == "saved") {
    got = unsaved(st) ? "no" : "yes";
    return got == e.text;
  }
  if (e.name == "dialog") {
    got = st.session_menu.asking_quit ? "quit" : st.session_menu.open_dialog ? "open" : "none";
    return got == e.text;
  }
  if (e.name == "label") {
    got = cur.client_label;
    return got == e.text;
  }
  if (e.name == "handout") {
    const HandoutExport& h = st.handout;
    got = h.running() ? "running" : h.written ? "written" : !h.error.empty() ? "failed" : "none";
    return got == e.text;
  }
  got = cur.treatments.empty() ? "none" : treatment_running(st.live) ? "running" : "finished";
  return got == e.text;
}

// Whether an `expect` holds; `got` says what was found.
bool expectation(const WindowState& st, const ScriptEvent& e, std::string& got) {
  const LiveState& l = st.live;
  const session::Session& cur = l.history.current();
  if (e.name == "restrictions") {
    got = std::to_string(cur.restrictions.size());
    return int(cur.restrictions.size()) == std::atoi(e.text.c_str());
  }
  if (e.name == "restricted" || e.name == "not-restricted") {
    bool has = session::find_restriction(cur, e.text) != nullptr;
    got = has ? "restricted" : "not restricted";
    return has == (e.name == "restricted");
  }
  if (e.name == "selection") {
    got = cur.selection.empty() ? "none" : cur.selection;
    return got == e.text;
  }
  if (e.name == "trace-sources") {
    got = l.trace ? std::to_string(l.trace->sources.size()) : "no trace";
    return l.trace && int(l.trace->sources.size()) == std::atoi(e.text.c_str());
  }
  if (e.name == "treatment" || e.name == "breathing" || e.name == "present" || e.name == "saved" ||
      e.name == "dialog" || e.name == "label" || e.name == "handout")
    return therapy_expectation(st, e, got);
  got = l.popup.open ? l.popup.targets.id : "none";  // popup
  return got == e.text;
}

}  // namespace

// Replays script events until one has to wait for frames, time or the simulation.
void run_script(GLFWwindow* w, WindowState& st, int fh) {
  ScriptRun& r = st.script;
  if (!r.active() || r.error) return;
  const double now = glfwGetTime();
  if (r.idle && now < r.wait_until) return;  // the window sleeps as it would unscripted
  r.idle = false;
  st.redraw = std::max(st.redraw, 1);
  if (r.wait_frames > 0) {
    --r.wait_frames;
    return;
  }
  if (now < r.wait_until) return;
  int fw = 0, unused_h = 0;
  glfwGetFramebufferSize(w, &fw, &unused_h);
  const vec2 viewport{float(fw), float(fh)};
  while (r.active()) {
    const ScriptEvent& e = r.script->events[r.next];
    using K = ScriptEvent::Kind;
    if (e.kind == K::WaitSeconds && e.sim_clock) {
      // Simulated seconds: the same states however fast this machine steps (a sanitized build
      // steps several times slower than the wall clock).
      if (r.sim_until < 0) {
        r.sim_until = st.live.snapshot.time + e.number;
        r.deadline = now + 300;
      }
      if (st.live.snapshot.time < r.sim_until) {
        if (now > r.deadline)
          r.error = script_error(r, e, "wait S s sim: the simulation did not get there within 300 s", false);
        return;
      }
      r.sim_until = -1;
      ++r.next;
      continue;
    }
    if (e.kind == K::WaitSettled) {
      const LiveState& l = st.live;
      // The limit is on the simulation's clock (a sanitized build on a loaded machine steps several
      // times slower than the wall clock), with a wall-clock guard for a worker that stops stepping.
      if (!r.waiting_settled) {
        r.waiting_settled = true;
        r.deadline = now + 600;
        r.sim_until = l.snapshot.time + 60;
      }
      bool done = l.snapshot.settled && l.snapshot.session_revision == l.sim_revision &&
                  l.posted_revision == l.history.revision() && !l.trace_pending;
      if (!done && (l.snapshot.time > r.sim_until || now > r.deadline)) {
        r.error = script_error(
            r, e,
            l.snapshot.time > r.sim_until
                ? "wait settled: the simulation did not come to rest within 60 simulated seconds"
                : "wait settled: the simulation did not come to rest within 600 s of wall-clock time",
            false);
        return;
      }
      if (!done) return;
      r.waiting_settled = false;
      r.sim_until = -1;
      ++r.next;
      continue;
    }
    if (e.kind == K::WaitTreatment) {
      if (!r.waiting_treatment) {
        r.waiting_treatment = true;
        r.deadline = now + 600;
      }
      const LiveState& l = st.live;
      // ... and the posture and range panel has measured the range the treatment left.
      const TherapyUi& th = st.therapy;
      bool measured = !th.before_job.valid() && !th.now_job.valid() && !th.free_job.valid() &&
                      (!th.before.ok || th.now_revision == l.history.revision());
      bool done = !treatment_running(l) && l.posted_revision == l.history.revision() && measured;
      if (!done && now > r.deadline) {
        r.error = script_error(r, e, "wait treatment: the treatment did not end within 600 s", false);
        return;
      }
      if (!done) return;
      r.waiting_treatment = false;
      ++r.next;
      continue;
    }
    if (e.kind == K::WaitHandout) {
      if (!r.waiting_handout) {
        r.waiting_handout = true;
        r.deadline = now + 300;
      }
      const bool done = !st.handout.running();
      if (!done && now > r.deadline) {
        r.error = script_error(r, e, "wait handout: the handout was not written within 300 s", false);
        return;
      }
      if (!done) return;
      r.waiting_handout = false;
      ++r.next;
      continue;
    }
    ++r.next;
    switch (e.kind) {
      case K::Key: {
        auto [key, mods] = parse_key(e.name);
        handle_key(w, st, key, mods);
        r.wait_frames = 1;
        return;
      }
      case K::Click:
      case K::Hover: {
        if (e.at_pixel) {
          if (e.kind == K::Click)
            click_at(w, st, e.from.x, e.from.y, e.right);
          else
            st.picks.cursor_moved(framebuffer_pixel(w, e.from.x, e.from.y), now - 1, true);
          r.wait_frames = 3;  // the id buffer answers a frame or two later
          return;
        }
        uint32_t pick = st.model->pick_of(e.name);
        auto anchor = st.model->anchor_of(e.name);
        if (!pick || !anchor) {
          r.error = script_error(r, e,
                                 (e.kind == K::Click ? "click" : "hover") +
                                     std::string(": no track, station or body part '") + e.name + "'",
                                 true);
          return;
        }
        if (e.kind == K::Click) {
          clicked(st.live, e.name, project(st.view.camera, *anchor, viewport));
          st.script_learn_click = e.name;  // the inspector and a "click the structure" question see it too
        } else
          st.forced_hover = pick;
        r.wait_frames = 1;
        return;
      }
      case K::Drag: {
        st.learn.fly = CameraFly{};
        st.controls.on_button(!e.right, e.right, e.from.x, e.from.y);
        st.controls.on_move(st.view.camera, e.to.x, e.to.y, fh);
        st.controls.on_button(false, false, e.to.x, e.to.y);
        r.wait_frames = 1;
        return;
      }
      case K::Scroll:
        st.learn.fly = CameraFly{};  // as the wheel does: the hand on the camera wins over a fly
        st.controls.on_scroll(st.view.camera, e.number);
        r.wait_frames = 1;
        return;
      case K::WaitFrames:
        r.wait_frames = int(e.number);
        return;
      case K::WaitSeconds:
        r.wait_until = now + e.number;
        r.idle = e.idle;
        return;
      case K::Slider:
        st.live.slider_values[e.name] = e.number;
        r.wait_frames = 1;
        return;
      case K::Press:
        st.live.pressed.insert(
            e.name == "source" || e.name == "recent" ? e.name + ":" + std::to_string(int(e.number)) : e.name);
        if (e.name == "close") st.live.pressed.insert("close-trace");
        r.wait_frames = 1;
        return;
      case K::Type:
        if (e.name == "label")
          apply(st.live, session::SetClientLabel{e.text});
        else if (e.name == "notes")
          apply(st.live, session::SetNotes{e.text});
        else
          st.live.search = e.text;
        r.wait_frames = 1;
        return;
      case K::Screenshot:
        r.screenshot = e.name;
        return;
      case K::State: {
        std::string tmp = e.name + ".tmp";
        std::ofstream out(tmp);
        Json state = live_state_json(st.live, st.view, viewport);
        state["learn"] = learn_state_json(st);
        add_therapy_state(state, st);
        state["process"]["frames_drawn"] = st.frames_drawn;
        state["process"]["cpu_s"] = process_cpu_seconds();
        out << state.dump(2) << "\n";
        out.close();
        if (!out || std::rename(tmp.c_str(), e.name.c_str()) != 0) {
          r.error = script_error(r, e, "state: cannot write " + e.name, true);
          return;
        }
        continue;
      }
      case K::Expect: {
        std::string got;
        if (!expectation(st, e, got)) {
          r.error = script_error(r, e, "expect " + e.name + " " + e.text + ": got " + got, false);
          return;
        }
        continue;
      }
      case K::Quit:
        st.session_menu.quit_confirmed = true;  // a script's quit never asks
        glfwSetWindowShouldClose(w, GLFW_TRUE);
        return;
      case K::CloseWindow:
        glfwSetWindowShouldClose(w, GLFW_TRUE);
        r.wait_frames = 2;
        return;
      case K::Clock:
        st.live.worker->set_clock(e.name == "fast" ? SimClock::Fast : SimClock::RealTime);
        continue;
      case K::Learn: {
        std::string error;
        const int frames = run_learn_event(st, e, error);
        if (!error.empty()) {
          r.error = script_error(r, e, error, false);
          return;
        }
        if (frames == 0) continue;
        r.wait_frames = frames;
        return;
      }
      case K::Take: {  // press record / stop-record (record_take.cpp)
        std::string error;
        run_take_event(st, e, error);
        if (!error.empty()) {
          r.error = script_error(r, e, error, false);
          return;
        }
        continue;
      }
      case K::WaitSettled:
      case K::WaitTreatment:
      case K::WaitHandout:
        break;
    }
  }
}

// Events the script asked for but no widget took this frame (a slider of a popup that is not open).
void check_script_leftovers(WindowState& st) {
  ScriptRun& r = st.script;
  if (!r.script || r.error || r.next == 0 || r.wait_frames > 0) return;
  const ScriptEvent& e = r.script->events[r.next - 1];
  if (!st.live.slider_values.empty())
    r.error = script_error(
        r, e, "slider " + st.live.slider_values.begin()->first + ": that slider is not showing", false);
  else if (!st.live.pressed.empty() &&
           !(st.live.pressed.size() == 1 && *st.live.pressed.begin() == "close-trace"))
    r.error = script_error(r, e, "press " + *st.live.pressed.begin() + ": that button is not showing", false);
  st.live.pressed.clear();
}

// A student's press or quiz answer that no learning panel took this frame (learn_script.cpp).
void check_learn_script_leftovers(WindowState& st) {
  ScriptRun& r = st.script;
  if (!r.script || r.error || r.next == 0 || r.wait_frames > 0) return;
  std::string error;
  check_learn_leftovers(st, error);
  if (!error.empty()) r.error = script_error(r, r.script->events[r.next - 1], error, false);
}

}  // namespace fascia::app

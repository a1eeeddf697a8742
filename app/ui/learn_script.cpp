#include "ui/learn_script.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

#include "learn/describe.h"
#include "ui/window_input.h"
#include "ui/window_state.h"

namespace fascia::app {
namespace {

std::string joined(const std::vector<std::string>& w, size_t from) {
  std::string out;
  for (size_t i = from; i < w.size(); ++i) out += (i > from ? " " : "") + w[i];
  return out;
}

bool is_line(const std::string& id) {
  return std::any_of(std::begin(atlas::kLineIds), std::end(atlas::kLineIds),
                     [&](const char* l) { return id == l; });
}

bool whole_number(const std::string& s) {
  return !s.empty() && s.size() < 6 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `press ...` of the learning panels; the words after `press`. Empty when valid, else what was expected.
std::string check_press(const std::vector<std::string>& w) {
  const std::string& b = w[1];
  const size_t n = w.size();
  if (b == "show-only")
    return n == 3 && is_line(w[2]) ? "" : "expected 'press show-only LINE' (sbl, sfl, ll, ...)";
  if (b == "side")
    return n == 3 && (w[2] == "left" || w[2] == "right" || w[2] == "both")
               ? ""
               : "expected 'press side left|right|both'";
  if (b == "all" || b == "none" || b == "search")
    return n == 2 ? "" : "'press " + b + "' takes nothing after it";
  if (b == "follow")
    return n == 3 && (is_line(w[2]) || w[2] == "next" || w[2] == "prev")
               ? ""
               : "expected 'press follow LINE|next|prev'";
  if (b == "lesson")
    return (n == 4 && w[2] == "start") || (n == 3 && (w[2] == "next" || w[2] == "back")) ||
                   (n == 4 && w[2] == "answer" && (w[3] == "right" || w[3] == "wrong" || whole_number(w[3])))
               ? ""
               : "expected 'press lesson start ID', 'press lesson next|back' or 'press lesson answer "
                 "right|wrong|N'";
  if (b == "quiz")
    return (n == 3 && (w[2] == "start" || w[2] == "next" || w[2] == "done")) ||
                   (n == 4 && w[2] == "answer" && (w[3] == "right" || w[3] == "wrong" || whole_number(w[3])))
               ? ""
               : "expected 'press quiz start|next|done' or 'press quiz answer right|wrong|N'";
  if (b == "pose")
    return n == 3 ? "" : "expected 'press pose NAME' (a movement of assets/poses, or standing)";
  if (b == "quiz-only")
    return n == 3 && (w[2] == "on" || w[2] == "off") ? "" : "expected 'press quiz-only on|off'";
  return "?";  // not a learning button
}

const std::set<std::string>& expectations() {
  static const std::set<std::string> e = {"selected",       "lines",      "side",         "highlight",
                                          "follow-station", "lesson",     "lesson-step",  "lesson-done",
                                          "quiz-question",  "quiz-score", "quiz-kind",    "quiz-done",
                                          "quizzes-taken",  "quiz-only",  "names-hidden", "hovered",
                                          "search-hit",     "stretched",  "lesson-answer"};
  return e;
}

std::string on_off(bool b) {
  return b ? "on" : "off";
}

std::string lines_text(const std::vector<std::string>& lines) {
  if (lines.empty()) return "all";
  if (lines == std::vector<std::string>{"-"}) return "none";
  std::string s;
  for (const std::string& l : lines) s += (s.empty() ? "" : ",") + l;
  return s;
}

std::string side_text(ShownSide s) {
  return s == ShownSide::Left ? "left" : s == ShownSide::Right ? "right" : "both";
}

std::string hovered_id(const WindowState& st) {
  const uint32_t id = st.forced_hover ? st.forced_hover : st.picks.hovered();
  const std::string named = picked_id(*st.model, id);
  return named.empty() ? "none" : named;
}

std::vector<std::string> search_hits(const LearnUi& ui) {
  std::vector<std::string> ids;
  if (ui.search)
    for (const learn::SearchHit& h : ui.search->find(ui.query, 10)) ids.push_back(h.id);
  return ids;
}

// The lines with a track at least `kStretchedShare` longer than standing, in the atlas's order: what a
// student reads off the stretch colours of a pose.
constexpr float kStretchedShare = 0.03f;
// Each line's most lengthened track against standing (a share: 0.1 is 10 % longer).
std::map<std::string, float> line_stretch(const WindowState& st) {
  std::map<std::string, float> most;
  for (const auto& [track, share] : st.model->track_stretch())
    if (const atlas::Track* t = st.model->atlas.track(learn::strip_side(track)))
      for (const std::string& l : t->lines) most[l] = std::max(most.count(l) ? most[l] : -1.0f, share);
  return most;
}
std::vector<std::string> stretched_lines(const WindowState& st) {
  const std::map<std::string, float> most = line_stretch(st);
  std::vector<std::string> out;
  for (const char* id : atlas::kLineIds)
    if (auto it = most.find(id); it != most.end() && it->second >= kStretchedShare) out.push_back(id);
  return out;
}

// A movement held at its end (the full bend, the bottom of the squat), lines coloured by stretch, as
// the panel's movement combo with its time slider at the end; "standing" goes back.
bool hold_pose(WindowState& st, const std::string& name) {
  MovementTool& mv = st.movement;
  const auto& ms = st.model->movements;
  auto it = std::find_if(ms.begin(), ms.end(), [&](const body::Movement& m) { return m.name == name; });
  if (name != "standing" && it == ms.end()) return false;
  mv.movement = name == "standing" ? -1 : int(it - ms.begin());
  mv.time = mv.movement >= 0 && !it->loop ? it->duration() : 0.0f;
  mv.playing = false;
  mv.colour_by_stretch = mv.movement >= 0;
  mv.changed = true;
  return true;
}

// What `expect WHAT` finds now, as the script spells it.
std::string observed(const WindowState& st, const std::string& what, const std::string& want) {
  const LearnUi& ui = st.learn;
  const learn::QuizRun* quiz = ui.quiz ? &*ui.quiz : nullptr;
  if (what == "selected") return ui.selected.empty() ? "none" : ui.selected;
  if (what == "lines") return lines_text(st.view.lines.lines);
  if (what == "side") return side_text(ui.side);
  if (what == "highlight") return st.view.lines.highlight.empty() ? "none" : st.view.lines.highlight;
  if (what == "follow-station") return ui.follow ? ui.follow->card().station_id : "none";
  if (what == "lesson") return ui.player ? ui.player->lesson().id : "none";
  if (what == "lesson-step") return ui.player ? std::to_string(ui.player->index() + 1) : "none";
  if (what == "lesson-answer") return !ui.step_grade ? "none" : ui.step_grade->correct ? "right" : "wrong";
  if (what == "lesson-done") {
    auto it = ui.progress.lessons.find(want);
    return it != ui.progress.lessons.end() && it->second.done ? want : "not done";
  }
  if (what == "quiz-question") return quiz ? std::to_string(quiz_question_number(ui)) : "none";
  if (what == "quiz-score") return quiz ? std::to_string(quiz->correct()) : "none";
  if (what == "quiz-kind")
    return quiz && quiz->current() ? learn::to_string(quiz->current()->kind) : std::string("none");
  if (what == "quiz-done") return quiz ? on_off(quiz->finished()) : "none";
  if (what == "quizzes-taken") return std::to_string(ui.progress.quizzes_taken);
  if (what == "quiz-only") return on_off(ui.quiz_only);
  if (what == "names-hidden") return on_off(ui.names_hidden());
  if (what == "hovered") return hovered_id(st);
  if (what == "stretched") {
    // The wanted line when it stretches, else the lines that do.
    const std::vector<std::string> lines = stretched_lines(st);
    if (std::find(lines.begin(), lines.end(), want) != lines.end()) return want;
    return lines.empty() ? "no line" : lines_text(lines);
  }
  // search-hit: the wanted id when the search shows it, else the hits it shows.
  const std::vector<std::string> hits = search_hits(ui);
  if (std::find(hits.begin(), hits.end(), want) != hits.end()) return want;
  return hits.empty() ? "no hits" : lines_text(hits);
}

}  // namespace

bool parse_learn_event(const std::vector<std::string>& w, ScriptEvent& e, std::string& error) {
  error.clear();
  const std::string& verb = w[0];
  if (verb == "leave") {
    if (w.size() != 1) error = "takes nothing after it";
  } else if (verb == "press" && w.size() >= 2) {
    const std::string problem = check_press(w);
    if (problem == "?") return false;
    error = problem;
  } else if (verb == "type" && w.size() >= 2 && w[1] == "find") {
    if (w.size() < 3) error = "expected 'type find TEXT'";
  } else if (verb == "expect" && w.size() >= 2 && expectations().count(w[1])) {
    if (w.size() != 3) error = "expected 'expect " + w[1] + " VALUE'";
  } else {
    return false;
  }
  e.kind = ScriptEvent::Kind::Learn;
  e.name = verb;
  e.text = joined(w, 1);
  return true;
}

int run_learn_event(WindowState& st, const ScriptEvent& e, std::string& error) {
  LearnUi& ui = st.learn;
  st.redraw = std::max(st.redraw, 2);
  if (e.name == "leave") {
    cursor_left(st);
    return 1;
  }
  if (e.name == "type") {  // type find TEXT
    const std::string text = e.text.substr(std::strlen("find "));
    ui.search_open = true;
    std::snprintf(ui.query, sizeof ui.query, "%s", text.c_str());
    ui.search_cursor = 0;
    return 1;
  }
  if (e.name == "press") {
    for (const char* answer : {"quiz answer ", "lesson answer "})
      if (e.text.rfind(answer, 0) == 0) {
        ui.script_answer = e.text.substr(std::strlen(answer));
        return 1;
      }
    if (e.text.rfind("pose ", 0) == 0) {
      const std::string name = e.text.substr(std::strlen("pose "));
      if (!hold_pose(st, name)) error = "press pose: no movement '" + name + "' in assets/poses";
      return 2;  // the frame loop poses the body and re-sweeps the lines
    }
    if (e.text.rfind("lesson start ", 0) == 0) {
      const std::string id = e.text.substr(std::strlen("lesson start "));
      if (std::none_of(ui.lessons.begin(), ui.lessons.end(),
                       [&](const learn::Lesson& l) { return l.id == id; })) {
        error = "press lesson start: no lesson '" + id + "' in assets/lessons";
        return 0;
      }
    }
    ui.script_presses.insert(e.text);
    return 1;
  }
  // expect WHAT VALUE
  const std::string what = e.text.substr(0, e.text.find(' '));
  const std::string want = e.text.substr(e.text.find(' ') + 1);
  const std::string got = observed(st, what, want);
  if (got != want) error = "expect " + e.text + ": got " + got;
  return 0;
}

void check_learn_leftovers(WindowState& st, std::string& error) {
  LearnUi& ui = st.learn;
  if (!ui.script_presses.empty())
    error = "press " + *ui.script_presses.begin() + ": that button is not showing";
  else if (ui.script_answer)
    error = "press quiz answer " + *ui.script_answer + ": no question that takes it is showing";
  ui.script_presses.clear();
  ui.script_answer.reset();
}

Json learn_state_json(const WindowState& st) {
  const LearnUi& ui = st.learn;
  Json j;
  j["selected"] = ui.selected;
  j["lines"] = st.view.lines.lines;
  j["side"] = side_text(ui.side);
  j["highlight"] = st.view.lines.highlight;
  j["lit"] = st.view.lines.lit;  // tracks glowing on their own: a quiz's track, a trace's sources
  j["hovered"] = hovered_id(st) == "none" ? "" : hovered_id(st);
  j["quiz_only"] = ui.quiz_only;
  j["names_hidden"] = ui.names_hidden();
  j["hidden"] = Json::object();
  for (const auto& [id, opacity] : ui.hidden) j["hidden"][id] = opacity;
  if (ui.follow) {
    const learn::FollowCard c = ui.follow->card();
    Json onward = Json::array();
    for (const auto& o : c.onward)
      onward.push_back({{"track", o.track_id}, {"name", o.name}, {"to", o.to_station}});
    j["follow"] = {{"line", ui.follow->line_instance()},
                   {"index", ui.follow->index()},
                   {"size", ui.follow->size()},
                   {"station", c.station_id},
                   {"title", c.title},
                   {"text", c.station_text},
                   {"posture", c.posture},
                   {"onward", onward}};
  } else {
    j["follow"] = nullptr;
  }
  if (ui.player)
    j["lesson"] = {{"id", ui.player->lesson().id},
                   {"step", ui.player->index() + 1},
                   {"steps", ui.player->size()},
                   {"title", ui.player->step().title}};
  else
    j["lesson"] = nullptr;
  if (ui.quiz) {
    const learn::QuizItem* q = ui.quiz->current();
    j["quiz"] = {{"question", quiz_question_number(ui)},
                 {"size", ui.quiz->size()},
                 {"score", ui.quiz->correct()},
                 {"finished", ui.quiz->finished()},
                 {"kind", q ? learn::to_string(q->kind) : ""},
                 {"key", q ? q->key : ""},
                 {"feedback", ui.quiz_grade ? ui.quiz_grade->feedback : ""}};
  } else {
    j["quiz"] = nullptr;
  }
  j["pose"] = st.movement.movement >= 0 ? st.model->movements[size_t(st.movement.movement)].name : "standing";
  j["stretched_lines"] = stretched_lines(st);
  j["line_stretch"] = line_stretch(st);
  j["search"] = {{"open", ui.search_open}, {"query", std::string(ui.query)}, {"hits", search_hits(ui)}};
  Json lessons = Json::object();
  for (const auto& [id, p] : ui.progress.lessons)
    lessons[id] = {{"step", p.step + 1}, {"steps", p.steps}, {"done", p.done}};
  j["progress"] = {{"file", ui.progress_file.string()},
                   {"quizzes_taken", ui.progress.quizzes_taken},
                   {"lessons", lessons}};
  return j;
}

}  // namespace fascia::app

#pragma once
// The student's side of the window: names everywhere, the lines panel (show only, all/none, side),
// follow a line station by station, the inspector, search (Ctrl+F or /), lessons, quizzes and the
// help overlay (F1 or ?). It keeps plain state and draws with ImGui; what it wants of the rest of
// the window (frame this, go home, apply a lesson step) it leaves in `requests`, which the window
// (or, after issue 16, the Session's actions) carries out. The words come from app/learn.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/app_model.h"
#include "learn/anatomy.h"
#include "learn/follow.h"
#include "learn/lesson.h"
#include "learn/progress.h"
#include "learn/quiz_run.h"
#include "learn/search.h"
#include "ui/camera_fly.h"

namespace fascia::app {

enum class ShownSide { Both, Left, Right };

// What the learning UI asks of the window this frame.
struct LearnRequests {
  std::optional<std::string> frame;       // an id to frame (station, track, line, tissue, bone)
  std::vector<std::string> frame_also;    // more ids framed with it (a station's onward tracks)
  std::optional<float> frame_yaw;         // the yaw to frame it from; the current one when unset
  std::optional<std::string> preset;      // "front", "back", "left", "right": the whole body from there
  bool home = false;                      // H: the whole body from the front
  std::optional<learn::LessonStep> step;  // a lesson step to apply (pose, restrictions)
  bool end_lesson = false;                // back to standing, restrictions cleared
};

struct LearnUi {
  const AppModel* model = nullptr;
  learn::Anatomy anatomy;
  std::unique_ptr<learn::SearchIndex> search;
  std::vector<learn::Lesson> lessons;
  std::string problem;  // a lesson, anatomy or progress file that did not load, shown in the panel

  learn::Progress progress;
  std::filesystem::path progress_file;
  bool progress_writable = true;  // false after a broken file: it is kept until the student saves

  // Lines panel: which lines show (side-agnostic ids) and on which side.
  std::set<std::string> shown;
  ShownSide side = ShownSide::Both;

  // Structures the student hid (opacity 0) or faded (a low opacity), by id; right-click to change.
  std::map<std::string, float> hidden;
  bool right_click_pending = false;  // the next pick that arrives came from a right click
  std::string context_id;            // what the right-click menu is about

  // The simulation's added tension per track instance, newtons, while restrictions are colouring
  // the lines (the window fills it); empty otherwise.
  std::map<std::string, float> added_tension_N;

  std::string selected;   // the id under inspection ("gastrocnemius.l", "sbl.l/calcaneus", ...)
  std::string highlight;  // the line the panels highlight ("sbl.l"), kept across frames
  std::optional<learn::FollowLine> follow;

  bool search_open = false, search_focus = false;
  char query[96] = {};
  int search_cursor = 0;

  bool help_open = false;
  bool inspector_covered = false;  // the Treatment panel holds the inspector's corner this frame
  bool lessons_open = false;
  int lesson = -1;  // index into lessons while one runs
  std::optional<learn::LessonPlayer> player;
  std::vector<std::string> step_lines;         // the lines the current step shows (the view's filter)
  std::optional<learn::QuizGrade> step_grade;  // feedback on the current step's question

  std::optional<learn::QuizRun> quiz;
  std::optional<learn::QuizGrade> quiz_grade;  // feedback on the last answer
  const learn::QuizItem* graded_item = nullptr;
  const learn::QuizItem* framed_item = nullptr;  // the question the camera last framed (once each)
  std::vector<std::string> order;                // the student's order so far (order_stations)
  std::set<std::string> ticked;                  // ticked lines (shared_track)
  bool quiz_only = false;  // the student's quiz-only mode: names and labels hidden throughout

  // Script input for this frame (app/ui/learn_script.cpp): buttons pressed by their script names
  // ("show-only sbl", "side left", "quiz start") and the answer to give the current quiz question
  // ("right", "wrong" or a 1-based choice number). Taken by the widgets as a click would be.
  std::set<std::string> script_presses;
  std::optional<std::string> script_answer;

  // Whether names and labels are hidden now: quiz-only mode, or a question whose answer they would
  // give away. The label drawer, the inspector, the hover text and the lines panel all ask this.
  bool names_hidden() const;

  // Keys pressed since the last frame (GLFW key code, modifiers), queued by the window's key
  // callback: ImGui 1.86 polls key state once a frame and misses a tap shorter than a slow frame.
  std::vector<std::pair<int, int>> keys;

  CameraFly fly;
  LearnRequests requests;
  float scale = 1;
};

// Loads the anatomy text, the lessons and the student's progress; problems are kept in `problem`
// and shown, never fatal.
void init_learn_ui(LearnUi& ui, const AppModel& model);

// Draws every learning panel into the current ImGui frame, handles its keys, and writes the line
// filter and highlight into `view`. `clicked` is the id the user clicked this frame, if any.
void build_learn_ui(LearnUi& ui, ViewState& view, const std::string& clicked, float dt);

// The full name of what a pick id names, for the hover tooltip (the id itself is a developer detail).
std::string picked_id(const AppModel& model, uint32_t pick_id);
std::string hover_text(const LearnUi& ui, const std::string& id);

// The points that frame an id: a station's position, a track's path, a line's tracks, a tissue's
// tracks, or every station for the whole body.
std::vector<vec3> focus_points(const AppModel& model, const std::string& id);
// Drops hidden instances from the scene and makes faded ones translucent (by their pick ids).
void apply_hidden(scene::RenderScene& scene, const AppModel& model,
                  const std::map<std::string, float>& hidden);
// Opacity of a faded structure.
inline constexpr float kFadedOpacity = 0.15f;

// The view's line filter for the panel's choices.
std::vector<std::string> line_filter(const std::set<std::string>& shown, ShownSide side);

// The panels, one file each (app/ui/*.cpp).
void draw_lines_panel(LearnUi& ui, ViewState& view);
void draw_inspector(LearnUi& ui, ViewState& view);
void draw_search(LearnUi& ui, ViewState& view);
void draw_follow_card(LearnUi& ui, ViewState& view);
void draw_lessons(LearnUi& ui, ViewState& view);
// Carries a lesson step's pose and restrictions into the window's movement and restriction tools.
struct LiveState;
struct MovementTool;
void apply_step_tools(const learn::LessonStep* step, LiveState& live, MovementTool& movement,
                      const std::vector<body::Movement>& movements);
void draw_quiz(LearnUi& ui, ViewState& view, const std::string& clicked);
// The question number the quiz header shows (1-based). Answering advances the run at once, so
// while that answer's feedback shows, the header still names the question just answered.
inline size_t quiz_question_number(const LearnUi& ui) {
  if (!ui.quiz) return 0;
  if (ui.quiz_grade) return ui.quiz->index();
  return std::min(ui.quiz->index() + 1, ui.quiz->size());
}
void draw_help_overlay(LearnUi& ui);
void draw_station_labels(const LearnUi& ui, const ViewState& view);
// An evidence grade as a coloured badge with its explanation in a tooltip.
void draw_evidence_badge(atlas::Grade grade, const char* id_suffix, const std::string& detail = "");

// A button that a script can press by `script_name` (the same action as a click).
bool learn_button(LearnUi& ui, const char* label, const std::string& script_name, bool small = false);
// The lines panel's actions, for its widgets and the script alike.
void show_only_line(LearnUi& ui, ViewState& view, const std::string& line_id);
void show_all_lines(LearnUi& ui);  // every line on both sides
void show_no_lines(LearnUi& ui);
void start_follow(LearnUi& ui, ViewState& view, const std::string& line_id);
void start_quiz(LearnUi& ui);

// Selecting from the panels: inspects `id`, highlights its line and asks the camera to frame it.
void select_structure(LearnUi& ui, ViewState& view, const std::string& id, bool frame);
void save_progress_now(LearnUi& ui);
// Follow: selects the current station and frames it with the tracks on to the next one. Unless
// `always`, a station the view already shows keeps the view (no needless fly); one it does not is
// framed from a yaw that sees it (the current yaw when that does).
void frame_follow_stop(LearnUi& ui, ViewState& view, bool always = true);
// Takes a queued key press (GLFW code) if there is one: the search box's Enter and arrows.
bool take_search_key(LearnUi& ui, int key);
// Esc closes the topmost overlay (help, search, follow); true when it did, so the window stays open.
bool learn_escape(LearnUi& ui);
// The camera yaw of a preset name ("front" 0, "back" 180, "left" 90, "right" -90).
float preset_yaw(const std::string& preset);
// Applies a lesson step's view (lines, side, highlight, camera) and asks the window for the rest.
void apply_step_view(LearnUi& ui, ViewState& view, const learn::LessonStep& step);

}  // namespace fascia::app

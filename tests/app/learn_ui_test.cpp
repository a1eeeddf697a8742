#include "ui/learn_ui.h"
#include "ui/live.h"

#include <GLFW/glfw3.h>
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "common/app_model.h"
#include "headless_imgui.h"
#include "support/test_support.h"
#include "ui/camera_fly.h"
#include "ui/panel.h"

// The student's window panels driven without a window: ImGui runs headless (no backend; a frame is
// built and discarded), keys and characters are fed as the window's callbacks would, and the state
// the panels leave (selection, camera, line filter, progress) is checked.
using namespace fascia;
using namespace fascia::app;

using namespace fascia::app::test_ui;

namespace {

void type(const char* chars) {
  for (const char* c = chars; *c; ++c) ImGui::GetIO().AddInputCharacter(*c);
}

// Every point in the view frustum of `cam` at `aspect`.
bool all_in_view(const scene::Camera& cam, const std::vector<vec3>& pts, float aspect) {
  const mat4 vp = cam.projection(aspect) * cam.view();
  for (const vec3& p : pts) {
    const vec4 c = vp * vec4(p, 1);
    if (c.w <= 0 || std::abs(c.x / c.w) > 1 || std::abs(c.y / c.w) > 1) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("learn ui: search by synonym selects, frames and names the structure") {
  TempData data;
  HeadlessImGui imgui;
  LearnUi ui;
  init_learn_ui(ui, model());
  CHECK(ui.problem.empty());
  CHECK(ui.lessons.size() == 14);
  ViewState view = model().default_view("front").value();
  frame(ui, view);
  type("/");
  frame(ui, view);
  REQUIRE(ui.search_open);
  frame(ui, view);  // the search box takes the keyboard focus
  type("calf");
  frame(ui, view);
  INFO("query: " << ui.query);
  ui.keys.push_back({GLFW_KEY_ENTER, 0});
  frame(ui, view, "", 1.0f);
  CHECK_FALSE(ui.search_open);
  CHECK(ui.selected == "gastrocnemius.l");
  CHECK(hover_text(ui, ui.selected).rfind("Gastrocnemius (left)  (muscle)", 0) == 0);
  // The camera flew in: close to the calf, which is in view.
  CHECK(view.camera.distance < 2.0f);
  CHECK(all_in_view(view.camera, focus_points(model(), "gastrocnemius.l"), 1280.0f / 720));
  CHECK(view.lines.highlight == "sbl.l");
  // H goes home: the whole body again.
  frame(ui, view);
  type("h");
  frame(ui, view, "", 1.0f);
  CHECK(all_in_view(view.camera, focus_points(model(), ""), 1280.0f / 720));
}

TEST_CASE("learn ui: show only one line on one side, follow it station by station with the arrows") {
  TempData data;
  HeadlessImGui imgui;
  LearnUi ui;
  init_learn_ui(ui, model());
  ViewState view = model().default_view("back").value();
  frame(ui, view);
  CHECK(view.lines.lines.empty());  // all lines
  ui.shown = {"sbl"};
  ui.side = ShownSide::Right;
  frame(ui, view);
  CHECK(view.lines.lines == std::vector<std::string>{"sbl.r"});
  ui.shown.clear();
  frame(ui, view);
  CHECK(view.lines.lines == std::vector<std::string>{"-"});  // none

  ui.shown = {"sbl"};
  ui.follow.emplace(model().atlas, ui.anatomy, "sbl.r");
  ui.keys.push_back({GLFW_KEY_RIGHT, 0});
  frame(ui, view, "", 1.0f);
  CHECK(ui.follow->index() == 1);
  CHECK(ui.selected == "sbl.r/calcaneus");
  // The station and the track on to the next one are framed.
  std::vector<vec3> framed = focus_points(model(), "sbl.r/calcaneus");
  const auto calf = focus_points(model(), "sbl.gastrocnemius.r");
  framed.insert(framed.end(), calf.begin(), calf.end());
  CHECK(all_in_view(view.camera, framed, 1280.0f / 720));
  ui.keys.push_back({GLFW_KEY_LEFT, 0});
  frame(ui, view);
  CHECK(ui.follow->index() == 0);
  CHECK(learn_escape(ui));  // Esc ends following before it would close the window
  CHECK_FALSE(ui.follow.has_value());
  CHECK_FALSE(learn_escape(ui));
}

TEST_CASE("learn ui: help opens with ? and F1, a lesson step sets the view and is remembered") {
  TempData data;
  HeadlessImGui imgui;
  LearnUi ui;
  init_learn_ui(ui, model());
  ViewState view = model().default_view("front").value();
  type("?");
  frame(ui, view);
  CHECK(ui.help_open);
  ui.keys.push_back({GLFW_KEY_F1, 0});
  frame(ui, view);
  CHECK_FALSE(ui.help_open);

  // The back line's tour, one step on with the arrow key.
  ui.player.emplace(ui.lessons[1]);
  ui.lesson = 1;
  ui.keys.push_back({GLFW_KEY_RIGHT, 0});
  frame(ui, view, "", 1.0f);
  CHECK(ui.player->index() == 1);
  CHECK(view.lines.lines == std::vector<std::string>{"sbl.l"});
  CHECK(ui.selected == "sbl.l/toes_plantar");
  REQUIRE(ui.requests.step.has_value());
  auto saved = learn::load_progress(data.dir / "fascia" / "progress.json");
  REQUIRE(saved.ok());
  CHECK(saved->lessons.at("sbl").step == 1);

  // The restriction lesson's steps carry a pose and a restriction into the window's session.
  LiveState live;
  MovementTool movement;
  const learn::Lesson& r = ui.lessons.back();
  REQUIRE(r.id == "restriction");
  apply_step_tools(&r.steps[3], live, movement, model().movements);
  REQUIRE(live.history.current().restrictions.size() == 1);
  CHECK(live.history.current().restrictions[0].target == "sbl.gastrocnemius.l");
  CHECK(live.history.current().restrictions[0].stiffness_x == doctest::Approx(3.0));
  CHECK(live.history.current().restrictions[0].shorten_pct == doctest::Approx(2.0));
  REQUIRE(movement.movement >= 0);
  CHECK(model().movements[size_t(movement.movement)].name == "forward_bend");
  CHECK(movement.time ==
        doctest::Approx(model().movements[size_t(movement.movement)].duration()));  // fully bent
  apply_step_tools(nullptr, live, movement, model().movements);
  CHECK(live.history.current().restrictions.empty());
  CHECK(live.history.can_undo());  // a lesson's restrictions are ordinary, undoable steps
  CHECK(movement.movement == -1);
}

TEST_CASE("learn ui: a broken progress file is reported and kept, never a crash") {
  TempData data;
  std::filesystem::create_directories(data.dir / "fascia");
  { std::ofstream(data.dir / "fascia" / "progress.json") << "{\"version\": 1, \"quizzes_taken\": -3}"; }
  HeadlessImGui imgui;
  LearnUi ui;
  init_learn_ui(ui, model());
  CHECK(ui.problem.find("progress.json: at $.quizzes_taken:") != std::string::npos);
  CHECK_FALSE(ui.progress_writable);
  CHECK(ui.progress.quizzes_taken == 0);
  ViewState view = model().default_view("front").value();
  frame(ui, view);  // the panel shows the problem
}

TEST_CASE("camera: framing the whole body keeps a squatting body in view, flights ease to the goal") {
  AppModel& m = const_cast<AppModel&>(model());
  auto squat =
      std::find_if(m.movements.begin(), m.movements.end(), [](auto& x) { return x.name == "squat"; });
  REQUIRE(squat != m.movements.end());
  m.apply_pose(body::sample_movement(*squat, m.body.skeleton, squat->duration()));
  scene::Camera start = m.default_view("front").value().camera;
  const scene::Camera goal = frame_points(start, focus_points(m, ""), 16.0f / 9, 90, 4, 1.15f);
  CHECK(all_in_view(goal, focus_points(m, ""), 16.0f / 9));
  CameraFly fly;
  fly.start(start, goal, 0.5f);
  scene::Camera cam = start;
  CHECK(fly.update(cam, 0.25f));
  CHECK(cam.yaw_deg > 0);
  CHECK(cam.yaw_deg < 90);
  fly.update(cam, 0.5f);
  CHECK_FALSE(fly.active());
  CHECK(cam.yaw_deg == doctest::Approx(90));
  CHECK(glm::distance(cam.target, goal.target) < 1e-4f);
  m.apply_pose(body::rest_pose(m.body.skeleton));
}

TEST_CASE("learn ui: a hidden structure leaves the scene, a faded one turns translucent") {
  const AppModel& m = model();
  ViewState view = m.default_view("front").value();
  const scene::RenderScene full = m.build_scene(view);
  scene::RenderScene s = full;
  apply_hidden(s, m, {{"gastrocnemius.l", 0.0f}, {"femur.r", kFadedOpacity}});
  CHECK(s.instances.size() + 1 == full.instances.size());
  int faded = 0;
  for (const auto& i : s.instances) {
    const std::string id = picked_id(m, i.pick_id);
    CHECK(id != "gastrocnemius.l");
    if (id == "femur.r") {
      ++faded;
      CHECK(i.color.a == doctest::Approx(kFadedOpacity));
    }
  }
  CHECK(faded == 1);
}

TEST_CASE("learn ui: the shared-track question lights its track and frames it from a side that sees it") {
  const AppModel& m = model();
  HeadlessImGui imgui;
  TempData data;
  LearnUi ui;
  init_learn_ui(ui, m);
  ViewState view = m.default_view("front").value();
  // Every shared track the quiz can ask about, one question each.
  std::vector<learn::QuizItem> items;
  for (const std::string& key : learn::quiz_keys(m.atlas, ui.anatomy))
    if (key.rfind("shared_track:", 0) == 0) items.push_back(*learn::make_item(key, m.atlas, ui.anatomy, 1));
  REQUIRE(items.size() >= 2);
  const size_t count = items.size();
  ui.quiz.emplace(m.atlas, ui.anatomy, std::move(items));
  const std::vector<vec3> body = focus_points(m, "");
  for (size_t i = 0; i < count; ++i) {
    const learn::QuizItem& q = *ui.quiz->current();
    const std::string track = q.highlight.at(0);  // "erector_spinae.l"
    CAPTURE(track);
    view.lines.lit.clear();  // as the window's view_from_session does each frame
    frame(ui, view, "", 1.0f);
    // The track glows in the scene; no line is brightened (the answer is which lines).
    CHECK(view.lines.lit == std::vector<std::string>{track});
    CHECK(view.lines.highlight.empty());
    const scene::RenderScene scene = m.build_scene(view);
    int glowing = 0, glowing_other = 0;
    for (const auto& inst : scene.instances)
      if (inst.glow) (picked_id(m, inst.pick_id) == track ? glowing : glowing_other) += 1;
    CHECK(glowing >= 1);
    CHECK(glowing_other == 0);
    // Framed: the whole track in the picture, its middle facing the camera.
    const std::vector<vec3> pts = focus_points(m, track);
    REQUIRE_FALSE(pts.empty());
    CHECK(all_in_view(view.camera, pts, 1280.0f / 720));
    CHECK(
        shows_point(view.camera, pts[pts.size() / 2], outward_at(pts[pts.size() / 2], body), 1280.0f / 720));
    // Answered: the feedback keeps it lit; the next question frames its own track.
    ui.script_answer = "right";
    view.lines.lit.clear();
    frame(ui, view);
    REQUIRE(ui.quiz_grade);
    CHECK(ui.quiz_grade->correct);
    CHECK(view.lines.lit == std::vector<std::string>{track});
    ui.quiz_grade.reset();
    ui.graded_item = nullptr;
  }
}

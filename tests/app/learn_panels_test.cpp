// Defects of the student's panels, each pinned: "All" after one side, show only in one press,
// follow that flies only when it must, quiz-only mode apart from a question hiding its answer.
// Driven headless through the same script presses the window's `--script` uses (learn_script.cpp).
#include <doctest/doctest.h>

#include <cmath>

#include "headless_imgui.h"
#include "learn/quiz_run.h"
#include "ui/camera_fly.h"
#include "ui/learn_ui.h"

using namespace fascia;
using namespace fascia::app;
using namespace fascia::app::test_ui;

namespace {

const std::vector<std::string> kAll{};  // the view's filter for every line on both sides

void press(LearnUi& ui, ViewState& view, const std::string& button, float seconds = 0) {
  ui.script_presses.insert(button);
  frame(ui, view, "", seconds);
  CHECK_MESSAGE(ui.script_presses.empty(), "no widget took '" << button << "'");
  ui.script_presses.clear();
}

float yaw_apart(float a, float b) {
  float d = std::fmod(std::abs(a - b), 360.0f);
  return d > 180 ? 360 - d : d;
}

}  // namespace

TEST_CASE("lines panel: show only takes one press, All brings every line back on both sides") {
  TempData data("learn_panels_data");
  HeadlessImGui imgui;
  LearnUi ui;
  init_learn_ui(ui, model());
  ViewState view = model().default_view("back").value();
  frame(ui, view);
  CHECK(view.lines.lines == kAll);
  press(ui, view, "show-only sbl");
  CHECK(view.lines.lines == std::vector<std::string>{"sbl"});
  CHECK(view.lines.highlight == "sbl.l");
  press(ui, view, "side left");
  CHECK(view.lines.lines == std::vector<std::string>{"sbl.l"});
  press(ui, view, "show-only sfl");  // another line, still on the chosen side
  CHECK(view.lines.lines == std::vector<std::string>{"sfl.l"});
  press(ui, view, "side right");
  CHECK(view.lines.lines == std::vector<std::string>{"sfl.r"});
  press(ui, view, "all");  // was: every line, but only on the right
  CHECK(ui.side == ShownSide::Both);
  CHECK(view.lines.lines == kAll);
  press(ui, view, "none");
  CHECK(view.lines.lines == std::vector<std::string>{"-"});
  press(ui, view, "all");
  CHECK(view.lines.lines == kAll);
}

TEST_CASE("follow: a next station already in view keeps the view, one out of sight is flown to") {
  TempData data("learn_panels_data");
  HeadlessImGui imgui;
  LearnUi ui;
  init_learn_ui(ui, model());
  const float aspect = 1280.0f / 720;
  // Seen from behind with the legs in the upper half of the picture (above the follow card), the heel
  // shows: stepping on to it from the toes moves nothing.
  ViewState view = model().default_view("back").value();
  view.camera.target.y = 0.3f;
  frame(ui, view);
  ui.follow.emplace(model().atlas, ui.anatomy, "sbl.l");
  const scene::Camera before = view.camera;
  press(ui, view, "follow next", 1.0f);
  REQUIRE(ui.follow->index() == 1);
  CHECK(ui.selected == "sbl.l/calcaneus");
  CHECK_FALSE(ui.fly.active());
  CHECK(view.camera.distance == doctest::Approx(before.distance));
  CHECK(glm::distance(view.camera.target, before.target) < 1e-5f);

  // From the front, close on the face, the back of the knee is out of sight: the camera flies to a
  // yaw that sees the back of the leg, and the station shows there.
  view = model().default_view("front").value();
  view.camera.distance = 0.6f;
  view.camera.target = vec3(0, 1.6f, 0);
  press(ui, view, "follow next", 1.5f);
  REQUIRE(ui.follow->index() == 2);
  const std::vector<vec3> knee = focus_points(model(), "sbl.l/femoral_condyles");
  REQUIRE(knee.size() == 1);
  const vec2 outward = outward_at(knee[0], focus_points(model(), ""));
  CHECK(outward.y < -0.4f);  // the back of the knee faces backwards (and a little inwards)
  CHECK(yaw_apart(view.camera.yaw_deg, 180) <= 65);
  CHECK(shows_point(view.camera, knee[0], outward, aspect, 0.0f));
}

TEST_CASE("camera fly: the facing yaw of a surface, kept when the view already looks at it") {
  CHECK(facing_yaw(vec2(0, 1)) == doctest::Approx(0));
  CHECK(std::abs(facing_yaw(vec2(0, -1))) == doctest::Approx(180));
  CHECK(facing_yaw(vec2(1, 0)) == doctest::Approx(90));
  CHECK(yaw_showing(170, vec2(0, -1)) == doctest::Approx(170));          // already behind: kept
  CHECK(std::abs(yaw_showing(0, vec2(0, -1))) == doctest::Approx(180));  // from the front: turn round
  CHECK(yaw_showing(-150, vec2(0, -1)) == doctest::Approx(-150));
  // A heel seen from the front is hidden by the body even where it projects inside the picture.
  scene::Camera front;
  front.target = vec3(0, 0.1f, 0);
  front.distance = 3;
  CHECK_FALSE(shows_point(front, vec3(0.1f, 0.05f, -0.05f), vec2(0, -1), 16.0f / 9));
  front.yaw_deg = 180;
  CHECK(shows_point(front, vec3(0.1f, 0.05f, -0.05f), vec2(0, -1), 16.0f / 9));
  // The labels ask the same: from behind, the brow ridge faces away and goes unlabelled.
  const std::vector<vec3> brow = focus_points(model(), "sbl.l/brow_ridge");
  REQUIRE(brow.size() == 1);
  const vec2 brow_out = outward_at(brow[0], focus_points(model(), ""));
  CHECK(brow_out.y > 0.5f);
  CHECK_FALSE(faces_camera(model().default_view("back").value().camera, brow[0], brow_out));
  CHECK(faces_camera(model().default_view("front").value().camera, brow[0], brow_out));
}

TEST_CASE("quiz-only mode is the student's, a question hides names only while it is asked") {
  TempData data("learn_panels_data");
  HeadlessImGui imgui;
  LearnUi ui;
  init_learn_ui(ui, model());
  ViewState view = model().default_view("front").value();
  frame(ui, view);
  CHECK_FALSE(ui.names_hidden());
  CHECK(hover_text(ui, "gastrocnemius.l") != "?");

  // A question that names would answer hides them; the feedback names the answer again.
  auto item = learn::make_item("name_line:sbl", model().atlas, ui.anatomy, 3);
  REQUIRE(item.has_value());
  ui.quiz.emplace(model().atlas, ui.anatomy, std::vector<learn::QuizItem>{*item});
  frame(ui, view);
  CHECK(ui.names_hidden());
  CHECK(hover_text(ui, "gastrocnemius.l") == "?");
  CHECK_FALSE(ui.quiz_only);  // the question did not switch the student's mode on
  ui.script_answer = "right";
  frame(ui, view);
  CHECK_FALSE(ui.script_answer.has_value());
  REQUIRE(ui.quiz_grade.has_value());
  CHECK(ui.quiz_grade->correct);
  CHECK_FALSE(ui.names_hidden());
  press(ui, view, "quiz next");
  press(ui, view, "quiz done");
  CHECK_FALSE(ui.quiz.has_value());
  CHECK(ui.progress.quizzes_taken == 1);

  // Quiz-only mode on: names stay hidden through a quiz and after it ends (a quiz used to clear it).
  press(ui, view, "quiz-only on");
  CHECK(ui.names_hidden());
  press(ui, view, "quiz start");
  REQUIRE(ui.quiz.has_value());
  for (size_t i = 0; i < ui.quiz->size(); ++i) {
    ui.script_answer = "wrong";
    frame(ui, view);
    CHECK(ui.names_hidden());
    press(ui, view, "quiz next");
  }
  press(ui, view, "quiz done");
  CHECK(ui.quiz_only);
  CHECK(ui.names_hidden());
  CHECK(hover_text(ui, "gastrocnemius.l") == "?");
  press(ui, view, "quiz-only off");
  CHECK_FALSE(ui.names_hidden());
  // The missed items are due in the next quiz.
  CHECK(ui.progress.review.missed().size() == 8);
}

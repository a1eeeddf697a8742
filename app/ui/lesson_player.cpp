// Lessons (next/back, progress, a question where the step has one) and quizzes (immediate feedback,
// a score, the missed items to review; progress saved per user).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "learn/describe.h"
#include "ui/camera_fly.h"
#include "ui/learn_ui.h"
#include "ui/live.h"
#include "ui/panel.h"

namespace fascia::app {
namespace {

std::string name_of(const LearnUi& ui, const std::string& id) {
  return learn::display_name(ui.anatomy, ui.model->atlas, id);
}

// What a question highlights, in the view: a line brightens (view.lines.highlight), a track glows on
// its own (view.lines.lit, as a trace's sources do). "Which lines share this track" highlighted
// nothing: its track is not a line, and only lines were looked for.
void show_quiz_highlight(const LearnUi& ui, const learn::QuizItem& q, ViewState& view) {
  view.lines.highlight.clear();
  for (const std::string& h : q.highlight) {
    if (ui.model->atlas.line(learn::strip_side(h)))
      view.lines.highlight = h;
    else if (ui.model->atlas.track(learn::strip_side(h)))
      view.lines.lit.push_back(h);
  }
}

// A question about a track frames it once, when it is first asked, from a side that sees it (the
// current yaw when that does): a shared track may lie on the far side of the body.
void frame_quiz_track(LearnUi& ui, const ViewState& view, const learn::QuizItem& q) {
  if (q.kind != learn::QuizKind::SharedTrack || q.highlight.empty()) return;
  const std::string& track = q.highlight.front();
  const std::vector<vec3> pts = focus_points(*ui.model, track);
  if (pts.empty()) return;
  const vec2 outward = outward_at(pts[pts.size() / 2], focus_points(*ui.model, ""));
  const scene::Camera& cam = ui.fly.active() ? ui.fly.to : view.camera;
  ui.requests.frame = track;
  ui.requests.frame_yaw = yaw_showing(cam.yaw_deg, outward);
}

// A script's answer to `q` (learn_script.cpp): "right", "wrong" or the N-th choice (1-based, for the
// kinds answered by one choice). nullopt when it does not fit the question.
std::optional<learn::QuizAnswer> scripted_answer(const learn::QuizItem& q, const std::string& how) {
  using K = learn::QuizKind;
  const bool one_choice = q.kind == K::NameLine || q.kind == K::Choice;
  if (how == "right") {
    if (q.answer.empty()) return std::nullopt;
    if (q.kind == K::ClickStructure) return learn::QuizAnswer{q.answer[0] + ".l"};  // as a pick names it
    return one_choice ? learn::QuizAnswer{q.answer[0]} : q.answer;
  }
  if (how == "wrong") {
    if (q.kind == K::ClickStructure) return learn::QuizAnswer{"femur.l"};  // a bone, never a muscle asked
    if (q.kind == K::OrderStations) return q.choices;                      // shuffled: never in order
    if (q.kind == K::SharedTrack) return learn::QuizAnswer{};              // nothing ticked
    for (const std::string& c : q.choices)
      if (q.answer.empty() || c != q.answer[0]) return learn::QuizAnswer{c};
    return std::nullopt;
  }
  const int n = std::atoi(how.c_str());
  if (!one_choice || n < 1 || size_t(n) > q.choices.size()) return std::nullopt;
  return learn::QuizAnswer{q.choices[size_t(n) - 1]};
}

// The answer widgets of one item; returns the answer once the student has given one.
std::optional<learn::QuizAnswer> answer_widgets(LearnUi& ui, const learn::QuizItem& q,
                                                const std::string& clicked) {
  if (ui.script_answer)
    if (auto a = scripted_answer(q, *ui.script_answer)) {
      ui.script_answer.reset();  // taken, as a click on the widget would be; a misfit stays and fails
      return a;
    }
  switch (q.kind) {
    case learn::QuizKind::NameLine:
    case learn::QuizKind::Choice:
      for (const std::string& c : q.choices) {
        const std::string label = q.kind == learn::QuizKind::NameLine ? name_of(ui, c) : c;
        if (ImGui::Button((label + "##" + c).c_str(), ImVec2(-1, 0))) return learn::QuizAnswer{c};
      }
      break;
    case learn::QuizKind::OrderStations: {
      ImGui::TextDisabled("Your order:");
      for (size_t i = 0; i < ui.order.size(); ++i)
        ImGui::Text("%zu. %s", i + 1, name_of(ui, ui.order[i]).c_str());
      ImGui::TextDisabled("Next:");
      for (const std::string& c : q.choices)
        if (std::find(ui.order.begin(), ui.order.end(), c) == ui.order.end())
          if (ImGui::Button((name_of(ui, c) + "##" + c).c_str(), ImVec2(-1, 0))) ui.order.push_back(c);
      if (!ui.order.empty() && ImGui::SmallButton("Undo")) ui.order.pop_back();
      if (ui.order.size() == q.choices.size()) return ui.order;
      break;
    }
    case learn::QuizKind::ClickStructure:
      ImGui::TextDisabled("Click it in the view.");
      if (!clicked.empty()) return learn::QuizAnswer{clicked};
      break;
    case learn::QuizKind::SharedTrack: {
      for (const std::string& c : q.choices) {
        bool on = ui.ticked.count(c) > 0;
        if (ImGui::Checkbox((name_of(ui, c) + "##" + c).c_str(), &on))
          on ? (void)ui.ticked.insert(c) : (void)ui.ticked.erase(c);
      }
      if (ImGui::Button("Check")) return learn::QuizAnswer(ui.ticked.begin(), ui.ticked.end());
      break;
    }
  }
  return std::nullopt;
}

void feedback(const learn::QuizGrade& g) {
  ImGui::TextColored(g.correct ? ImVec4(0.45f, 0.85f, 0.45f, 1) : ImVec4(1.0f, 0.55f, 0.45f, 1), "%s",
                     g.correct ? "Right" : (g.score > 0 ? "Partly right" : "Not quite"));
  ImGui::TextWrapped("%s", g.feedback.c_str());
}

void start_lesson(LearnUi& ui, ViewState& view, int index) {
  ui.lesson = index;
  const learn::Lesson& l = ui.lessons[size_t(index)];
  auto it = ui.progress.lessons.find(l.id);
  const int resume = it != ui.progress.lessons.end() && !it->second.done ? it->second.step : 0;
  ui.player.emplace(l, resume);
  ui.follow.reset();
  ui.step_grade.reset();
  apply_step_view(ui, view, ui.player->step());
}

void remember_lesson(LearnUi& ui, bool done) {
  const learn::Lesson& l = ui.player->lesson();
  learn::LessonProgress& p = ui.progress.lessons[l.id];
  p.step = int(ui.player->index());
  p.steps = int(ui.player->size());
  p.done = p.done || done;
  save_progress_now(ui);
}

}  // namespace

void draw_lessons(LearnUi& ui, ViewState& view) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ui.requests.step && ui.player) {
    // A step changed by the keys: its view now, the rest (pose, restrictions) through the window.
    const learn::LessonStep step = *ui.requests.step;
    apply_step_view(ui, view, step);
    remember_lesson(ui, false);
  }
  for (size_t i = 0; i < ui.lessons.size(); ++i)
    if (ui.script_presses.erase("lesson start " + ui.lessons[i].id)) {
      start_lesson(ui, view, int(i));
      ui.lessons_open = false;
    }
  if (ui.lessons_open && !ui.player) {
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Lessons", &ui.lessons_open, ImGuiWindowFlags_AlwaysAutoResize)) {
      for (size_t i = 0; i < ui.lessons.size(); ++i) {
        const learn::Lesson& l = ui.lessons[i];
        auto it = ui.progress.lessons.find(l.id);
        std::string state = "new";
        if (it != ui.progress.lessons.end())
          state = it->second.done ? "done"
                                  : "step " + std::to_string(it->second.step + 1) + " of " +
                                        std::to_string(l.steps.size());
        if (ImGui::Selectable((l.title + "##" + l.id).c_str(), false, 0, ImVec2(300 * ui.scale, 0))) {
          start_lesson(ui, view, int(i));
          ui.lessons_open = false;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", l.summary.c_str());
        ImGui::SameLine(320 * ui.scale);
        ImGui::TextDisabled("%s", state.c_str());
      }
    }
    ImGui::End();
  }
  if (!ui.player) return;
  const learn::LessonStep& step = ui.player->step();
  // Bottom centre: the corners hold the inspector and the tension legend.
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 12), ImGuiCond_Always,
                          ImVec2(0.5f, 1));
  ImGui::SetNextWindowSize(ImVec2(440 * ui.scale, 0), ImGuiCond_Always);
  bool open = true;
  const std::string title = ui.player->lesson().title + "###lesson";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::ProgressBar(float(ui.player->progress_fraction()), ImVec2(-1, 0),
                       ui.player->progress_text().c_str());
    ImGui::TextUnformatted(step.title.c_str());
    ImGui::Separator();
    ImGui::TextWrapped("%s", step.text.c_str());
    if (step.question) {
      ImGui::Separator();
      ImGui::TextWrapped("%s", step.question->prompt.c_str());
      if (ui.step_grade)
        feedback(*ui.step_grade);
      else if (auto a = answer_widgets(ui, *step.question, ""))
        ui.step_grade = learn::grade(*step.question, *a, ui.model->atlas, ui.anatomy);
    }
    ImGui::Separator();
    if (learn_button(ui, "< Back", "lesson back") && ui.player->index() > 0) {
      ui.player->back();
      ui.step_grade.reset();
      ui.order.clear();
      apply_step_view(ui, view, ui.player->step());
      remember_lesson(ui, false);
    }
    ImGui::SameLine();
    if (learn_button(ui, ui.player->at_end() ? "Finish" : "Next >", "lesson next")) {
      if (ui.player->at_end()) {
        remember_lesson(ui, true);
        open = false;
      } else {
        ui.player->next();
        ui.step_grade.reset();
        ui.order.clear();
        apply_step_view(ui, view, ui.player->step());
        remember_lesson(ui, false);
      }
    }
    ImGui::SameLine();
    ImGui::TextDisabled("keys: < >");
  }
  ImGui::End();
  if (!open) {
    ui.player.reset();
    ui.lesson = -1;
    ui.requests.end_lesson = true;
  }
}

void draw_quiz(LearnUi& ui, ViewState& view, const std::string& clicked) {
  if (!ui.quiz) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 12, 12), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(380 * ui.scale, 0), ImGuiCond_Always);
  bool open = true;
  if (ImGui::Begin("Quiz", &open, ImGuiWindowFlags_NoCollapse)) {
    const learn::QuizItem* q = ui.quiz->current();
    ImGui::Text("Question %zu of %zu · score %d", quiz_question_number(ui), ui.quiz->size(),
                ui.quiz->correct());
    ImGui::Separator();
    if (ui.quiz_grade && ui.graded_item) {
      // Feedback on the answer just given, until the student moves on; what it asked about stays lit.
      if (ui.graded_item->kind == learn::QuizKind::SharedTrack)
        show_quiz_highlight(ui, *ui.graded_item, view);
      ImGui::TextWrapped("%s", ui.graded_item->prompt.c_str());
      feedback(*ui.quiz_grade);
      if (learn_button(ui, q ? "Next question" : "See the score", "quiz next")) {
        ui.quiz_grade.reset();
        ui.graded_item = nullptr;
        ui.order.clear();
        ui.ticked.clear();
      }
    } else if (q) {
      view.lines.lines = q->show_lines;
      show_quiz_highlight(ui, *q, view);
      if (ui.framed_item != q) frame_quiz_track(ui, view, *q);
      ui.framed_item = q;
      ImGui::TextWrapped("%s", q->prompt.c_str());
      const std::string pick = q->kind == learn::QuizKind::ClickStructure ? clicked : "";
      if (auto a = answer_widgets(ui, *q, pick)) {
        ui.graded_item = q;
        ui.quiz_grade = ui.quiz->answer(*a);
        if (!ui.quiz_grade->correct && q->kind == learn::QuizKind::ClickStructure) {
          ui.selected = q->answer[0] + ".l";
          ui.requests.frame = ui.selected;
        }
      }
    } else {
      // The end: the score, what to review, and the progress saved.
      ImGui::Text("Score: %d of %zu", ui.quiz->correct(), ui.quiz->size());
      const auto missed = ui.quiz->missed();
      if (!missed.empty()) {
        ImGui::TextDisabled("To review (they come back in your next quiz):");
        for (const learn::QuizItem* m : missed) ImGui::BulletText("%s", m->prompt.c_str());
      }
      if (learn_button(ui, "Done", "quiz done")) open = false;
    }
  }
  ImGui::End();
  if (!open) {
    if (ui.quiz->index() > 0) {
      ui.quiz->record(ui.progress);
      save_progress_now(ui);
    }
    ui.quiz.reset();
    ui.quiz_grade.reset();
    ui.graded_item = nullptr;
    ui.framed_item = nullptr;
    view.lines.highlight.clear();
  }
}

void apply_step_tools(const learn::LessonStep* step, LiveState& live, MovementTool& movement,
                      const std::vector<body::Movement>& movements) {
  // Standing and unrestricted unless the step says otherwise.
  int pose = -1;
  if (step && !step->pose.empty())
    for (size_t i = 0; i < movements.size(); ++i)
      if (movements[i].name == step->pose) pose = int(i);
  movement.movement = pose;
  // A pose held at its end (the full bend, the bottom of the squat); a looping movement from its start.
  movement.time = pose >= 0 && !movements[size_t(pose)].loop ? movements[size_t(pose)].duration() : 0.0f;
  movement.playing = false;
  movement.changed = true;
  // The step's restrictions become the session's, through the same actions as the restrict popup.
  std::vector<session::Restriction> want;
  if (step)
    for (const learn::LessonRestriction& r : step->restrictions)
      want.push_back({r.target, r.stiffness, r.shorten_pct});
  if (want == live.history.current().restrictions) return;
  apply(live, session::ClearRestrictions{});
  for (const auto& r : want) apply(live, session::SetRestriction{r});
}

}  // namespace fascia::app

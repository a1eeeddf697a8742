#include "ui/learn_ui.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "common/labels.h"
#include "core/log.h"
#include "core/paths.h"
#include "learn/describe.h"

namespace fascia::app {
constexpr float kFrameYawFront = 0, kFrameYawBack = 180, kFrameYawLeft = 90, kFrameYawRight = -90;
constexpr float kPitchDeg = 4;

float preset_yaw(const std::string& preset) {
  if (preset == "back") return kFrameYawBack;
  if (preset == "left") return kFrameYawLeft;
  if (preset == "right") return kFrameYawRight;
  return kFrameYawFront;
}

namespace {

void append_problem(LearnUi& ui, const std::string& what) {
  if (!ui.problem.empty()) ui.problem += "\n";
  ui.problem += what;
  log_warning(what);
}

bool take_key(LearnUi& ui, int key, int mods = -1) {
  auto it = std::find_if(ui.keys.begin(), ui.keys.end(), [&](const std::pair<int, int>& k) {
    return k.first == key && (mods < 0 || (k.second & mods) == mods);
  });
  if (it == ui.keys.end()) return false;
  ui.keys.erase(it);
  return true;
}

// The keys of the learning UI: shortcuts from the window's key queue, characters ('/', '?') from
// ImGui's text input, and nothing while a text field has the keyboard.
void handle_keys(LearnUi& ui, ViewState& view) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  if (take_key(ui, GLFW_KEY_F1)) ui.help_open = !ui.help_open;
  if (take_key(ui, GLFW_KEY_F, GLFW_MOD_CONTROL)) ui.search_open = ui.search_focus = true;
  for (const bool right : {true, false}) {
    if (!take_key(ui, right ? GLFW_KEY_RIGHT : GLFW_KEY_LEFT)) continue;
    if (ui.follow) {
      right ? ui.follow->next() : ui.follow->previous();
      frame_follow_stop(ui, view, false);
    } else if (ui.player) {
      const size_t before = ui.player->index();
      right ? ui.player->next() : ui.player->back();
      if (ui.player->index() != before) {
        ui.requests.step = ui.player->step();
        ui.step_grade.reset();
      }
    }
  }
  if (io.KeyCtrl) return;
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    switch (io.InputQueueCharacters[i]) {
      case '/':
        ui.search_open = ui.search_focus = true;
        break;
      case '?':
        ui.help_open = !ui.help_open;
        break;
      case 'f':
      case 'F':
        if (!ui.selected.empty()) ui.requests.frame = ui.selected;
        break;
      case 'h':
      case 'H':
        ui.requests.home = true;
        break;
      case '1':
        ui.requests.preset = "front";
        break;
      case '2':
        ui.requests.preset = "back";
        break;
      case '3':
        ui.requests.preset = "left";
        break;
      case '4':
        ui.requests.preset = "right";
        break;
      default:
        break;
    }
  }
}

// With a card over the bottom of the view (follow, lesson), the framed part moves up into the
// free upper part: the target goes down by a share of the view's height at its distance.
scene::Camera lift_for_cards(const LearnUi& ui, scene::Camera cam) {
  if (!ui.follow && !ui.player) return cam;
  // Back off a little so the framed part still fits in the smaller free area.
  cam.distance *= 1.2f;
  const float view_height = 2.0f * cam.distance * std::tan(glm::radians(cam.fov_y_deg) * 0.5f);
  cam.target.y -= 0.13f * view_height;
  return cam;
}

// Carries out the camera requests with a smooth fly; a posed body is framed where it is now.
void fly_camera(LearnUi& ui, ViewState& view, float dt) {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float aspect = size.y > 0 ? size.x / size.y : 1.0f;
  auto whole_body = [&](float yaw) {
    ui.fly.start(view.camera,
                 frame_points(view.camera, focus_points(*ui.model, ""), aspect, yaw, kPitchDeg, 1.15f));
  };
  if (ui.requests.home) whole_body(kFrameYawFront);
  if (ui.requests.preset) whole_body(preset_yaw(*ui.requests.preset));
  if (ui.requests.frame) {
    std::vector<vec3> pts = focus_points(*ui.model, *ui.requests.frame);
    for (const std::string& id : ui.requests.frame_also) {
      const std::vector<vec3> more = focus_points(*ui.model, id);
      pts.insert(pts.end(), more.begin(), more.end());
    }
    const scene::Camera& from = ui.fly.active() ? ui.fly.to : view.camera;
    const float yaw = ui.requests.frame_yaw.value_or(from.yaw_deg);
    if (!pts.empty())
      ui.fly.start(view.camera,
                   lift_for_cards(ui, frame_points(view.camera, pts, aspect, yaw, from.pitch_deg, 1.6f)));
  }
  ui.requests.frame_yaw.reset();
  ui.requests.home = false;
  ui.requests.preset.reset();
  ui.requests.frame.reset();
  ui.requests.frame_also.clear();
  ui.fly.update(view.camera, dt);
}

}  // namespace

bool LearnUi::names_hidden() const {
  if (quiz_only) return true;
  // A question that names would answer hides them until its feedback shows.
  const learn::QuizItem* q = quiz ? quiz->current() : nullptr;
  return q && q->hide_names && !quiz_grade;
}

bool take_search_key(LearnUi& ui, int key) {
  return take_key(ui, key);
}

void init_learn_ui(LearnUi& ui, const AppModel& model) {
  ui.model = &model;
  for (const char* id : atlas::kLineIds) ui.shown.insert(id);
  auto anatomy = learn::load_anatomy(assets_dir() / "anatomy");
  if (anatomy)
    ui.anatomy = std::move(*anatomy);
  else
    append_problem(ui, anatomy.error().message);
  ui.search = std::make_unique<learn::SearchIndex>(ui.anatomy, model.atlas);
  std::vector<std::string> poses;
  for (const body::Movement& m : model.movements) poses.push_back(m.name);
  const learn::LessonContext ctx{&model.atlas, &ui.anatomy, poses};
  auto lessons = learn::load_lessons(assets_dir() / "lessons", ctx);
  if (lessons)
    ui.lessons = std::move(*lessons);
  else
    append_problem(ui, lessons.error().message);
  ui.progress_file = learn::progress_path();
  auto progress = learn::load_progress(ui.progress_file);
  if (progress) {
    ui.progress = std::move(*progress);
  } else {
    // Keep the broken file for the student to look at; start fresh and write only on request.
    append_problem(ui, progress.error().message + " (starting with empty progress; the file is kept)");
    ui.progress_writable = false;
  }
}

std::vector<std::string> line_filter(const std::set<std::string>& shown, ShownSide side) {
  std::vector<std::string> out;
  for (const char* id : atlas::kLineIds) {
    if (!shown.count(id)) continue;
    if (side == ShownSide::Both)
      out.push_back(id);
    else
      out.push_back(std::string(id) + (side == ShownSide::Left ? ".l" : ".r"));
  }
  // Every line on both sides is the view's "all"; none shown needs an id that matches no line.
  if (out.size() == std::size(atlas::kLineIds) && side == ShownSide::Both)
    out.clear();
  else if (out.empty())
    out.push_back("-");
  return out;
}

std::string picked_id(const AppModel& model, uint32_t id) {
  if (id == 0) return "";
  if (id < kLinePickBase) {
    const size_t part = id - 1;
    return part < model.posed.parts.size() ? model.posed.parts[part].name : "";
  }
  size_t i = id - kLinePickBase;
  if (i < model.lines.tracks.size()) return model.lines.tracks[i].id;
  i -= model.lines.tracks.size();
  if (i < model.lines.stations.size()) return model.lines.stations[i].id;
  return "";
}

std::string hover_text(const LearnUi& ui, const std::string& id) {
  if (id.empty()) return "";
  if (ui.names_hidden()) return "?";
  const learn::Inspection in = learn::inspect(ui.anatomy, ui.model->atlas, id);
  std::string text = in.name;
  if (!in.kind_label.empty() && in.kind_label != "unknown") text += "  (" + in.kind_label + ")";
  if (!in.lines.empty()) {
    text += "\n";
    for (size_t i = 0; i < in.lines.size() && i < 4; ++i)
      text += (i ? ", " : "") + learn::display_name(ui.anatomy, ui.model->atlas, in.lines[i]);
  }
  return text;
}

std::vector<vec3> focus_points(const AppModel& model, const std::string& id) {
  std::vector<vec3> pts;
  if (id.empty()) {
    // The whole body as it stands now (posed or not): every station, and headroom above the crown,
    // since the highest station sits on the skull, not on top of it.
    float top = -1e9f;
    for (const auto& s : model.lines.stations) {
      pts.push_back(s.position);
      top = std::max(top, s.position.y);
    }
    if (!pts.empty()) pts.push_back(vec3(pts.front().x * 0, top + 0.05f, 0));
    return pts;
  }
  for (const auto& s : model.lines.stations)
    if (s.id == id) pts.push_back(s.position);
  if (!pts.empty()) return pts;
  const bool is_line = model.atlas.line(learn::strip_side(id)) != nullptr;
  const std::string base = learn::strip_side(id);
  const char side = learn::side_of(id);
  for (const auto& t : model.lines.tracks) {
    bool take = t.id == id;
    if (is_line)
      take = std::any_of(t.lines.begin(), t.lines.end(),
                         [&](const std::string& l) { return scene::line_selected({id}, l); });
    // A tissue: the tracks made of it, on its side.
    if (!take && !is_line) {
      const atlas::Track* tr = model.atlas.track(learn::strip_side(t.id));
      take = tr && std::find(tr->tissues.begin(), tr->tissues.end(), base) != tr->tissues.end() &&
             (side == 0 || learn::side_of(t.id) == side || learn::side_of(t.id) == 0);
    }
    if (take) pts.insert(pts.end(), t.path.begin(), t.path.end());
  }
  return pts;
}

void select_structure(LearnUi& ui, ViewState& view, const std::string& id, bool frame) {
  ui.selected = id;
  if (frame) ui.requests.frame = id;
  // Highlight the line it belongs to, on the side it is.
  const learn::Inspection in = learn::inspect(ui.anatomy, ui.model->atlas, id);
  std::string line;
  if (in.kind == learn::IdKind::Line)
    line = id.find('.') == std::string::npos ? id + ".l" : id;
  else if (in.kind == learn::IdKind::Station)
    line = id.substr(0, id.find('/'));
  else if (!in.lines.empty())
    line = in.lines.front() + (learn::side_of(id) == 'r' ? ".r" : ".l");
  view.lines.highlight = line;
}

void apply_hidden(scene::RenderScene& scene, const AppModel& model,
                  const std::map<std::string, float>& hidden) {
  if (hidden.empty()) return;
  auto& inst = scene.instances;
  for (auto& i : inst) {
    if (i.pick_id == 0) continue;
    auto it = hidden.find(picked_id(model, i.pick_id));
    if (it != hidden.end()) i.color.a = std::min(i.color.a, it->second);
  }
  inst.erase(std::remove_if(inst.begin(), inst.end(),
                            [](const scene::MeshInstance& i) { return i.color.a <= 0.0f; }),
             inst.end());
}

// The right-click menu of a structure: hide, fade, inspect.
void draw_context_menu(LearnUi& ui, ViewState& view, const std::string& clicked) {
  if (!clicked.empty() && ui.right_click_pending) {
    ui.context_id = clicked;
    ImGui::OpenPopup("structure");
  }
  if (!ImGui::BeginPopup("structure")) return;
  ImGui::TextDisabled("%s", ui.names_hidden()
                                ? "?"
                                : learn::display_name(ui.anatomy, ui.model->atlas, ui.context_id).c_str());
  if (ImGui::MenuItem("Hide")) ui.hidden[ui.context_id] = 0.0f;
  if (ImGui::MenuItem("Fade")) ui.hidden[ui.context_id] = kFadedOpacity;
  if (ImGui::MenuItem("Inspect")) select_structure(ui, view, ui.context_id, false);
  ImGui::EndPopup();
}

void frame_follow_stop(LearnUi& ui, ViewState& view, bool always) {
  const learn::FollowCard card = ui.follow->card();
  select_structure(ui, view, card.station_id, false);
  const std::vector<vec3> at = focus_points(*ui.model, card.station_id);
  if (at.empty()) return;
  const std::vector<vec3> body = focus_points(*ui.model, "");
  const vec2 outward = outward_at(at.front(), body);
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float aspect = size.y > 0 ? size.x / size.y : 1.0f;
  // Where the camera is going (a fly under way) or is: when it shows the station and where its tracks
  // lead, above the follow card, it needs no fly.
  const scene::Camera& cam = ui.fly.active() ? ui.fly.to : view.camera;
  auto in_view = [&](vec3 p) {
    return scene::project_to_frame(cam, p, aspect).y > -0.4f &&
           shows_point(cam, p, outward_at(p, body), aspect);
  };
  bool shown = in_view(at.front());
  for (const auto& o : card.onward)
    for (const vec3& p : focus_points(*ui.model, o.to_station)) shown = shown && in_view(p);
  if (!always && shown) return;
  ui.requests.frame = card.station_id;
  ui.requests.frame_yaw = yaw_showing(cam.yaw_deg, outward);
  for (const auto& o : card.onward) ui.requests.frame_also.push_back(o.track_id);
  // The last station: frame it with the track that arrives there.
  if (card.onward.empty() && ui.follow->index() > 0) {
    learn::FollowLine before = *ui.follow;
    before.previous();
    for (const auto& o : before.card().onward)
      if (o.to_station == card.station_id) ui.requests.frame_also.push_back(o.track_id);
  }
}

void save_progress_now(LearnUi& ui) {
  auto s = learn::save_progress(ui.progress_file, ui.progress);
  if (!s)
    append_problem(ui, s.error().message);
  else
    ui.progress_writable = true;
}

void draw_station_labels(const LearnUi& ui, const ViewState& view) {
  if (ui.names_hidden() || (ui.player && !ui.player->step().labels)) return;
  if (view.lines.lines.empty() || view.lines.lines.size() > 2) return;  // too many to read
  std::vector<Label> labels;
  const vec3 eye = view.camera.eye();
  std::vector<const scene::LineGeometry::Station*> stations;
  for (const auto& s : ui.model->lines.stations)
    if (scene::line_selected(view.lines.lines, s.line)) stations.push_back(&s);
  std::sort(stations.begin(), stations.end(), [&](auto* a, auto* b) {
    return glm::distance(a->position, eye) < glm::distance(b->position, eye);
  });
  std::set<std::string> seen;
  const std::vector<vec3> body = focus_points(*ui.model, "");
  for (const auto* s : stations) {
    // A station on the far side of the body is hidden by it: its label would name what is not seen
    // (the brow ridge's label on the back of the skull).
    if (!faces_camera(view.camera, s->position, outward_at(s->position, body))) continue;
    std::string name = learn::display_name(ui.anatomy, ui.model->atlas, s->id);
    if (const size_t p = name.rfind(" (left)"); p != std::string::npos) name.erase(p);
    if (const size_t p = name.rfind(" (right)"); p != std::string::npos) name.erase(p);
    if (seen.insert(name).second) labels.push_back({name, s->position});
  }
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  auto width = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
  draw_labels(place_labels(labels, view.camera, vec2(size.x, size.y), ImGui::GetTextLineHeight(), +width),
              ui.scale);
}

bool learn_escape(LearnUi& ui) {
  if (ui.help_open) return !(ui.help_open = false);
  if (ui.search_open) return !(ui.search_open = false);
  if (ui.follow) {
    ui.follow.reset();
    return true;
  }
  return false;
}

void build_learn_ui(LearnUi& ui, ViewState& view, const std::string& clicked, float dt) {
  // The window rebuilds the view from the session each frame, which knows nothing of the line the
  // student's search, follow or lesson highlighted: it stays until the panels change it.
  if (!ui.highlight.empty()) view.lines.highlight = ui.highlight;
  handle_keys(ui, view);
  draw_context_menu(ui, view, clicked);
  if (!clicked.empty() && ui.right_click_pending)
    ui.right_click_pending = false;  // the menu, not a selection
  else if (!clicked.empty() &&
           !(ui.quiz && ui.quiz->current() && ui.quiz->current()->kind == learn::QuizKind::ClickStructure))
    select_structure(ui, view, clicked, false);
  draw_lines_panel(ui, view);
  if (!ui.inspector_covered) draw_inspector(ui, view);
  draw_follow_card(ui, view);
  draw_lessons(ui, view);
  draw_quiz(ui, view, clicked);
  draw_search(ui, view);
  draw_help_overlay(ui);
  // The view is rebuilt from the session each frame: the lesson step's lines are set again each frame.
  if (!ui.quiz) view.lines.lines = ui.player ? ui.step_lines : line_filter(ui.shown, ui.side);
  draw_station_labels(ui, view);
  fly_camera(ui, view, dt);
  ui.highlight = view.lines.highlight;
  ui.keys.clear();
}

}  // namespace fascia::app

namespace fascia::app {

void apply_step_view(LearnUi& ui, ViewState& view, const learn::LessonStep& step) {
  std::vector<std::string> lines = step.lines;
  if (lines.empty())
    for (const char* id : atlas::kLineIds) lines.push_back(id);
  if (step.side != "both")
    for (std::string& l : lines)
      if (!learn::side_of(l)) l += step.side == "left" ? ".l" : ".r";
  view.lines.lines =
      lines.size() == std::size(atlas::kLineIds) && step.side == "both" ? std::vector<std::string>{} : lines;
  ui.step_lines = view.lines.lines;
  view.lines.highlight.clear();
  for (const std::string& h : step.highlight)
    if (ui.model->atlas.line(learn::strip_side(h))) {
      view.lines.highlight = learn::side_of(h) ? h : h + ".l";
      break;
    }
  ui.selected = !step.frame.empty() ? step.frame : (step.highlight.empty() ? "" : step.highlight.front());
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float aspect = size.y > 0 ? size.x / size.y : 1.0f;
  // The framed structure with what the step highlights beside it; the whole body when none.
  std::vector<vec3> pts = focus_points(*ui.model, step.frame);
  if (!step.frame.empty())
    for (const std::string& h : step.highlight) {
      if (ui.model->atlas.line(learn::strip_side(h))) continue;  // a whole line would zoom out to the body
      const std::vector<vec3> more = focus_points(*ui.model, h);
      pts.insert(pts.end(), more.begin(), more.end());
    }
  scene::Camera goal = frame_points(view.camera, pts, aspect, preset_yaw(step.camera), kPitchDeg,
                                    step.frame.empty() ? 1.15f : 1.5f);
  ui.fly.start(view.camera, step.frame.empty() ? goal : lift_for_cards(ui, goal));
  ui.requests.step = step;
}

}  // namespace fascia::app

#include "ui/session_menu.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "session/session_file.h"
#include "ui/handout_export.h"
#include "ui/panel_layout.h"
#include "ui/present_mode.h"
#include "ui/session_camera.h"
#include "ui/window_state.h"

namespace fascia::app {
namespace fs = std::filesystem;
namespace {

// A file name from the client label: letters, digits, '-' and '_' kept, the rest as '_'.
std::string file_stem(const std::string& label) {
  std::string s;
  for (char c : label) s += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return s.empty() ? "session" : s;
}

// A new file for a session never saved: data folder/sessions/LABEL.fascia (LABEL-2 ... when taken).
fs::path new_session_path(const std::string& label) {
  fs::path dir = session::data_dir() / "sessions";
  std::error_code ec;
  fs::path p = dir / (file_stem(label) + ".fascia");
  for (int i = 2; fs::exists(p, ec); ++i) p = dir / (file_stem(label) + "-" + std::to_string(i) + ".fascia");
  return p;
}

void remember(SessionMenu& m, const std::string& path) {
  m.recent = session::with_recent(m.recent, path);
  if (Status st = session::save_recent(session::recent_path(), m.recent); !st)
    std::fprintf(stderr, "fascia: %s\n", st.error().message.c_str());
}

// A text field bound to the session's label or notes: one undo step per edit run.
void text_field(WindowState& st, const char* label, const std::string& value, bool multiline) {
  char buf[4096];
  std::snprintf(buf, sizeof buf, "%s", value.c_str());
  bool changed = multiline ? ImGui::InputTextMultiline(label, buf, sizeof buf, ImVec2(300, 70))
                           : ImGui::InputText(label, buf, sizeof buf);
  if (changed) {
    if (multiline)
      apply(st.live, session::SetNotes{buf}, "notes");
    else
      apply(st.live, session::SetClientLabel{buf}, "label");
  }
  if (ImGui::IsItemDeactivatedAfterEdit()) st.live.history.end_merge();
}

bool pressed(WindowState& st, const char* label, const char* script_name) {
  bool p = ImGui::Button(label);
  if (st.live.pressed.erase(script_name)) p = true;
  return p;
}

void quit_dialog(GLFWwindow* w, WindowState& st) {
  SessionMenu& m = st.session_menu;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::Begin(
      "Unsaved changes", nullptr,
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextUnformatted("This session has changes that are not saved. Save them before closing?");
  if (pressed(st, "Save", "quit-save")) {
    m.asking_quit = false;
    if (save_document(st)) {
      m.quit_confirmed = true;
      glfwSetWindowShouldClose(w, GLFW_TRUE);
    }
  }
  ImGui::SameLine();
  if (pressed(st, "Don't save", "quit-discard")) {
    m.asking_quit = false;
    m.quit_confirmed = true;
    glfwSetWindowShouldClose(w, GLFW_TRUE);
  }
  ImGui::SameLine();
  if (pressed(st, "Cancel", "quit-cancel")) m.asking_quit = false;
  ImGui::End();
}

void open_dialog(WindowState& st) {
  SessionMenu& m = st.session_menu;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, 60), ImGuiCond_Appearing, ImVec2(0.5f, 0));
  bool open = true;
  ImGui::Begin("Open a session", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  char buf[1024];
  std::snprintf(buf, sizeof buf, "%s", m.open_path.c_str());
  ImGui::SetNextItemWidth(420);
  if (ImGui::InputTextWithHint("##path", "path of a .fascia file", buf, sizeof buf)) m.open_path = buf;
  ImGui::SameLine();
  if (ImGui::Button("Open") && open_document(st, m.open_path)) m.open_dialog = false;
  ImGui::TextDisabled("Recent sessions:");
  if (m.recent.empty()) ImGui::TextDisabled("  none yet");
  for (size_t i = 0; i < m.recent.size(); ++i) {
    bool p = ImGui::Selectable(m.recent[i].c_str());
    if (st.live.pressed.erase("recent:" + std::to_string(i + 1))) p = true;
    if (p && open_document(st, m.recent[i])) m.open_dialog = false;
  }
  if (pressed(st, "Cancel", "open-cancel")) m.open_dialog = false;
  ImGui::End();
  if (!open) m.open_dialog = false;
}

// The autosave holds the window's camera too, so a camera moved since is saved on the next tick.
void autosave_now(WindowState& st) {
  const session::Session s = with_window_camera(st.live.history.current(), st.view.camera);
  if (Status r = session::autosave(session::autosave_path(), s); !r)
    std::fprintf(stderr, "fascia: autosave: %s\n", r.error().message.c_str());
  st.session_menu.autosaved_camera = s.camera;
}

}  // namespace

session::Settings load_app_settings(std::string& warning) {
  session::LoadedSettings l = session::load_settings(session::settings_path());
  warning = l.warning;
  if (!warning.empty()) std::fprintf(stderr, "fascia: %s\n", warning.c_str());
  return l.settings;
}

void init_session_menu(WindowState& st, const session::Settings& settings, const std::string& warning,
                       const std::string& path) {
  SessionMenu& m = st.session_menu;
  m.settings = settings;
  m.message = warning;
  session::LoadedRecent r = session::load_recent(session::recent_path());
  m.recent = r.files;
  if (!r.warning.empty()) {
    std::fprintf(stderr, "fascia: %s\n", r.warning.c_str());
    if (m.message.empty()) m.message = r.warning;
  }
  st.present.font_px = settings.present_font_px;
  if (path.empty()) {
    // A new session starts with the layers the therapist left last time.
    session::Session s = st.live.history.current();
    s.layers = settings.layers;
    st.live.history.reset(s);
  } else {
    m.doc.path = fs::absolute(path);
    remember(m, m.doc.path.string());
  }
  m.doc.saved_revision = st.live.history.revision();
  m.autosave.saved(glfwGetTime(), st.live.history.revision());
  m.autosaved_camera = camera_view_of(st.view.camera);  // the view the window opened with needs no save
}

bool unsaved(const WindowState& st) {
  return st.session_menu.doc.unsaved(st.live.history.revision());
}

bool save_document(WindowState& st) {
  SessionMenu& m = st.session_menu;
  // The file keeps the view the therapist set: the window's camera goes in with the session.
  const session::Session cur = with_window_camera(st.live.history.current(), st.view.camera);
  fs::path p = m.doc.path.empty() ? new_session_path(cur.client_label) : m.doc.path;
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  if (Status s = session::save_session(p, cur); !s) {
    m.message = "Not saved: " + s.error().message;
    std::fprintf(stderr, "fascia: %s\n", m.message.c_str());
    return false;
  }
  m.doc.path = p;
  m.doc.saved_revision = st.live.history.revision();
  m.message = "Saved " + p.string();
  remember(m, p.string());
  return true;
}

bool open_document(WindowState& st, const std::string& path) {
  SessionMenu& m = st.session_menu;
  auto s = session::load_session(path);
  if (!s) {
    m.message = s.error().message;  // names the file, the JSON path and the problem
    std::fprintf(stderr, "fascia: %s\n", m.message.c_str());
    return false;
  }
  st.live.history.reset(*s);
  restore_camera(s->camera, st.view.camera);
  st.learn.fly = CameraFly{};  // a fly under way would carry the view away from the saved one
  st.live.popup.open = false;
  m.doc.path = fs::absolute(path);
  m.doc.saved_revision = st.live.history.revision();
  m.message = "Opened " + m.doc.path.string();
  remember(m, m.doc.path.string());
  return true;
}

bool session_key(GLFWwindow* w, WindowState& st, int key, int mods) {
  if (!(mods & GLFW_MOD_CONTROL)) return false;
  if (key == GLFW_KEY_S) {
    save_document(st);
    return true;
  }
  if (key == GLFW_KEY_O) {
    st.session_menu.open_dialog = true;
    return true;
  }
  if (key == GLFW_KEY_Q) {
    glfwSetWindowShouldClose(w, GLFW_TRUE);
    return true;
  }
  return false;
}

bool confirm_close(GLFWwindow* w, WindowState& st) {
  SessionMenu& m = st.session_menu;
  if (m.quit_confirmed || !unsaved(st)) return true;
  glfwSetWindowShouldClose(w, GLFW_FALSE);
  m.asking_quit = true;
  st.redraw = std::max(st.redraw, 3);
  return false;
}

void draw_session_menu(GLFWwindow* w, WindowState& st) {
  SessionMenu& m = st.session_menu;
  const double now = glfwGetTime();
  const session::CameraView camera = camera_view_of(st.view.camera);
  if (m.autosave.due(now, st.live.history.revision(), camera != m.autosaved_camera)) {
    autosave_now(st);
    m.autosave.saved(now, st.live.history.revision());
  }
  if (m.asking_quit) quit_dialog(w, st);
  if (st.present.on) return;
  // Top, in the gap between the Record button (left) and the Lines panel (right).
  place_session_bar();
  ImGui::Begin(kSessionBar, nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  const session::Session& cur = st.live.history.current();
  ImGui::TextUnformatted("Client");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(180);
  text_field(st, "##label", cur.client_label, false);
  // Notes beside the label, so the row of buttons below stays narrow enough for the gap.
  ImGui::SameLine();
  bool notes = ImGui::TreeNodeEx("Notes", ImGuiTreeNodeFlags_NoTreePushOnOpen);
  if (pressed(st, unsaved(st) ? "Save*" : "Save", "save")) save_document(st);
  ImGui::SameLine();
  if (pressed(st, "Open", "open")) m.open_dialog = true;
  ImGui::SameLine();
  if (pressed(st, "Present", "present")) set_present(w, st, true);
  ImGui::SameLine();
  draw_export_handout_button(st);
  if (notes) text_field(st, "##notes", cur.notes, true);
  if (!m.message.empty()) {
    // Long paths and JSON errors wrap within the bar instead of widening it over the panels.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 270);
    ImGui::TextDisabled("%s", m.message.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton("OK")) m.message.clear();
  }
  ImGui::End();
  if (m.open_dialog) open_dialog(st);
}

void session_on_exit(GLFWwindow* w, WindowState& st) {
  SessionMenu& m = st.session_menu;
  if (m.autosave.due_on_quit(st.live.history.revision(),
                             camera_view_of(st.view.camera) != m.autosaved_camera))
    autosave_now(st);
  session::Settings s = m.settings;
  if (st.present.on) {
    s.window_width = st.present.width;
    s.window_height = st.present.height;
  } else {
    glfwGetWindowSize(w, &s.window_width, &s.window_height);
  }
  s.window_width = std::clamp(s.window_width, session::kMinWindowPx, session::kMaxWindowPx);
  s.window_height = std::clamp(s.window_height, session::kMinWindowPx, session::kMaxWindowPx);
  s.layers = st.live.history.current().layers;
  s.last_session = m.doc.path.string();
  s.present_font_px = st.present.font_px;
  if (Status r = session::save_settings(session::settings_path(), s); !r)
    std::fprintf(stderr, "fascia: %s\n", r.error().message.c_str());
}

}  // namespace fascia::app

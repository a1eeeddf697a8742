#pragma once
// The client's session as a document: the session bar (client label, notes, Save, Open, Recent,
// Present), Ctrl+S / Ctrl+O / Ctrl+Q, autosave every 30 s and on quit to the XDG data folder, the
// settings kept between runs, and asking before unsaved changes are lost (Save / Don't save /
// Cancel). Files are written atomically (engine/session/user_files.*, session_file.*).
#include <string>
#include <vector>

#include "session/user_files.h"

struct GLFWwindow;

namespace fascia::app {

struct WindowState;

struct SessionMenu {
  session::Document doc;
  session::AutosaveClock autosave{30};
  session::CameraView autosaved_camera;  // the window's camera in the last autosave
  session::Settings settings;
  std::vector<std::string> recent;
  std::string message;       // the last save or open, or a warning about a broken file
  bool asking_quit = false;  // the Save / Don't save / Cancel dialog is up
  bool quit_confirmed = false;
  bool open_dialog = false;
  std::string open_path;  // the Open dialog's path field
};

// Settings before the window opens (its size); a broken file is reported and replaced by defaults.
session::Settings load_app_settings(std::string& warning);
// After the session is in the history: the document it came from (`path`, empty for a new one).
void init_session_menu(WindowState& st, const session::Settings& settings, const std::string& warning,
                       const std::string& path);
// Ctrl+S, Ctrl+O, Ctrl+Q; true when the key was taken.
bool session_key(GLFWwindow* w, WindowState& st, int key, int mods);
// Saves to the document's file, or to a new file in the data folder named by the client label.
bool save_document(WindowState& st);
bool open_document(WindowState& st, const std::string& path);
// True when the window may close now; otherwise it asks and keeps the window open.
bool confirm_close(GLFWwindow* w, WindowState& st);
// The session bar and its dialogs; autosave when due.
void draw_session_menu(GLFWwindow* w, WindowState& st);
// On quit: autosave if changed, and the settings and recent list written.
void session_on_exit(GLFWwindow* w, WindowState& st);
bool unsaved(const WindowState& st);

}  // namespace fascia::app

#pragma once
// What the app keeps between runs, in the user's folders (XDG base directories):
//   $XDG_CONFIG_HOME/fascia/settings.json  window size, layers, last session, present-mode type size
//   $XDG_DATA_HOME/fascia/autosave.fascia  the session, every 30 s while it changes and on quit
//   $XDG_DATA_HOME/fascia/recent.json      sessions opened or saved, newest first
// (defaults ~/.config and ~/.local/share). A broken settings or recent file is reported and
// replaced by defaults, never a crash; every file is written atomically.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "session/session.h"

namespace fascia::session {

std::filesystem::path config_dir();  // $XDG_CONFIG_HOME/fascia
std::filesystem::path data_dir();    // $XDG_DATA_HOME/fascia
std::filesystem::path settings_path();
std::filesystem::path autosave_path();
std::filesystem::path recent_path();

inline constexpr int kSettingsVersion = 1;
inline constexpr int kMinWindowPx = 320, kMaxWindowPx = 16384;
inline constexpr float kMinPresentFontPx = 16, kMaxPresentFontPx = 160;

struct Settings {
  int window_width = 1280, window_height = 720;
  Layers layers;
  std::string last_session;    // path of the session open at quit, empty = none
  float present_font_px = 44;  // the caption's type size in present mode
  bool operator==(const Settings&) const = default;
};

// What a load found: the settings, and a warning to show when the file was broken (it has then
// been replaced by the defaults, the broken one kept beside it as settings.json.broken).
struct LoadedSettings {
  Settings settings;
  std::string warning;
};
LoadedSettings load_settings(const std::filesystem::path& path);
Status save_settings(const std::filesystem::path& path, const Settings& s);
Result<Settings> parse_settings(std::string_view text, const std::string& source);

// Recent sessions, newest first, at most kMaxRecent, each once.
inline constexpr size_t kMaxRecent = 10;
std::vector<std::string> with_recent(std::vector<std::string> list, const std::string& path);
struct LoadedRecent {
  std::vector<std::string> files;
  std::string warning;
};
LoadedRecent load_recent(const std::filesystem::path& path);
Status save_recent(const std::filesystem::path& path, const std::vector<std::string>& files);

// When to autosave: every `interval_s` of wall time while the session keeps changing, and on quit
// if it changed since the last save. `view_moved`: the window's camera (kept in the file, not in
// the history) differs from the one last autosaved. Pure bookkeeping; the caller saves.
class AutosaveClock {
 public:
  explicit AutosaveClock(double interval_s = 30) : interval_s_(interval_s) {}
  bool due(double now_s, uint64_t revision, bool view_moved = false) const {
    return due_on_quit(revision, view_moved) && now_s - last_save_s_ >= interval_s_;
  }
  bool due_on_quit(uint64_t revision, bool view_moved = false) const {
    return revision != saved_revision_ || view_moved;
  }
  void saved(double now_s, uint64_t revision) { last_save_s_ = now_s, saved_revision_ = revision; }

 private:
  double interval_s_;
  double last_save_s_ = 0;
  uint64_t saved_revision_ = 0;
};

// Saves the session atomically into `path` (creating its folder), after removing temporary files
// that killed saves left beside it.
Status autosave(const std::filesystem::path& path, const Session& s);

// The open document: where it was last saved or opened and at which revision of the history, so
// the window can tell unsaved changes and ask before quitting.
struct Document {
  std::filesystem::path path;  // empty = never saved
  uint64_t saved_revision = 0;
  bool unsaved(uint64_t revision) const { return revision != saved_revision; }
};

}  // namespace fascia::session

#include "session/user_files.h"

#include <algorithm>
#include <cstdlib>

#include "core/file_io.h"
#include "core/json.h"
#include "session/session_file.h"

namespace fascia::session {
namespace fs = std::filesystem;
namespace {

// $VAR when it is an absolute path (the XDG rule: relative values are ignored), else ~/fallback.
fs::path xdg(const char* var, const char* fallback) {
  const char* v = std::getenv(var);
  if (v && v[0] == '/') return fs::path(v) / "fascia";
  const char* home = std::getenv("HOME");
  fs::path base = home && home[0] ? fs::path(home) : fs::temp_directory_path();
  return base / fallback / "fascia";
}

Status ensure_folder(const fs::path& file) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return bad_input(file.parent_path().string() + ": cannot create folder: " + ec.message());
  return ok_status();
}

Status write_in_folder(const fs::path& path, const std::string& text) {
  FASCIA_TRY(ensure_folder(path));
  return write_file_atomic(path, text);
}

}  // namespace

fs::path config_dir() {
  return xdg("XDG_CONFIG_HOME", ".config");
}
fs::path data_dir() {
  return xdg("XDG_DATA_HOME", ".local/share");
}
fs::path settings_path() {
  return config_dir() / "settings.json";
}
fs::path autosave_path() {
  return data_dir() / "autosave.fascia";
}
fs::path recent_path() {
  return data_dir() / "recent.json";
}

Result<Settings> parse_settings(std::string_view text, const std::string& source) {
  auto j = parse_json(text, source);
  if (!j) return j.error();
  JsonCursor root(*j, source);
  FASCIA_TRY(root.expect_object());
  auto version = root.number_field_or("version", kSettingsVersion);
  if (!version) return version.error();
  if (*version > kSettingsVersion)
    return root.field("version")->error(
        "written by a newer Fascia Atlas; this version reads settings version " +
        std::to_string(kSettingsVersion));
  Settings s;
  auto w = root.has("window_width") ? root.field("window_width")->number_in(kMinWindowPx, kMaxWindowPx)
                                    : Result<double>(s.window_width);
  if (!w) return w.error();
  auto h = root.has("window_height") ? root.field("window_height")->number_in(kMinWindowPx, kMaxWindowPx)
                                     : Result<double>(s.window_height);
  if (!h) return h.error();
  s.window_width = int(*w);
  s.window_height = int(*h);
  if (root.has("layers")) {
    auto l = root.field("layers");
    if (!l) return l.error();
    FASCIA_TRY(l->expect_object());
    float* slots[] = {&s.layers.skin, &s.layers.muscle, &s.layers.bone};
    const char* names[] = {"skin", "muscle", "bone"};
    for (int i = 0; i < 3; ++i) {
      if (!l->has(names[i])) continue;
      auto v = l->field(names[i])->number_in(0, 1);
      if (!v) return v.error();
      *slots[i] = float(*v);
    }
  }
  auto last = root.string_field_or("last_session", "");
  if (!last) return last.error();
  s.last_session = *last;
  if (root.has("present_font_px")) {
    auto f = root.field("present_font_px")->number_in(kMinPresentFontPx, kMaxPresentFontPx);
    if (!f) return f.error();
    s.present_font_px = float(*f);
  }
  return s;
}

LoadedSettings load_settings(const fs::path& path) {
  LoadedSettings out;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  auto text = read_file(path);
  Result<Settings> s = text ? parse_settings(*text, path.string()) : Result<Settings>(text.error());
  if (s) {
    out.settings = *s;
    return out;
  }
  out.warning = s.error().message + "; using the default settings (the broken file is kept as " +
                path.filename().string() + ".broken)";
  fs::rename(path, fs::path(path.string() + ".broken"), ec);
  if (auto w = save_settings(path, out.settings); !w) out.warning += "; " + w.error().message;
  return out;
}

Status save_settings(const fs::path& path, const Settings& s) {
  Json j = {{"version", kSettingsVersion},
            {"window_width", s.window_width},
            {"window_height", s.window_height},
            {"layers", {{"skin", s.layers.skin}, {"muscle", s.layers.muscle}, {"bone", s.layers.bone}}},
            {"last_session", s.last_session},
            {"present_font_px", s.present_font_px}};
  return write_in_folder(path, j.dump(2) + "\n");
}

std::vector<std::string> with_recent(std::vector<std::string> list, const std::string& path) {
  std::erase(list, path);
  list.insert(list.begin(), path);
  if (list.size() > kMaxRecent) list.resize(kMaxRecent);
  return list;
}

LoadedRecent load_recent(const fs::path& path) {
  LoadedRecent out;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  auto fail = [&](const Error& e) {
    out.files.clear();
    out.warning = e.message + "; the recent sessions list starts empty";
    return out;
  };
  auto text = read_file(path);
  if (!text) return fail(text.error());
  auto j = parse_json(*text, path.string());
  if (!j) return fail(j.error());
  JsonCursor root(*j, path.string());
  auto files = root.field("files");
  if (!files) return fail(files.error());
  auto n = files->array_size();
  if (!n) return fail(n.error());
  for (size_t i = 0; i < *n && out.files.size() < kMaxRecent; ++i) {
    auto f = files->at(i)->string();
    if (!f) return fail(f.error());
    if (std::find(out.files.begin(), out.files.end(), *f) == out.files.end()) out.files.push_back(*f);
  }
  return out;
}

Status save_recent(const fs::path& path, const std::vector<std::string>& files) {
  Json j = {{"files", files}};
  return write_in_folder(path, j.dump(2) + "\n");
}

Status autosave(const fs::path& path, const Session& s) {
  FASCIA_TRY(ensure_folder(path));
  std::error_code ec;
  const std::string stale = path.filename().string() + ".tmp-";
  for (const auto& e : fs::directory_iterator(path.parent_path(), ec))
    if (e.path().filename().string().starts_with(stale)) fs::remove(e.path(), ec);
  return save_session(path, s);
}

}  // namespace fascia::session

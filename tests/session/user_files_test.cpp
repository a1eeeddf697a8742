#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "session/actions.h"
#include "session/session_file.h"
#include "session/user_files.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::session;
namespace fs = std::filesystem;

namespace {

fs::path fresh(const std::string& name) {
  fs::path dir = test::output_dir() / "user_files" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// Sets an environment variable for one test and puts back what was there.
struct Env {
  std::string name, old;
  bool had;
  Env(const char* n, const std::string& v) : name(n) {
    const char* o = std::getenv(n);
    had = o != nullptr;
    if (had) old = o;
    setenv(n, v.c_str(), 1);
  }
  ~Env() {
    if (had)
      setenv(name.c_str(), old.c_str(), 1);
    else
      unsetenv(name.c_str());
  }
};

}  // namespace

TEST_CASE("user files: the XDG folders decide where settings, autosave and recent files go") {
  fs::path dir = fresh("xdg");
  Env config("XDG_CONFIG_HOME", (dir / "config").string());
  Env data("XDG_DATA_HOME", (dir / "data").string());
  CHECK(settings_path() == dir / "config" / "fascia" / "settings.json");
  CHECK(autosave_path() == dir / "data" / "fascia" / "autosave.fascia");
  CHECK(recent_path() == dir / "data" / "fascia" / "recent.json");
  {
    // A relative XDG value is ignored (the specification's rule): ~/.config then.
    Env rel("XDG_CONFIG_HOME", "relative/config");
    Env home("HOME", (dir / "home").string());
    CHECK(settings_path() == dir / "home" / ".config" / "fascia" / "settings.json");
  }
}

TEST_CASE("user files: settings survive a save and a load") {
  fs::path p = fresh("settings") / "fascia" / "settings.json";
  Settings s;
  s.window_width = 1600;
  s.window_height = 900;
  s.layers = {0.1f, 0.7f, 0.9f};
  s.last_session = "/home/therapist/clients/a.fascia";
  s.present_font_px = 60;
  REQUIRE(save_settings(p, s));  // creates the folder
  LoadedSettings back = load_settings(p);
  CHECK(back.warning.empty());
  CHECK(back.settings == s);
  // No file: the defaults, quietly.
  LoadedSettings none = load_settings(p.parent_path() / "none.json");
  CHECK(none.warning.empty());
  CHECK(none.settings == Settings{});
}

TEST_CASE("user files: a broken settings file is reported, kept aside and replaced by the defaults") {
  fs::path dir = fresh("broken_settings");
  struct Case {
    const char* text;
    const char* says;
  } cases[] = {
      {"{\"window_width\": 1600, ", "settings.json:"},
      {"{\"window_width\": 5}", "at $.window_width: value 5 out of range [320, 16384]"},
      {"{\"layers\": {\"skin\": \"lots\"}}", "at $.layers.skin: expected a number, found string"},
      {"{\"present_font_px\": 1e9}", "at $.present_font_px: value 1e+09 out of range [16, 160]"},
      {"{\"version\": 9}", "written by a newer Fascia Atlas"},
      {"[1, 2]", "at $: expected an object"},
      {"\x00\xff\xfe", "settings.json:"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    fs::path p = dir / "settings.json";
    fs::remove(p);
    fs::remove(dir / "settings.json.broken");
    write(p, c.text);
    LoadedSettings got = load_settings(p);
    CHECK(got.settings == Settings{});
    CHECK(got.warning.find(c.says) != std::string::npos);
    CHECK(got.warning.find(p.string()) != std::string::npos);
    CHECK(got.warning.find("using the default settings") != std::string::npos);
    CHECK(fs::exists(dir / "settings.json.broken"));
    // The replacement loads cleanly next time.
    LoadedSettings again = load_settings(p);
    CHECK(again.warning.empty());
    CHECK(again.settings == Settings{});
  }
}

TEST_CASE(
    "user files: the recent list is newest first, each file once, at most ten; a broken one starts empty") {
  std::vector<std::string> list;
  for (int i = 0; i < 14; ++i) list = with_recent(list, "/c/" + std::to_string(i) + ".fascia");
  list = with_recent(list, "/c/9.fascia");
  REQUIRE(list.size() == kMaxRecent);
  CHECK(list[0] == "/c/9.fascia");
  CHECK(list[1] == "/c/13.fascia");
  CHECK(std::count(list.begin(), list.end(), "/c/9.fascia") == 1);

  fs::path p = fresh("recent") / "recent.json";
  REQUIRE(save_recent(p, list));
  LoadedRecent back = load_recent(p);
  CHECK(back.warning.empty());
  CHECK(back.files == list);
  write(p, "{\"files\": [\"/a\", 3]}");
  LoadedRecent broken = load_recent(p);
  CHECK(broken.files.empty());
  CHECK(broken.warning ==
        p.string() +
            ": at $.files[1]: expected a string, found number; the recent sessions list starts empty");
}

TEST_CASE("user files: autosave every 30 s while the session changes, and on quit when it changed") {
  AutosaveClock clock(30);
  CHECK_FALSE(clock.due(10, 0));  // nothing changed
  CHECK_FALSE(clock.due(10, 3));  // changed, but not 30 s yet
  CHECK(clock.due(30, 3));
  clock.saved(30, 3);
  CHECK_FALSE(clock.due(90, 3));  // unchanged since: no save however long it waits
  CHECK_FALSE(clock.due_on_quit(3));
  CHECK_FALSE(clock.due(59, 4));
  CHECK(clock.due(60, 4));
  CHECK(clock.due_on_quit(4));
  // Only the window's camera moved (no new revision): saved on the same clock, and on quit.
  clock.saved(60, 4);
  CHECK_FALSE(clock.due(70, 4, true));
  CHECK(clock.due(90, 4, true));
  CHECK_FALSE(clock.due(90, 4, false));
  CHECK(clock.due_on_quit(4, true));
  CHECK_FALSE(clock.due_on_quit(4, false));

  Document doc;
  CHECK_FALSE(doc.unsaved(0));
  CHECK(doc.unsaved(2));
  doc.saved_revision = 2;
  CHECK_FALSE(doc.unsaved(2));
}

TEST_CASE("user files: an autosave creates its folder, clears killed saves' leftovers and opens again") {
  fs::path dir = fresh("autosave");
  fs::path p = dir / "fascia" / "autosave.fascia";
  write(dir / "fascia" / "autosave.fascia.tmp-AbC123", "{half a sess");
  write(dir / "fascia" / "other.fascia.tmp-AbC123", "not ours");
  Session s = reduce(default_session(), SetRestriction{{"sbl.l", 2, 1}}).value();
  REQUIRE(autosave(p, s));
  CHECK_FALSE(fs::exists(dir / "fascia" / "autosave.fascia.tmp-AbC123"));
  CHECK(fs::exists(dir / "fascia" / "other.fascia.tmp-AbC123"));
  auto back = load_session(p);
  REQUIRE(back.ok());
  CHECK(*back == s);
}

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "core/file_io.h"
#include "session/actions.h"
#include "session/session_file.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::session;
namespace fs = std::filesystem;

namespace {

Session sample_session() {
  Session s = default_session();
  auto step = [&](const Action& a) { s = reduce(s, a).value(); };
  step(SetClientLabel{"Client A"});
  step(SetNotes{"Left calf tight after running.\nTry again next week."});
  step(SetRestriction{{"gastrocnemius.l", 3, 2}});
  step(SetRestriction{{"sbl.r", 1.5, 0}});
  step(StartRelease{"gastrocnemius.l", 12.5});
  Treatment t;
  t.kind = TreatmentKind::AssistedStretch;
  t.target = "gastrocnemius.l";
  t.start_s = 20;
  t.duration_s = 60;
  t.joint = "ankle.l";
  t.range_deg = 14.5;
  t.place = "sbl.gastrocnemius.l";
  step(StartTreatment{t});
  step(SetLoad{{"sbl.gastrocnemius.l", 12, {0, 0, 1}, 0.5}});
  step(SetHold{{"knee.l", 30}});
  step(SetBreathing{{true, 0.8, 5}});
  step(SetCamera{{30, -10, 2.5f, {0, 1, 0}, 40}});
  step(SetLayers{{0.1f, 0.6f, 1.0f}});
  step(ShowLines{{"sbl", "dfl"}});
  step(SetSide{Side::Left});
  step(HideStructure{"soleus.l"});
  step(Select{"gastrocnemius.l"});
  return s;
}

fs::path scratch(const std::string& name) {
  fs::path dir = test::output_dir() / "session_file";
  fs::create_directories(dir);
  return dir / name;
}

std::string error_of(std::string_view text) {
  auto r = parse_session(text, "week1.fascia");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().exit_status() == 2);
  return r.error().message;
}

}  // namespace

TEST_CASE("session file: every field survives a save and an open") {
  Session s = sample_session();
  fs::path p = scratch("round_trip.fascia");
  REQUIRE(save_session(p, s));
  auto back = load_session(p);
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
  CHECK(*back == s);
  // And the text is the documented shape.
  auto j = parse_json(session_to_text(s), "x").value();
  CHECK(j["format"] == "fascia-session");
  CHECK(j["version"] == 1);
  CHECK(j["restrictions"][0]["target"] == "gastrocnemius.l");
  CHECK(j["treatments"][0]["kind"] == "assisted_stretch");
  CHECK(j["visibility"]["side"] == "left");
}

TEST_CASE("session file: a minimal file opens as the default session") {
  auto s = parse_session(R"({"format": "fascia-session", "version": 1})", "min.fascia");
  REQUIRE(s.ok());
  CHECK(*s == default_session());
}

TEST_CASE("session file: bad files name the file, the JSON path and the problem") {
  CHECK(error_of(R"({"format": "fascia-session", "version": 2})") ==
        "week1.fascia: at $.version: written by a newer Fascia Atlas (session version 2); this version reads "
        "session files up to version 1");
  CHECK(error_of(R"({"format": "something-else", "version": 1})").find("not a Fascia Atlas session") !=
        std::string::npos);
  CHECK(error_of(R"({"version": 1})") == "week1.fascia: at $: missing required field 'format'");
  CHECK(error_of(R"({"format": "fascia-session", "version": 1.5})") ==
        "week1.fascia: at $.version: expected a whole version number from 1");
  CHECK(error_of(R"({"format": "fascia-session", "version": 1,
                     "restrictions": [{"target": "gastrocnemius.l", "stiffness_x": 12}]})") ==
        "week1.fascia: at $.restrictions[0]: restriction stiffness 12 is out of range: expected 0.1 to 10");
  CHECK(error_of(R"({"format": "fascia-session", "version": 1,
                     "releases": [{"target": "soleus.l", "start_s": 3}]})") ==
        "week1.fascia: at $.releases[0]: release of 'soleus.l': no restriction on it to release");
  CHECK(error_of(R"({"format": "fascia-session", "version": 1,
                     "restrictions": [{"target": "sbl.l"}, {"target": "sbl.l"}]})") ==
        "week1.fascia: at $.restrictions[1]: a second restriction for 'sbl.l'");
  CHECK(error_of(R"({"format": "fascia-session", "version": 1, "colour": true})")
            .starts_with("week1.fascia: at $: unknown field 'colour'"));
  CHECK(error_of(R"({"format": "fascia-session", "version": 1, "visibility": {"lines": ["sbl", "nope"]}})") ==
        "week1.fascia: at $.visibility.lines: show lines: unknown line 'nope'");
  CHECK(error_of(R"({"format": "fascia-session", "version": 1, "loads": [{"place": "x", "newtons": 5,
                     "direction": [0, 1]}]})") ==
        "week1.fascia: at $.loads[0].direction: expected 3 numbers (x, y, z), found 2");
  CHECK(error_of(R"({"format": "fascia-session", "version": 1, "view": {"camera": {"pitch_deg": 1e300}}})")
            .starts_with("week1.fascia: at $.view.camera"));
  CHECK(error_of(R"({"format": "fascia-session", "version": 1, "notes": 5})") ==
        "week1.fascia: at $.notes: expected a string, found number");
  CHECK(error_of("{\"format\": \"fascia-session\", ").starts_with("week1.fascia:"));
  CHECK(error_of("[]").starts_with("week1.fascia: at $:"));
}

TEST_CASE("session file: a missing file or a folder is an error naming it") {
  auto r = load_session(scratch("does_not_exist.fascia"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("does_not_exist.fascia") != std::string::npos);
  auto d = load_session(scratch("").parent_path());
  CHECK_FALSE(d.ok());
}

// The charter's kill test: a child saves in a loop and is killed with SIGKILL at a random moment;
// the file must then always open as one of the sessions the child saved, whole.
TEST_CASE("session file: kill -9 during saves in a loop always leaves the last good session") {
  fs::path p = scratch("kill_loop.fascia");
  Session base = sample_session();
  // Big notes make each save take long enough for the kill to land inside one.
  std::string filler(400000, 'x');
  REQUIRE(save_session(p, reduce(base, SetNotes{"save 0 " + filler}).value()));
  std::mt19937 rng(42);
  int kills = 0, saves_seen = 0;
  for (int round = 0; round < 25; ++round) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      for (int i = 1;; ++i) {
        Session s = reduce(base, SetNotes{"save " + std::to_string(i) + " " + filler}).value();
        if (!save_session(p, s)) _exit(3);
      }
    }
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(2000, 40000)(rng)));
    REQUIRE(kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));
    ++kills;
    auto back = load_session(p);
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
    REQUIRE(back->notes.starts_with("save "));
    REQUIRE(back->notes.ends_with(filler));
    Session expect = reduce(base, SetNotes{back->notes}).value();
    CHECK(*back == expect);
    saves_seen += back->notes != "save 0 " + filler;
  }
  CHECK(kills == 25);
  CHECK(saves_seen > 0);
  // Temporary files of killed saves remain beside it (each one a kill inside a save); they never
  // replace the session.
  int torn = 0;
  for (const auto& e : fs::directory_iterator(p.parent_path()))
    if (e.path().filename().string().starts_with("kill_loop.fascia.tmp-")) fs::remove(e.path()), ++torn;
  MESSAGE(kills, " kills, ", torn, " of them inside a save, ", saves_seen, " rounds saw a newer save");
}

TEST_CASE("session file: the camera survives a save and an open, and an old file has none") {
  Session s = default_session();
  s = reduce(s, SetCamera{{-135.5f, 22.25f, 3.75f, {0.1f, 0.95f, -0.2f}, 30}}).value();
  auto back = parse_session(session_to_text(s), "cam.fascia");
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
  CHECK(back->camera.yaw_deg == -135.5f);
  CHECK(back->camera.pitch_deg == 22.25f);
  CHECK(back->camera.distance_m == 3.75f);
  CHECK(back->camera.target[1] == 0.95f);
  CHECK(back->camera.fov_deg == 30.0f);
  CHECK(back->camera == s.camera);
  // A file written before the camera was kept: the view opens as a new session's (frame the body).
  auto old =
      parse_session(R"({"format": "fascia-session", "version": 1, "view": {"selection": ""}})", "old.fascia");
  REQUIRE(old.ok());
  CHECK(old->camera.distance_m == 0.0f);
  CHECK(old->camera == CameraView{});
}

TEST_CASE("session file: bad camera values are refused with the file, the JSON path and the problem") {
  auto cam = [](const std::string& fields) {
    return error_of(R"({"format": "fascia-session", "version": 1, "view": {"camera": {)" + fields + "}}}");
  };
  CHECK(cam(R"("pitch_deg": 95)") ==
        "week1.fascia: at $.view.camera: camera pitch (degrees) 95 is out of range: expected -90 to 90");
  CHECK(cam(R"("distance_m": -1)") ==
        "week1.fascia: at $.view.camera: camera distance (m) -1 is out of range: expected 0 to 100");
  CHECK(cam(R"("fov_deg": 200)") ==
        "week1.fascia: at $.view.camera: camera field of view (degrees) 200 is out of range: expected 5 to "
        "120");
  CHECK(cam(R"("yaw_deg": 720)") ==
        "week1.fascia: at $.view.camera: camera yaw (degrees) 720 is out of range: expected -360 to 360");
  CHECK(cam(R"("yaw_deg": 1e300)") == "week1.fascia: at $.view.camera: yaw_deg is too large");
  CHECK(cam(R"("target_m": [0, 1])") ==
        "week1.fascia: at $.view.camera.target_m: expected 3 numbers (x, y, z), found 2");
  CHECK(cam(R"("target_m": [0, 5000, 0])") ==
        "week1.fascia: at $.view.camera.target_m[1]: value 5000 out of range [-1000, 1000]");
  CHECK(cam(R"("distance_m": "far")")
            .starts_with("week1.fascia: at $.view.camera.distance_m: expected a number"));
  CHECK(cam(R"("zoom": 2)").starts_with("week1.fascia: at $.view.camera: unknown field 'zoom'"));
  // JSON has no NaN: a file carrying one is not JSON, and says where.
  CHECK(cam(R"("pitch_deg": NaN)").starts_with("week1.fascia:"));
  // The reducer refuses a non-finite value however it comes (the window's controls, a scenario).
  auto nan = reduce(default_session(), SetCamera{{0, std::nanf(""), 2, {0, 0, 0}, 35}});
  REQUIRE_FALSE(nan.ok());
  CHECK(nan.error().message == "camera: a value is not a finite number");
}

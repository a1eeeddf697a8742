// Recording a take in the real window under Xvfb (issue 12): `press record`, an orbit, the back
// view, a calf restriction, `press stop-record`; the saved scenario has the camera's keys and the
// restriction's track, and `fascia render` draws it to a PNG that is not blank.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/image.h"
#include "core/json.h"
#include "support/skip.h"
#include "support/test_support.h"
#include "support/window_walk.h"
#include "ui/record_take.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

const Json* track_of(const Json& scenario, const std::string& type) {
  for (const auto& t : scenario["tracks"])
    if (t["type"] == type) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("record take: a recorded take saves a scenario of the camera and the restriction that renders") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "record_take";
  fs::remove_all(out);
  // A private XDG_DATA_HOME: the take goes to data/fascia/takes/take-1.json.
  const std::string output = test::run_window_script("record_take.txt", out, test::private_xdg_env(out));
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);
  CHECK(output.find("validation") == std::string::npos);
  const fs::path take = out / "data" / "fascia" / "takes" / "take-1.json";
  CHECK(output.find("take saved: " + take.string()) != std::string::npos);
  REQUIRE(fs::exists(take));
  CHECK_FALSE(fs::exists(take.string() + ".tmp"));

  auto doc = load_json_file(take);
  REQUIRE(doc.ok());
  const Json& sc = *doc;
  CHECK(sc["scenario"] == 1);
  const double duration = sc["duration"].get<double>();
  CHECK(duration > 0);

  // The camera: the start, the orbit and the back view, each a step key; it ends looking from behind.
  const Json* camera = track_of(sc, "camera");
  REQUIRE(camera);
  const Json& ck = (*camera)["keys"];
  REQUIRE(ck.size() >= 3);
  CHECK(ck[0]["t"].get<double>() == doctest::Approx(0));
  CHECK(std::abs(ck[0]["yaw"].get<double>()) < 1);  // the window opens on the front
  CHECK(ck[1]["yaw"].get<double>() != doctest::Approx(ck[0]["yaw"].get<double>()));  // the orbit
  CHECK(std::abs(ck.back()["yaw"].get<double>()) == doctest::Approx(180));           // from behind
  CHECK(ck.back()["distance"].get<double>() > 0.5);
  for (size_t i = 1; i < ck.size(); ++i) CHECK(ck[i]["t"].get<double>() >= ck[i - 1]["t"].get<double>());

  // The calf: off at the start, restricted from the press on, with the popup's values.
  const Json* calf = nullptr;
  for (const auto& t : sc["tracks"])
    if (t["type"] == "restriction" && t["target"] == "gastrocnemius.l") calf = &t;
  REQUIRE(calf);
  const Json& rk = (*calf)["keys"];
  REQUIRE(rk.size() == 2);
  CHECK(rk[0]["t"].get<double>() == doctest::Approx(0));
  CHECK(rk[0]["stiffness_x"].get<double>() == doctest::Approx(1));
  CHECK(rk[0]["shorten_pct"].get<double>() == doctest::Approx(0));
  CHECK(rk[1]["t"].get<double>() > ck[1]["t"].get<double>());  // after the orbit
  CHECK(rk[1]["t"].get<double>() <= duration);
  CHECK((rk[1]["stiffness_x"].get<double>() > 1 || rk[1]["shorten_pct"].get<double>() > 0));

  // The take renders: one small PNG at its end, a body on the background, not a blank frame.
  const fs::path png = out / "take.png";
  char at[32];
  std::snprintf(at, sizeof at, "%.2f", std::max(0.0, duration - 0.05));
  const test::RunResult rendered =
      test::run_fascia("render '" + take.string() + "' -o '" + png.string() + "' --size 320x180 --at " + at);
  INFO(rendered.output);
  REQUIRE(rendered.status == 0);
  auto img = read_png(png);
  REQUIRE(img.ok());
  CHECK(img->width == 320);
  CHECK(img->height == 180);
  double sum = 0, sum2 = 0;
  std::set<uint32_t> colours;
  for (int y = 0; y < img->height; ++y)
    for (int x = 0; x < img->width; ++x) {
      const uint8_t* p = img->at(x, y);
      const double l = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
      sum += l;
      sum2 += l * l;
      colours.insert(uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]);
    }
  const double n = double(img->width) * img->height, mean = sum / n;
  const double stddev = std::sqrt(std::max(0.0, sum2 / n - mean * mean));
  CAPTURE(mean);
  CAPTURE(stddev);
  CAPTURE(colours.size());
  CHECK(mean > 10);
  CHECK(mean < 245);
  CHECK(stddev > 8);
  CHECK(colours.size() > 200);
}

TEST_CASE("record take: stop saves take-1, take-2, ... atomically, each with the camera the window showed") {
  const fs::path dir = test::output_dir() / "record_take_files";
  fs::remove_all(dir);
  app::TakeRecorder take;
  CHECK_FALSE(stop_take(take, dir).ok());  // nothing to stop

  scene::Camera cam;
  cam.yaw_deg = 30;
  cam.pitch_deg = 120;  // beyond what a session holds: clamped
  cam.distance = 2.5f;
  cam.target = {0, 1, 0};
  const session::Session start = session::default_session();
  app::start_take(take, app::take_session(start, cam));
  CHECK(take.recording());
  cam.yaw_deg = 60;
  app::record_take_frame(take, app::take_session(start, cam));
  auto first = app::stop_take(take, dir);
  REQUIRE(first.ok());
  CHECK_FALSE(take.recording());
  CHECK(first->filename() == "take-1.json");
  app::start_take(take, app::take_session(start, cam));
  auto second = app::stop_take(take, dir);
  REQUIRE(second.ok());
  CHECK(second->filename() == "take-2.json");
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    ++files;
    CHECK(e.path().extension() == ".json");  // no temporary left behind
  }
  CHECK(files == 2);

  auto doc = load_json_file(*first);
  REQUIRE(doc.ok());
  const Json* camera = track_of(*doc, "camera");
  REQUIRE(camera);
  const Json& keys = (*camera)["keys"];
  REQUIRE(keys.size() == 2);
  CHECK(keys[0]["yaw"].get<double>() == doctest::Approx(30));
  CHECK(keys[0]["pitch"].get<double>() == doctest::Approx(90));
  CHECK(keys[0]["distance"].get<double>() == doctest::Approx(2.5));
  CHECK(keys[0]["target"][1].get<double>() == doctest::Approx(1));
  CHECK(keys[1]["yaw"].get<double>() == doctest::Approx(60));
  CHECK(keys[1]["ease"] == "step");
}

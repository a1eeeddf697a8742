// The main panel's Front/Back/Left/Right buttons frame the whole body as posed, as the keys 1-4 do
// (they turned the camera only, keeping a close-up's pan and zoom, so a view from the side after a
// close look showed a piece of a leg). tests/app/scripts/view_buttons.txt presses each after a pan
// and a zoom; the cameras of the button and of the key are compared here.
#include <doctest/doctest.h>

#include <cmath>

#include "core/json.h"
#include "support/skip.h"
#include "support/test_support.h"
#include "support/window_walk.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

Json camera(const fs::path& file) {
  auto j = load_json_file(file);
  REQUIRE_MESSAGE(j.ok(), (j.ok() ? "" : j.error().message));
  return (*j)["camera"];
}

double target_apart(const Json& a, const Json& b) {
  double d2 = 0;
  for (int i = 0; i < 3; ++i) {
    const double d = a["target"][i].get<double>() - b["target"][i].get<double>();
    d2 += d * d;
  }
  return std::sqrt(d2);
}

double yaw_apart(const Json& a, const Json& b) {
  const double d = std::fmod(std::abs(a["yaw_deg"].get<double>() - b["yaw_deg"].get<double>()), 360.0);
  return std::min(d, 360 - d);
}

// The button's camera is the key's: the same target, distance, yaw and pitch; and not the close-up's.
void same_framing(const Json& button, const Json& key, const Json& close_up, double yaw) {
  CHECK(target_apart(button, key) < 0.002);
  CHECK(button["distance_m"].get<double>() ==
        doctest::Approx(key["distance_m"].get<double>()).epsilon(0.002));
  CHECK(yaw_apart(button, key) < 0.1);
  CHECK(button["pitch_deg"].get<double>() == doctest::Approx(key["pitch_deg"].get<double>()).epsilon(0.002));
  const double turned = std::fmod(button["yaw_deg"].get<double>() - yaw + 720.0, 360.0);
  CHECK(std::min(turned, 360 - turned) < 0.1);
  // The pan and the zoom are gone: the whole body, from further away, aimed elsewhere.
  CHECK(target_apart(button, close_up) > 0.05);
  CHECK(button["distance_m"].get<double>() > 1.5 * close_up["distance_m"].get<double>());
}

}  // namespace

TEST_CASE("framing: the panel's view buttons frame the whole body as posed, as the keys 1-4 do") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "view_buttons";
  fs::remove_all(out);
  const std::string output = test::run_window_script("view_buttons.txt", out, test::private_xdg_env(out));
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);
  CHECK(output.find("validation") == std::string::npos);

  // The script's pan and zoom moved the camera off the opening view.
  const Json open = camera(out / "open.json"), close_1 = camera(out / "close_1.json");
  CHECK(target_apart(open, close_1) > 0.05);
  CHECK(close_1["distance_m"].get<double>() < 0.6 * open["distance_m"].get<double>());

  {
    INFO("standing, from behind");
    same_framing(camera(out / "back_button.json"), camera(out / "back_key.json"), close_1, 180);
  }
  {
    INFO("bent forward, from the left");
    same_framing(camera(out / "left_button.json"), camera(out / "left_key.json"),
                 camera(out / "close_2.json"), 90);
  }
}

// The therapist's walk in the real window under Xvfb, replayed by `fascia view --script`
// (tests/app/scripts): click the left calf, restrict it, let the change travel up the back, look at
// the pixels, trace the neck's load back, restrict the top source, undo and redo. Asserts on the
// screenshots (sampled along where the state says each track is drawn) and on the app's state.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/image.h"
#include "core/json.h"
#include "support/skip.h"
#include "support/test_support.h"
#include "support/window_walk.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

Json state(const fs::path& file) {
  auto j = load_json_file(file);
  REQUIRE_MESSAGE(j.ok(), (j.ok() ? "" : j.error().message));
  return *j;
}

// How coloured the line looks at each inner point of a track's drawn path: the most saturated pixel
// (max - min channel) within 2 px. The dark "no change" grey and the background are near 25 or less;
// the tension colours (viridis) are 50 and more.
std::vector<int> chroma_along(const ImageRGBA8& img, const Json& state, const std::string& track) {
  std::vector<int> out;
  const Json& pts = state["screen_tracks"][track];
  for (size_t i = 1; i + 1 < pts.size(); ++i) {
    int x = int(pts[i][0].get<double>()), y = int(pts[i][1].get<double>()), best = 0;
    for (int dy = -2; dy <= 2; ++dy)
      for (int dx = -2; dx <= 2; ++dx) {
        int px = std::clamp(x + dx, 0, img.width - 1), py = std::clamp(y + dy, 0, img.height - 1);
        const uint8_t* p = img.at(px, py);
        best = std::max(best, int(std::max({p[0], p[1], p[2]})) - int(std::min({p[0], p[1], p[2]})));
      }
    out.push_back(best);
  }
  return out;
}

int median(std::vector<int> v) {
  REQUIRE_FALSE(v.empty());
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

TEST_CASE("live window: restrict the calf by clicking, see it reach the neck, trace back, undo and redo") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "live_walk";
  fs::remove_all(out);
  std::string output = test::run_window_script("calf_to_neck.txt", out, test::private_xdg_env(out));
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);  // every `expect` of the script held
  CHECK(output.find("validation") == std::string::npos);

  // After the click and "Restrict...": the calf is restricted with the popup's values, at rest.
  Json settled = state(out / "calf_settled.json");
  REQUIRE(settled["session"]["restrictions"].size() == 1);
  CHECK(settled["session"]["restrictions"][0]["target"] == "gastrocnemius.l");
  CHECK(settled["session"]["restrictions"][0]["stiffness_x"].get<double>() == doctest::Approx(3.0));
  CHECK(settled["session"]["restrictions"][0]["shorten_pct"].get<double>() == doctest::Approx(4.0));
  CHECK(settled["popup"]["open"] == true);
  CHECK(settled["popup"]["sliders"] == true);
  CHECK(settled["sim"]["settled"] == true);
  CHECK(settled["sim"]["colouring"] == true);
  CHECK(settled["sim"]["max_added_tension_N"].get<double>() > 10);

  // The pixels, lines alone: the left back line is lit from the calf up to the occiput; the right
  // leg and the arms stay dark.
  auto img = read_png(out / "calf_lines.png");
  REQUIRE(img.ok());
  CHECK(img->width == 1280);
  Json lines = state(out / "calf_lines.json");
  for (const char* id : {"sbl.gastrocnemius.l", "biceps_femoris.l"}) {
    CAPTURE(id);
    CHECK(median(chroma_along(*img, lines, id)) > 45);
  }
  // The left erector is lit too: the left back line's own sacrum station and the standing body's
  // posture stiffness carry the calf's pull up the spine (engine/sim/README.md).
  CHECK(median(chroma_along(*img, lines, "erector_spinae.l")) > 45);
  // The top of the erector, where it reaches the occiput, is lit too.
  auto erector = chroma_along(*img, lines, "erector_spinae.l");
  const Json& pts = lines["screen_tracks"]["erector_spinae.l"];
  const bool top_last = pts.back()[1].get<double>() < pts.front()[1].get<double>();
  std::vector<int> top(top_last ? erector.end() - long(erector.size() / 4) : erector.begin(),
                       top_last ? erector.end() : erector.begin() + long(erector.size() / 4));
  CHECK(median(top) > 45);
  for (const char* id :
       {"sbl.gastrocnemius.r", "biceps_femoris.r", "sbl.plantar_fascia.r", "sfl.rectus_femoris.r"}) {
    CAPTURE(id);
    CHECK(median(chroma_along(*img, lines, id)) < 35);
  }

  // The trace from the occipital ridge: five places, largest first, shares summing to one, lit.
  Json traced = state(out / "trace_neck.json");
  REQUIRE(traced["trace"].is_object());
  CHECK(traced["trace"]["at"] == "occipital_ridge");
  const Json& sources = traced["trace"]["sources"];
  REQUIRE(sources.size() == 5);
  double share = 0;
  for (const auto& s : sources) share += s["share"].get<double>();
  CHECK(share == doctest::Approx(1.0));
  // Clicking the first entry restricted it.
  Json restricted = state(out / "source_restricted.json");
  REQUIRE(restricted["session"]["restrictions"].size() == 2);
  CHECK(restricted["session"]["restrictions"][1]["target"] == sources[0]["track"]);
  // The end: undo and redo walked the history (the script's expects), the calf alone remains.
  Json end = state(out / "end.json");
  REQUIRE(end["session"]["restrictions"].size() == 1);
  CHECK(end["session"]["restrictions"][0]["target"] == "gastrocnemius.l");
  CHECK(end["history"]["can_redo"] == true);
}

TEST_CASE("live window: in slow motion the change travels up the back line from the calf") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "live_travel";
  fs::remove_all(out);
  std::string output = test::run_window_script("travel.txt", out, test::private_xdg_env(out));
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);
  Json early = state(out / "travel_early.json"), late = state(out / "travel_late.json");
  auto value = [](const Json& j, const char* id) { return j["tension"][id]["max"].get<double>(); };
  CHECK(early["sim"]["settled"] == false);
  CHECK(value(early, "sbl.gastrocnemius.l") > 0.9);
  // The wave front has not reached the thigh or the back yet; at rest it has.
  CHECK(value(early, "erector_spinae.l") < value(late, "erector_spinae.l") - 0.1);
  CHECK(value(early, "biceps_femoris.l") < value(late, "biceps_femoris.l") - 0.1);
  CHECK(late["sim"]["settled"] == true);
  CHECK(value(late, "erector_spinae.l") > 0.25);
}

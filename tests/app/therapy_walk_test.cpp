// The therapist's session in the real window under Xvfb (issue 15), replayed by `fascia view
// --script` with private XDG folders: restrict the left calf, a myofascial release stopped part
// way, an assisted stretch with breathing, the range before and after, a full release.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "core/file_io.h"
#include "core/image.h"
#include "core/json.h"
#include "support/skip.h"
#include "support/test_support.h"
#include "support/window_walk.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

// The app is built like these tests: under AddressSanitizer (make check) freed memory sits in its
// quarantine (256 MB by default) instead of going back, so resident memory grows by design there.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kGrowthAllowedMb = 320;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kGrowthAllowedMb = 320;
#else
constexpr double kGrowthAllowedMb = 60;
#endif
#else
constexpr double kGrowthAllowedMb = 60;
#endif

Json state(const fs::path& file) {
  auto j = load_json_file(file);
  REQUIRE_MESSAGE(j.ok(), (j.ok() ? "" : j.error().message));
  return *j;
}

// The standing panels of a state file (control, treatment, range, lines, session, record, legend):
// each inside the window, and no two overlapping. `expected` must all be there.
void check_layout(const Json& s, const std::vector<std::string>& expected) {
  const Json& panels = s["panels"];
  const double w = s["viewport"][0], h = s["viewport"][1];
  for (const std::string& name : expected) CHECK_MESSAGE(panels.contains(name), name << " is not drawn");
  std::vector<std::pair<std::string, std::array<double, 4>>> rects;
  for (auto it = panels.begin(); it != panels.end(); ++it) {
    std::array<double, 4> r{};
    for (int i = 0; i < 4; ++i) r[size_t(i)] = (*it)[size_t(i)].get<double>();
    INFO(it.key() << " at " << r[0] << ", " << r[1] << " size " << r[2] << " x " << r[3] << " in " << w
                  << " x " << h);
    CHECK(r[0] >= 0);
    CHECK(r[1] >= 0);
    CHECK(r[0] + r[2] <= w);
    CHECK(r[1] + r[3] <= h);
    rects.emplace_back(it.key(), r);
  }
  for (size_t i = 0; i < rects.size(); ++i)
    for (size_t j = i + 1; j < rects.size(); ++j) {
      // Not structured bindings: clang refuses them inside doctest's message lambda.
      const std::string& a = rects[i].first;
      const std::string& b = rects[j].first;
      const auto& ra = rects[i].second;
      const auto& rb = rects[j].second;
      const bool overlap =
          ra[0] < rb[0] + rb[2] && rb[0] < ra[0] + ra[2] && ra[1] < rb[1] + rb[3] && rb[1] < ra[1] + ra[3];
      CHECK_MESSAGE(!overlap, a << " [" << ra[0] << ", " << ra[1] << ", " << ra[2] << ", " << ra[3]
                                << "] overlaps " << b << " [" << rb[0] << ", " << rb[1] << ", " << rb[2]
                                << ", " << rb[3] << "]");
    }
}

}  // namespace

TEST_CASE("therapy walk: release, assisted stretch with breathing, range before and after") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "therapy_walk";
  fs::remove_all(out);
  std::string output = test::run_window_script("therapy_walk.txt", out, test::private_xdg_env(out / "xdg"));
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);  // every `expect` of the script held
  CHECK(output.find("validation") == std::string::npos);

  Json restricted = state(out / "restricted.json");
  REQUIRE(restricted["session"]["restrictions"].size() == 1);
  CHECK(restricted["therapy"]["treatments"].empty());

  // The release runs on the simulation's clock and has begun relaxing the calf.
  Json running = state(out / "release_running.json");
  REQUIRE(running["therapy"]["treatments"].size() == 1);
  const Json& rel = running["therapy"]["treatments"][0];
  CHECK(rel["kind"] == "myofascial_release");
  CHECK(rel["target"] == "gastrocnemius.l");
  CHECK(rel["finished"] == false);
  CHECK(running["sim"]["time_s"].get<double>() > rel["start_s"].get<double>() + 1);
  REQUIRE(running["therapy"]["releases"].size() == 1);

  // Stopped part way, the release leaves the calf as soft as it got: the restriction is what it was
  // then, and the stretch's range before is measured on it.
  Json stretching0 = state(out / "stretch_running.json");
  const double k = stretching0["session"]["restrictions"][0]["stiffness_x"];
  CHECK(k < 3.0);
  CHECK(k > 1.0);

  // The stretch works on the ankle the calf limits, breathing in time.
  Json stretching = state(out / "stretch_running.json");
  REQUIRE(stretching["therapy"]["treatments"].size() == 1);
  const Json& st = stretching["therapy"]["treatments"][0];
  CHECK(st["kind"] == "assisted_stretch");
  CHECK(st["joint"] == "ankle.l");
  CHECK(st["range_deg"].get<double>() > 1);
  // The ghost of the posture the stretch started from shows while it runs, and the box hides it.
  CHECK(stretching["therapy"]["ghost"] == true);
  CHECK(state(out / "ghost_off.json")["therapy"]["ghost"] == false);

  // After it: the range now is larger than before, both the same measurement, and no more than the
  // range without the restriction.
  Json stretched = state(out / "stretched.json");
  CHECK(stretched["therapy"]["treatments"][0]["finished"] == true);
  const Json& range = stretched["therapy"]["range"];
  REQUIRE(range["before"].is_object());
  REQUIRE(range["now"].is_object());
  REQUIRE(range["without_restriction"].is_object());
  CHECK(range["before"]["joint"] == "ankle.l");
  CHECK(range["before"]["at_s"].get<double>() == doctest::Approx(st["start_s"].get<double>()));
  const double before = range["before"]["degrees"], now = range["now"]["degrees"],
               free = range["without_restriction"]["degrees"];
  MESSAGE("ankle range before " << before << " deg, after the stretch " << now << " deg, unrestricted "
                                << free << " deg");
  // The stretch gives back at least half of the range the restriction took.
  CHECK(now - before >= 0.5 * (free - before));
  CHECK(now > before);
  CHECK(now <= free + 0.1);
  CHECK(stretched["therapy"]["breathing"]["on"] == false);  // the stretch's breathing ended with it
  CHECK(stretched["therapy"]["holds"] == 0);

  // A full release plays out to its end on the simulation's clock.
  Json released = state(out / "released.json");
  const Json& full = released["therapy"]["treatments"][0];
  CHECK(full["kind"] == "myofascial_release");
  CHECK(full["finished"] == true);
  CHECK(released["sim"]["time_s"].get<double>() >=
        full["start_s"].get<double>() + full["duration_s"].get<double>());

  Json breathing = state(out / "breathing.json");
  CHECK(breathing["therapy"]["breathing"]["on"] == true);
  CHECK(breathing["therapy"]["breathing"]["depth"].get<double>() == doctest::Approx(0.9));

  double most_mb = 0;
  for (const char* f : {"restricted.json", "release_running.json", "stretch_running.json", "stretched.json",
                        "released.json", "breathing.json"})
    most_mb = std::max(most_mb, state(out / f)["process"]["resident_mb"].get<double>());
  // The walk runs with Vulkan validation on, whose layers hold some 55 MB more than a plain run (which
  // stays under 300 MB over this walk, 274 MB measured): what is checked here is that the session's
  // treatments and range measurements do not make it grow.
  const double first_mb = state(out / "restricted.json")["process"]["resident_mb"];
  MESSAGE("resident memory over the walk (validation on): " << first_mb << " MB after restricting, at most "
                                                            << most_mb << " MB");
  CHECK(most_mb - first_mb <= kGrowthAllowedMb);

  // At 1280x720 the standing panels share the window without covering one another (the Treatment
  // panel used to cover the control panel's restriction list).
  for (const char* f :
       {"restricted.json", "release_running.json", "stretch_running.json", "stretched.json"}) {
    CAPTURE(f);
    Json s = state(out / f);
    CHECK(s["viewport"][0] == 1280);
    check_layout(s, {"control", "treatment", "lines", "session", "record", "legend"});
  }
  check_layout(stretching, {"range"});

  for (const char* png : {"release_running.png", "stretch_running.png", "stretched.png"}) {
    auto img = read_png(out / png);
    REQUIRE(img.ok());
    CHECK(img->width == 1280);
  }
}

TEST_CASE("therapy undo: each Ctrl+Z across a finished release changes the session, and redo comes back") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "therapy_undo";
  fs::remove_all(out);
  std::string output = test::run_window_script("therapy_undo.txt", out, test::private_xdg_env(out / "xdg"));
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);  // every `expect` of the script held
  auto stiffness = [](const Json& s) { return s["session"]["restrictions"][0]["stiffness_x"].get<double>(); };
  Json done = state(out / "undo0.json");
  REQUIRE(done["therapy"]["treatments"].size() == 1);
  CHECK(done["therapy"]["treatments"][0]["finished"] == true);
  CHECK(done["therapy"]["breathing"]["depth"].get<double>() == doctest::Approx(0.8));
  CHECK(stiffness(done) == doctest::Approx(3));
  CHECK(done["history"]["can_redo"] == false);
  // Each undo: a new revision, something to redo, and the session one step back.
  Json u1 = state(out / "undo1.json"), u2 = state(out / "undo2.json"), u3 = state(out / "undo3.json");
  int64_t rev = done["history"]["revision"];
  int undo_depth = done["history"]["undo_depth"];
  int step = 1;
  for (const Json* u : {&u1, &u2, &u3}) {
    CAPTURE(step);
    CHECK((*u)["history"]["revision"].get<int64_t>() > rev);
    CHECK((*u)["history"]["can_redo"] == true);
    CHECK((*u)["history"]["undo_depth"].get<int>() == undo_depth - step);
    rev = (*u)["history"]["revision"];
    ++step;
  }
  CHECK(u1["therapy"]["breathing"]["depth"].get<double>() == doctest::Approx(0.6));  // the depth undone
  REQUIRE(u1["therapy"]["treatments"].size() == 1);
  CHECK(u1["therapy"]["treatments"][0]["finished"] == true);  // its time ran out here too
  CHECK(u2["therapy"]["treatments"].empty());                 // the release undone
  CHECK(u2["therapy"]["releases"].empty());
  REQUIRE(u2["session"]["restrictions"].size() == 1);
  CHECK(stiffness(u2) == doctest::Approx(3));
  CHECK(u3["session"]["restrictions"].empty());  // the restriction undone
  // Redone twice: the restriction and the release, finished, with the depth still to redo.
  Json again = state(out / "redo.json");
  REQUIRE(again["therapy"]["treatments"].size() == 1);
  CHECK(again["therapy"]["treatments"][0]["finished"] == true);
  CHECK(again["therapy"]["breathing"]["depth"].get<double>() == doctest::Approx(0.6));
  CHECK(again["history"]["can_redo"] == true);
}

TEST_CASE("therapy layout: four restrictions and a release at 1280x720 and 1920x1080 cover no panel") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  for (auto [w, h] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    CAPTURE(size);
    const fs::path out = test::output_dir() / ("therapy_layout_" + size);
    fs::remove_all(out);
    const std::string env = test::private_xdg_env(out / "xdg");
    fs::create_directories(out / "xdg/config/fascia");
    std::ofstream(out / "xdg/config/fascia/settings.json")
        << "{\"version\": 1, \"window_width\": " << w << ", \"window_height\": " << h << "}";
    std::string output = test::run_window_script("therapy_layout.txt", out, env, "", size);
    INFO(output);
    REQUIRE(test::window_exit_status(output) == 0);
    Json s = state(out / "layout.json");
    CHECK(s["viewport"][0] == w);
    CHECK(s["viewport"][1] == h);
    REQUIRE(s["session"]["restrictions"].size() == 4);
    check_layout(s, {"control", "treatment", "range", "lines", "session", "record", "legend"});
  }
}

TEST_CASE("therapy session: present mode, label and notes, save, asked on quit, reopen with --session") {
  if (!test::have_xvfb()) FASCIA_SKIP("xvfb-run is not installed");
  const fs::path out = test::output_dir() / "therapy_session";
  fs::remove_all(out);
  const std::string env = test::private_xdg_env(out / "xdg");
  std::string output = test::run_window_script("therapy_session.txt", out, env);
  INFO(output);
  REQUIRE(test::window_exit_status(output) == 0);  // every `expect` held, Esc and close asked first
  CHECK(output.find("validation") == std::string::npos);

  // Present mode: the caption names the restriction in full, never by its id.
  Json present = state(out / "present.json");
  CHECK(present["present"]["on"] == true);
  CHECK(present["present"]["caption"] == "Restricted: Gastrocnemius (left)");
  auto shot = read_png(out / "present.png");
  REQUIRE(shot.ok());

  // Saved into the data folder under the client's label, with the notes, and listed as recent.
  Json saved = state(out / "saved.json");
  const std::string path = saved["document"]["path"];
  CHECK(path == (out / "xdg/data/fascia/sessions/Client_A.fascia").string());
  CHECK(saved["document"]["recent"][0] == path);
  auto file = load_json_file(path);
  REQUIRE(file.ok());
  CHECK((*file)["client_label"] == "Client A");
  CHECK((*file)["notes"] == "Left calf tight after running.");
  // "Save" in the quit dialog saved the change made after Ctrl+S too.
  CHECK((*file)["view"]["layers"]["skin"].get<double>() == doctest::Approx(0.3));
  // On quit: the autosave and the settings (layers as left) in the private folders.
  CHECK(fs::exists(out / "xdg/data/fascia/autosave.fascia"));
  auto settings = load_json_file(out / "xdg/config/fascia/settings.json");
  REQUIRE(settings.ok());
  CHECK((*settings)["last_session"] == path);

  // "Export handout..." after saving: a job writes the PDF and PNG beside the session file while the
  // window keeps drawing (the script's 5 frames ran with the job under way), then says where.
  Json exporting = state(out / "exporting.json");
  CHECK(exporting["handout"]["running"] == true);
  CHECK(exporting["process"]["frames_drawn"].get<int>() - saved["process"]["frames_drawn"].get<int>() >= 5);
  Json exported = state(out / "handout.json");
  const fs::path pdf = out / "xdg/data/fascia/sessions/Client_A.pdf";
  const fs::path png = out / "xdg/data/fascia/sessions/Client_A.png";
  CHECK(exported["handout"]["running"] == false);
  CHECK(exported["handout"]["written"] == true);
  CHECK(exported["handout"]["error"] == "");
  CHECK(exported["handout"]["pdf"] == pdf.string());
  CHECK(exported["handout"]["png"] == png.string());
  CHECK(exported["document"]["message"] ==
        "Handout written: Client_A.pdf and Client_A.png in " + pdf.parent_path().string());
  auto pdf_bytes = read_file(pdf);
  REQUIRE(pdf_bytes.ok());
  CHECK(pdf_bytes->starts_with("%PDF-"));
  auto handout_png = read_png(png);
  REQUIRE(handout_png.ok());
  CHECK(handout_png->width == 1191);  // A4 at 2 pixels a point
  CHECK(handout_png->height == 1684);
  const ImageStats png_stats = image_stats(*handout_png);
  CHECK(png_stats.mean_luma > 150);   // a white page ...
  CHECK(png_stats.stddev_luma > 20);  // ... with text and pictures on it

  // A broken settings file is reported and replaced by the defaults; the session reopens as saved.
  std::ofstream(out / "xdg/config/fascia/settings.json") << "{ not json";
  std::string reopen = test::run_window_script("therapy_reopen.txt", out, env, "--session '" + path + "'");
  INFO(reopen);
  REQUIRE(test::window_exit_status(reopen) == 0);
  CHECK(reopen.find("settings") != std::string::npos);  // the warning names the file
  CHECK(fs::exists(out / "xdg/config/fascia/settings.json.broken"));
  Json reopened = state(out / "reopened.json");
  REQUIRE(reopened["session"]["restrictions"].size() == 1);
  CHECK(reopened["session"]["restrictions"][0]["target"] == "gastrocnemius.l");
  CHECK(reopened["document"]["notes"] == "Left calf tight after running.");
  CHECK(reopened["session"]["layers"]["skin"].get<double>() == doctest::Approx(0.3));

  // The camera: the orbit before Ctrl+S is in the file, and `--session` opens on it.
  // Yaw is compared as a direction: the file keeps it within one turn, the window may not.
  auto turn = [](const Json& a, const Json& b) {
    return std::remainder(a.get<double>() - b.get<double>(), 360.0);
  };
  const Json& moved = saved["camera"];
  const Json& kept = (*file)["view"]["camera"];
  CHECK(std::abs(std::remainder(moved["yaw_deg"].get<double>() - 180, 360.0)) > 5);  // turned from the back
  CHECK(turn(kept["yaw_deg"], moved["yaw_deg"]) == doctest::Approx(0).epsilon(1e-4));
  CHECK(kept["pitch_deg"].get<double>() == doctest::Approx(moved["pitch_deg"].get<double>()).epsilon(1e-4));
  CHECK(kept["distance_m"].get<double>() == doctest::Approx(moved["distance_m"].get<double>()));
  const Json& opened = reopened["camera"];
  CHECK(turn(opened["yaw_deg"], kept["yaw_deg"]) == doctest::Approx(0).epsilon(1e-4));
  CHECK(opened["pitch_deg"].get<double>() == doctest::Approx(kept["pitch_deg"].get<double>()).epsilon(1e-4));
  CHECK(opened["distance_m"].get<double>() == doctest::Approx(kept["distance_m"].get<double>()));
  for (int i = 0; i < 3; ++i)
    CHECK(opened["target"][i].get<double>() == doctest::Approx(kept["target_m"][i].get<double>()));
  // Orbited away and opened again from the recent list: back on the saved view.
  Json orbited = state(out / "orbited.json");
  CHECK(std::abs(turn(orbited["camera"]["yaw_deg"], kept["yaw_deg"])) > 5);
  Json again = state(out / "reopened_again.json");
  CHECK(turn(again["camera"]["yaw_deg"], kept["yaw_deg"]) == doctest::Approx(0).epsilon(1e-4));
  CHECK(again["camera"]["pitch_deg"].get<double>() == doctest::Approx(kept["pitch_deg"].get<double>()));
  CHECK(again["camera"]["distance_m"].get<double>() == doctest::Approx(kept["distance_m"].get<double>()));

  // Last, as it needs poppler-utils: the exported PDF's page, rasterised, is a page with content.
  if (std::system("command -v pdftoppm >/dev/null 2>&1") != 0)
    FASCIA_SKIP("pdftoppm (poppler-utils) is not installed: the exported PDF's page is not looked at");
  const fs::path page = out / "handout_page";
  REQUIRE(std::system(
              ("pdftoppm -png -r 50 -singlefile '" + pdf.string() + "' '" + page.string() + "'").c_str()) ==
          0);
  auto page_img = read_png(page.string() + ".png");
  REQUIRE(page_img.ok());
  CHECK(page_img->width == 414);  // A4 at 50 dpi, as pdftoppm rounds it
  CHECK(page_img->height == 585);
  const ImageStats page_stats = image_stats(*page_img);
  MESSAGE("handout page at 50 dpi: mean luma " << page_stats.mean_luma << ", spread "
                                               << page_stats.stddev_luma);
  CHECK(page_stats.mean_luma > 150);   // white paper ...
  CHECK(page_stats.mean_luma < 250);   // ... not blank ...
  CHECK(page_stats.stddev_luma > 20);  // ... with the stills and the text on it
}

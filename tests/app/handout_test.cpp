#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "capture/handout_content.h"
#include "core/file_io.h"
#include "core/image.h"
#include "session/actions.h"
#include "session/session_file.h"
#include "session/treatments.h"
#include "sim/commands.h"
#include "support/test_support.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

fs::path out_dir() {
  fs::path d = test::output_dir() / "handout";
  fs::create_directories(d);
  return d;
}

// A therapist's session: a tight left calf and an assisted stretch of the ankle (one treatment a
// target at a time: the stretch's held lengthening releases the calf as it goes).
session::Session therapist_session() {
  using namespace session;
  Session s = default_session();
  auto step = [&](const Action& a) { s = reduce(s, a).value(); };
  step(SetClientLabel{"Client A"});
  step(SetNotes{"Left calf tight after running. Stretch daily, two minutes each side."});
  step(SetRestriction{{"gastrocnemius.l", 4, 5}});
  step(StartTreatment{stretch_preset(sim::default_model(), s, "gastrocnemius.l", 0).value()});
  return s;
}

std::string pdf_text(const fs::path& pdf) {
  fs::path txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt.string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return {};
  return read_file(txt).value();
}

}  // namespace

TEST_CASE("handout: the content names the places, the lines, the range gained and nothing identifying") {
  auto model = app::load_app_model();
  REQUIRE(model.ok());
  session::Session s = therapist_session();
  auto c = app::handout_content(**model, s);
  REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
  CHECK(c->client_label == "Client A");
  REQUIRE(c->restricted.size() == 1);
  INFO(c->restricted[0]);
  CHECK(c->restricted[0].find("gastrocnemius (left)") != std::string::npos);
  CHECK(c->restricted[0].find("Superficial Back Line (left)") != std::string::npos);
  CHECK(c->restricted[0].find("gastrocnemius.l") == std::string::npos);  // names, never ids
  REQUIRE(c->treatments.size() >= 1);
  REQUIRE(c->ranges.size() == 1);
  CHECK(c->ranges[0].joint == "left ankle, bending the foot up");
  // In this model the ankle's own end stop, not the calf, ends dorsiflexion (engine/sim/README.md),
  // so the calf restriction costs the ankle little range: the handout reports the range before and
  // after as they are, and the treatment must not lose range.
  CHECK(c->ranges[0].after_deg > c->ranges[0].before_deg - 0.1);
  CHECK(c->view == "back");
  // Before is the restriction in full; after, what the treatments left of it.
  REQUIRE(c->after_restrict.size() == 1);
  CHECK(c->before_restrict[0] == "gastrocnemius.l=4,5");
  CHECK(c->after_restrict[0] != c->before_restrict[0]);
}

TEST_CASE("handout: fascia handout writes a one-page PDF and a PNG of it, a bad session exits 2") {
  fs::path dir = out_dir();
  fs::path session_file = dir / "client_a.fascia";
  REQUIRE(session::save_session(session_file, therapist_session()));
  fs::path pdf = dir / "client_a.pdf", png = dir / "client_a.png";
  fs::remove(pdf);
  fs::remove(png);
  auto r = test::run_fascia("handout --session '" + session_file.string() + "' -o '" + pdf.string() +
                            "' --png '" + png.string() + "'");
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto bytes = read_file(pdf);
  REQUIRE(bytes.ok());
  CHECK(bytes->starts_with("%PDF-"));
  CHECK(bytes->find("/Count 1") != std::string::npos);  // one page
  auto image = read_png(png);
  REQUIRE(image.ok());
  CHECK(image->width == 1191);
  CHECK(image->height == 1684);
  ImageStats st = image_stats(*image);
  CHECK(st.mean_luma > 150);   // a white page ...
  CHECK(st.stddev_luma > 20);  // ... with text and pictures on it

  std::string text = pdf_text(pdf);
  if (text.empty()) {
    MESSAGE("pdftotext (poppler-utils) is not installed: the PDF's words are not checked");
  } else {
    CHECK(text.find("Client A") != std::string::npos);
    CHECK(text.find("Where it was tight") != std::string::npos);
    CHECK(text.find("Superficial Back Line") != std::string::npos);
    CHECK(text.find("gained") != std::string::npos);
    CHECK(text.find("Stretch daily") != std::string::npos);
    CHECK(text.find("illustrative") != std::string::npos);
  }

  std::ofstream(dir / "future.fascia") << R"({"format": "fascia-session", "version": 4})";
  fs::path none = dir / "future.pdf";
  fs::remove(none);
  auto bad = test::run_fascia("handout --session '" + (dir / "future.fascia").string() + "' -o '" +
                              none.string() + "'");
  CHECK(bad.status == 2);
  CHECK(bad.output.find("future.fascia: at $.version: written by a newer Fascia Atlas") != std::string::npos);
  CHECK_FALSE(fs::exists(none));
  auto wrong = test::run_fascia("handout --session '" + session_file.string() + "' -o '" +
                                (dir / "x.txt").string() + "'");
  CHECK(wrong.status == 2);
  CHECK(wrong.output.find("ending in .pdf") != std::string::npos);
}

TEST_CASE("handout: fascia view --session refuses a broken session before any window, naming the problem") {
  fs::path dir = out_dir();
  std::ofstream(dir / "broken.fascia") << R"({"format": "fascia-session", "version": 1,
    "restrictions": [{"target": "gastrocnemius.l", "stiffness_x": 40}]})";
  auto r = test::run_fascia("view --session '" + (dir / "broken.fascia").string() + "'");
  CHECK(r.status == 2);
  CHECK(r.output.find("broken.fascia: at $.restrictions[0]: restriction stiffness 40 is out of range") !=
        std::string::npos);
  auto missing = test::run_fascia("view --session '" + (dir / "nowhere.fascia").string() + "'");
  CHECK(missing.status == 2);
  CHECK(missing.output.find("nowhere.fascia") != std::string::npos);
}

#include <doctest/doctest.h>

#include <filesystem>

#include "core/file_io.h"
#include "core/image.h"
#include "support/skip.h"
#include "support/test_support.h"

using namespace fascia;
namespace fs = std::filesystem;

TEST_CASE("cli: --version and --help") {
  auto v = test::run_fascia("--version");
  CHECK(v.status == 0);
  CHECK(v.output.find("fascia 0.") != std::string::npos);
  auto h = test::run_fascia("--help");
  CHECK(h.status == 0);
  CHECK(h.output.find("render") != std::string::npos);
  CHECK(h.output.find("view") != std::string::npos);
}

TEST_CASE("cli: bad flags exit with status 2 and say why") {
  auto r = test::run_fascia("--no-such-flag");
  CHECK(r.status == 2);
  CHECK(r.output.find("--no-such-flag") != std::string::npos);
  auto s = test::run_fascia("render --still -o x.png --size big");
  CHECK(s.status == 2);
  CHECK(s.output.find("--size 'big': expected WIDTHxHEIGHT") != std::string::npos);
  auto z = test::run_fascia("render --still -o x.png --size 0x100");
  CHECK(z.status == 2);
  auto view = test::run_fascia("render --still -o x.png --view sideways");
  CHECK(view.status == 2);
  CHECK(view.output.find("--view 'sideways'") != std::string::npos);
  auto missing = test::run_fascia("render --still");
  CHECK(missing.status == 2);
}

TEST_CASE("cli: unwritable or wrong output paths exit 2 and leave nothing behind") {
  fs::path dir = test::output_dir() / "cli_bad_out";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto r = test::run_fascia("render --still -o " + (dir / "missing" / "a.png").string());
  CHECK(r.status == 2);
  CHECK(r.output.find("does not exist") != std::string::npos);
  auto j = test::run_fascia("render --still -o " + (dir / "a.jpg").string());
  CHECK(j.status == 2);
  CHECK(j.output.find("PNG") != std::string::npos);
  auto d = test::run_fascia("render --still -o " + dir.string() + "/");
  CHECK(d.status == 2);
  CHECK(fs::is_empty(dir / ""));
}

TEST_CASE("cli: render --still writes a PNG of the lit mesh") {
  fs::path out = test::output_dir() / "cli_still.png";
  fs::remove(out);
  auto r = test::run_fascia("render --still -o " + out.string() + " --size 400x300 --view back");
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto image = read_png(out);
  REQUIRE(image.ok());
  CHECK(image->width == 400);
  CHECK(image->height == 300);
  ImageStats s = image_stats(*image);
  CHECK(s.mean_luma > 40);
  CHECK(s.stddev_luma > 15);
}

TEST_CASE("cli: without a display, fascia renders the default still and says where") {
  auto r = test::run_fascia("view");  // the test environment has no DISPLAY unless run under X
  if (std::getenv("DISPLAY")) {
    FASCIA_SKIP("a display is present");
  }
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("no display") != std::string::npos);
  auto at = r.output.find("wrote ");
  REQUIRE(at != std::string::npos);
  std::string path = r.output.substr(at + 6);
  path = path.substr(0, path.find('\n'));
  CHECK(fs::exists(path));
}

TEST_CASE("cli: body --import reports the mapping, and refuses bad files with status 2") {
  auto none = test::run_fascia("body");
  CHECK(none.status == 2);
  CHECK(none.output.find("exactly one of --export") != std::string::npos);
  auto missing = test::run_fascia("body --import /nonexistent/model.glb");
  CHECK(missing.status == 2);
  CHECK(missing.output.find("/nonexistent/model.glb") != std::string::npos);
  fs::path shared = test::shared_dir();
  if (shared.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  auto r = test::run_fascia("body --import " +
                            (shared / "fixtures/models/riggedfigure/RiggedFigure.glb").string() + " --json");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("\"femur.l\"") != std::string::npos);
}

TEST_CASE("cli: atlas lists the twelve lines with evidence, as text and JSON") {
  auto t = test::run_fascia("atlas");
  REQUIRE(t.status == 0);
  CHECK(t.output.find("Superficial Back Line") != std::string::npos);
  CHECK(t.output.find("Deep Front Line") != std::string::npos);
  auto j = test::run_fascia("atlas --json");
  REQUIRE(j.status == 0);
  CHECK(j.output.find("\"sbl\"") != std::string::npos);
  CHECK(j.output.find("strong") != std::string::npos);
}

TEST_CASE("cli: sim, trace and rom answer with numbers, and refuse bad input with status 2") {
  auto s = test::run_fascia("sim --restrict gastrocnemius.l=3,4 --json");
  REQUIRE(s.status == 0);
  CHECK(s.output.find("gastrocnemius.l") != std::string::npos);
  auto bad = test::run_fascia("sim --restrict foo=3");
  CHECK(bad.status == 2);
  CHECK(bad.output.find("unknown track 'foo'") != std::string::npos);
  auto range = test::run_fascia("sim --restrict gastrocnemius.l=50");
  CHECK(range.status == 2);
  auto t = test::run_fascia("trace --at erector_spinae.l");
  CHECK(t.status == 0);
  CHECK(t.output.find("rank") != std::string::npos);
  CHECK(test::run_fascia("trace").status == 2);
  auto r = test::run_fascia("rom --joint ankle.l");
  CHECK(r.status == 0);
  CHECK(r.output.find("deg") != std::string::npos);
  CHECK(test::run_fascia("rom --joint elbow.q").status == 2);
}

TEST_CASE("cli: body --export writes a glTF binary, and refuses bad paths with status 2") {
  fs::path out = test::output_dir() / "cli_body.glb";
  fs::remove(out);
  auto r = test::run_fascia("body --export " + out.string());
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto bytes = read_file(out);
  REQUIRE(bytes.ok());
  CHECK(bytes->size() > 1000000);
  CHECK(bytes->substr(0, 4) == "glTF");
  CHECK(test::run_fascia("body --export " + (test::output_dir() / "nope" / "x.glb").string()).status == 2);
  CHECK(test::run_fascia("body --export " + (test::output_dir() / "x.obj").string()).status == 2);
}

TEST_CASE("cli: an unknown pose or movement is refused with status 2, naming the flag") {
  auto p =
      test::run_fascia("render --still -o " + (test::output_dir() / "pose.png").string() + " --pose dance");
  CHECK(p.status == 2);
  CHECK(p.output.find("--pose 'dance': no such pose or movement") != std::string::npos);
  CHECK_FALSE(fs::exists(test::output_dir() / "pose.png"));
  if (!std::getenv("DISPLAY")) {
    auto m = test::run_fascia("view --movement dance");
    CHECK(m.status == 2);
    CHECK(m.output.find("--movement 'dance'") != std::string::npos);
  }
}

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/image.h"
#include "support/skip.h"
#include "support/test_support.h"

// Headless stills at the edges of the size range, where the output goes without a display, and
// outputs that are links or devices (issue 14, items 5, 8 and 9).
using namespace fascia;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path d = test::output_dir() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string q(const fs::path& p) {
  std::string quoted = "'";  // piecewise: GCC 12 warns falsely (-Wrestrict) on "'" + string
  quoted += p.string();
  quoted += "'";
  return quoted;
}

// `fascia ARGS` run in `cwd` with the environment changes `env` ("A=1 B=2"), DISPLAY unset.
test::RunResult run_in(const fs::path& cwd, const std::string& env, const std::string& args) {
  return test::run_fascia_env("cd " + q(cwd) + " && env -u DISPLAY -u WAYLAND_DISPLAY " + env, args);
}

int entries(const fs::path& dir) {
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) (void)e, ++n;
  return n;
}

}  // namespace

TEST_CASE("still: every documented size renders, including the thinnest (ImGui's minimum sizes stay valid)") {
  FASCIA_SKIP_UNLESS_APP();
  const fs::path dir = fresh_dir("still-sizes");
  for (const char* size : {"16x16", "8192x16", "16x8192", "256x22"}) {
    CAPTURE(size);
    const fs::path out = dir / (std::string(size) + ".png");
    auto r = test::run_fascia("render --still -o " + q(out) + " --size " + size +
                              " --lines sbl --restrict sbl.l=3");
    INFO(r.output);
    REQUIRE(r.status == 0);
    auto image = read_png(out);
    REQUIRE(image.ok());
    CHECK(std::to_string(image->width) + "x" + std::to_string(image->height) == size);
  }
}

TEST_CASE("still: a link to a device is refused with status 2, a link to a file is written through") {
  FASCIA_SKIP_UNLESS_APP();
  const fs::path dir = fresh_dir("still-links");
  fs::create_symlink("/dev/full", dir / "f.png");
  auto r = test::run_fascia("render --still -o " + q(dir / "f.png") + " --size 64x64");
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("is a symbolic link to '/dev/full', which is a device") != std::string::npos);
  CHECK(fs::is_symlink(dir / "f.png"));
  CHECK(entries(dir) == 1);

  fs::create_directories(dir / "real");
  std::ofstream(dir / "real" / "a.png") << "old";
  fs::create_symlink(dir / "real" / "a.png", dir / "a.png");
  auto w = test::run_fascia("render --still -o " + q(dir / "a.png") + " --size 64x64");
  INFO(w.output);
  CHECK(w.status == 0);
  CHECK(fs::is_symlink(dir / "a.png"));
  CHECK(read_png(dir / "real" / "a.png").ok());

  const fs::path long_name = dir / (std::string(251, 'l') + ".png");  // 255 bytes
  auto l = test::run_fascia("render --still -o " + q(long_name) + " --size 32x32");
  INFO(l.output);
  CHECK(l.status == 0);
  CHECK(fs::is_regular_file(long_name));
}

TEST_CASE(
    "no display: the still goes to the current folder, else the pictures folder, or to -o; it says where") {
  FASCIA_SKIP_UNLESS_APP();
  const fs::path dir = fresh_dir("no-display");
  fs::create_directories(dir / "cwd");
  fs::create_directories(dir / "pictures");

  auto here = run_in(dir / "cwd", "", "");
  INFO(here.output);
  CHECK(here.status == 0);
  CHECK(here.output.find("wrote " + (dir / "cwd" / "fascia-still.png").string()) != std::string::npos);
  CHECK(read_png(dir / "cwd" / "fascia-still.png").ok());

  // An unwritable current folder (as under /usr): the XDG pictures folder.
  auto pictures = run_in("/proc/self", "XDG_PICTURES_DIR=" + q(dir / "pictures"), "");
  INFO(pictures.output);
  CHECK(pictures.status == 0);
  CHECK(pictures.output.find("wrote " + (dir / "pictures" / "fascia-still.png").string()) !=
        std::string::npos);

  auto nowhere = run_in("/proc/self", "XDG_PICTURES_DIR=/proc/self HOME=/proc/self", "");
  INFO(nowhere.output);
  CHECK(nowhere.status == 2);
  CHECK(nowhere.output.find("give -o OUT.png") != std::string::npos);

  for (const char* form : {"-o", "view -o"}) {
    const fs::path out = dir / (std::string(form[0] == 'v' ? "view" : "plain") + ".png");
    auto o = run_in("/proc/self", "", std::string(form) + " " + q(out));
    INFO(o.output);
    CHECK(o.status == 0);
    CHECK(o.output.find("wrote " + out.string()) != std::string::npos);
    CHECK(read_png(out).ok());
  }
}

TEST_CASE("messages: raw invalid bytes are escaped, and a cache folder that is a file is named") {
  FASCIA_SKIP_UNLESS_APP();
  auto bytes = test::run_fascia("render --still -o /tmp/x.png --view \"$(printf '\\274\\033[31m')\"");
  INFO(bytes.output);
  CHECK(bytes.status == 2);
  CHECK(bytes.output.find("--view '\\xbc\\x1b[31m'") != std::string::npos);
  CHECK(bytes.output.find('\x1b') == std::string::npos);

  const fs::path dir = fresh_dir("cache-is-file");
  std::ofstream(dir / "cache") << "not a folder";
  auto r = test::run_fascia_env("XDG_CACHE_HOME=" + q(dir / "cache"), "body --export " + q(dir / "body.glb"));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("body cache not written to " + (dir / "cache" / "fascia").string() +
                      " (from XDG_CACHE_HOME): '" + (dir / "cache").string() + "' is a file, not a folder") !=
        std::string::npos);
  CHECK(fs::is_regular_file(dir / "body.glb"));
}

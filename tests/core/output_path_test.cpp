#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "core/printable.h"
#include "support/test_support.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path d = test::output_dir() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

int entries(const fs::path& dir) {
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) (void)e, ++n;
  return n;
}

}  // namespace

TEST_CASE("output paths: a link to a device is refused with status 2 and left as it was") {
  const fs::path dir = fresh_dir("out-device");
  fs::create_symlink("/dev/full", dir / "f.png");
  auto s = write_file_atomic(dir / "f.png", std::string_view("png"));
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().exit_status() == 2);
  CHECK(s.error().message ==
        (dir / "f.png").string() +
            ": is a symbolic link to '/dev/full', which is a device; give a regular file");
  CHECK(fs::is_symlink(dir / "f.png"));
  CHECK(entries(dir) == 1);
  // The device itself, a FIFO and a dangling link are refused the same way.
  CHECK(check_writable("/dev/null").error().message ==
        "/dev/null: is a device, not a regular file; give a regular file");
  REQUIRE(::mkfifo((dir / "pipe.png").c_str(), 0644) == 0);
  CHECK(check_writable(dir / "pipe.png").error().message.find("is a FIFO (named pipe)") != std::string::npos);
  fs::create_symlink(dir / "nowhere" / "x.png", dir / "dangling.png");
  CHECK(check_writable(dir / "dangling.png").error().message.find("dangling") != std::string::npos);
}

TEST_CASE("output paths: a link to a regular file is written through and stays a link") {
  const fs::path dir = fresh_dir("out-link");
  fs::create_directories(dir / "real");
  std::ofstream(dir / "real" / "a.png") << "old";
  fs::create_symlink(dir / "real" / "a.png", dir / "link.png");
  REQUIRE(write_file_atomic(dir / "link.png", std::string_view("new")).ok());
  CHECK(fs::is_symlink(dir / "link.png"));
  CHECK(read_file(dir / "real" / "a.png").value() == "new");
  CHECK(entries(dir / "real") == 1);  // no temporary left beside the target
}

TEST_CASE("output paths: names of 245 to 255 bytes are written (the temporary name is short)") {
  const fs::path dir = fresh_dir("out-long");
  for (size_t n : {245, 250, 255}) {
    const fs::path p = dir / (std::string(n - 4, 'a') + ".png");
    CAPTURE(n);
    auto s = write_file_atomic(p, std::string_view("x"));
    CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    CHECK(fs::is_regular_file(p));
  }
  CHECK(entries(dir) == 3);
}

TEST_CASE("read_regular_file: FIFOs, links and oversized files are refused without blocking") {
  const fs::path dir = fresh_dir("read-regular");
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0644) == 0);
  auto t0 = std::chrono::steady_clock::now();
  auto fifo = read_regular_file(dir / "fifo", 1000);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  REQUIRE_FALSE(fifo.ok());
  CHECK(fifo.error().message ==
        (dir / "fifo").string() + ": is a FIFO (named pipe), expected a regular file");
  fs::create_symlink("/dev/zero", dir / "zero");
  auto zero = read_regular_file(dir / "zero", 1000);
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error().message == (dir / "zero").string() + ": is a symbolic link, expected a regular file");
  std::ofstream(dir / "big") << std::string(2000, 'x');
  auto big = read_regular_file(dir / "big", 1000);
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().message == (dir / "big").string() + ": 2000 bytes, more than the 1000 expected");
  CHECK(read_regular_file(dir / "big", 2000).value().size() == 2000);
}

TEST_CASE("printable: invalid UTF-8 and control bytes are escaped, valid text kept") {
  CHECK(printable("last read: '\xbc'") == "last read: '\\xbc'");
  CHECK(printable("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(printable("caf\xc3\xa9 \xe2\x86\x92 ok\n\tnext") == "caf\xc3\xa9 \xe2\x86\x92 ok\n\tnext");
  CHECK(printable("\xc0\xaf") == "\\xc0\\xaf");  // overlong '/'
  CHECK(printable("\xc2\x9b") == "\\xc2\\x9b");  // C1 control (CSI)
  CHECK(printable("\xe2\x82") == "\\xe2\\x82");  // truncated sequence
}

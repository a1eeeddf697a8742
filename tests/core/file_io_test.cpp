#include <doctest/doctest.h>

#include <filesystem>

#include "core/file_io.h"
#include "support/test_support.h"

using namespace fascia;
namespace fs = std::filesystem;

TEST_CASE("file_io: atomic write replaces the file whole and leaves no temporary") {
  fs::path dir = test::output_dir() / "atomic";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path p = dir / "out.txt";
  REQUIRE(write_file_atomic(p, std::string_view("first")).ok());
  REQUIRE(write_file_atomic(p, std::string_view("second version")).ok());
  CHECK(read_file(p).value() == "second version");
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("file_io: a missing folder is a bad-input error naming the path") {
  auto s = write_file_atomic("/nonexistent-folder/x.png", std::string_view("x"));
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().exit_status() == 2);
  CHECK(s.error().message == "/nonexistent-folder/x.png: folder '/nonexistent-folder' does not exist");
  auto r = read_file("/nonexistent-folder/in.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("/nonexistent-folder/in.json: cannot open") == 0);
}

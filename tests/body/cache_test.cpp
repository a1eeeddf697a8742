#include <doctest/doctest.h>

#include <chrono>

#include "body/body.h"
#include "core/file_io.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

TEST_CASE("cache: a cached body equals the generated one, damaged caches are regenerated") {
  const auto dir = test::output_dir() / "body-cache";
  std::filesystem::remove_all(dir);
  const BodyParams params{1.62f, 0.7f};
  auto t0 = std::chrono::steady_clock::now();
  Body built = load_or_build_body(params, dir);  // generates and writes the cache
  auto t1 = std::chrono::steady_clock::now();
  Body cached = load_or_build_body(params, dir);  // reads it
  auto t2 = std::chrono::steady_clock::now();
  MESSAGE("generate " << std::chrono::duration<double>(t1 - t0).count() << " s, from cache "
                      << std::chrono::duration<double>(t2 - t1).count() << " s");
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
  REQUIRE(cached.meshes.size() == built.meshes.size());
  for (size_t i = 0; i < built.meshes.size(); ++i) {
    CHECK(cached.meshes[i].name == built.meshes[i].name);
    CHECK(cached.meshes[i].positions == built.meshes[i].positions);
    CHECK(cached.meshes[i].indices == built.meshes[i].indices);
    CHECK(cached.meshes[i].weights == built.meshes[i].weights);
  }
  CHECK(cached.landmarks.size() == built.landmarks.size());
  CHECK(cached.skeleton.size() == built.skeleton.size());

  // Truncate the cache: it is refused and the body regenerated, not trusted.
  auto path = std::filesystem::directory_iterator(dir)->path();
  auto bytes = read_file(path);
  REQUIRE(bytes.ok());
  REQUIRE(write_file_atomic(path, std::string_view(bytes->data(), bytes->size() / 2)).ok());
  Body again = load_or_build_body(params, dir);
  REQUIRE(again.meshes.size() == built.meshes.size());
  CHECK(again.meshes.back().positions == built.meshes.back().positions);
}

#include <doctest/doctest.h>
#include "atlas/atlas.h"
#include "support/test_support.h"
TEST_CASE("atlas smoke") {
  auto a = fascia::atlas::load_atlas(fascia::test::tests_dir() / "../assets/atlas");
  if (!a) MESSAGE(a.error().message);
  REQUIRE(a.ok());
}

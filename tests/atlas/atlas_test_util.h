#pragma once
// Shared by the atlas tests: the atlas of the source tree, loaded once.
#include <doctest/doctest.h>

#include "atlas/atlas.h"
#include "support/test_support.h"

namespace fascia::atlas::test {

inline std::filesystem::path assets_atlas_dir() {
  return fascia::test::tests_dir() / ".." / "assets" / "atlas";
}

inline const Atlas& source_atlas() {
  static const Result<Atlas> atlas = load_atlas(assets_atlas_dir());
  if (!atlas) FAIL("assets/atlas does not load: " << atlas.error().message);
  return atlas.value();
}

}  // namespace fascia::atlas::test

#pragma once
// Shared by the learn tests: the atlas, the anatomy text and the lessons of the source tree, loaded once.
#include <doctest/doctest.h>

#include "atlas/atlas.h"
#include "learn/anatomy.h"
#include "learn/lesson.h"
#include "support/test_support.h"

namespace fascia::learn_test {
using namespace fascia::learn;

inline std::filesystem::path assets() {
  return fascia::test::tests_dir().parent_path() / "assets";
}

inline const atlas::Atlas& shipped_atlas() {
  static const Result<atlas::Atlas> a = atlas::load_atlas(assets() / "atlas");
  if (!a) FAIL("assets/atlas does not load: " << a.error().message);
  return a.value();
}

inline const Anatomy& shipped_anatomy() {
  static const Result<Anatomy> a = load_anatomy(assets() / "anatomy");
  if (!a) FAIL("assets/anatomy does not load: " << a.error().message);
  return a.value();
}

inline std::vector<std::string> shipped_poses() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(assets() / "poses"))
    if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
  return out;
}

inline LessonContext shipped_context() {
  static const std::vector<std::string> poses = shipped_poses();
  return {&shipped_atlas(), &shipped_anatomy(), poses};
}

}  // namespace fascia::learn_test

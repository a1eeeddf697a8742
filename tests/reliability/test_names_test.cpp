#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "support/test_support.h"

// CTest runs each doctest case by name (doctest_discover_tests). A ';' in a name splits it into a
// CMake list, so CTest asks for a name that matches nothing, and doctest passes with zero tests run:
// the case silently stops running (it happened). Guard every name in the tree.
TEST_CASE("test names: every TEST_CASE name is one CTest can run") {
  namespace fs = std::filesystem;
  static const std::regex test_case(R"re(TEST_CASE\("((?:[^"\\]|\\.)*)"\))re");
  int names = 0;
  for (const auto& e : fs::recursive_directory_iterator(fascia::test::tests_dir())) {
    if (e.path().extension() != ".cpp") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), test_case); it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1];
      INFO(e.path().string() << ": \"" << name << "\"");
      CHECK(name.find(';') == std::string::npos);
      CHECK(name.find('\\') == std::string::npos);
      ++names;
    }
  }
  CHECK(names >= 30);
}

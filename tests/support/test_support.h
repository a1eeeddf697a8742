#pragma once
// Helpers shared by the tests: where fixtures and outputs live, and running the fascia binary.
#include <filesystem>
#include <string>

namespace fascia::test {

std::filesystem::path tests_dir();   // tests/ in the source tree
std::filesystem::path output_dir();  // build/test-output, created on demand
// ../shared beside the checkout, or empty when it is absent (tests then skip with a message).
std::filesystem::path shared_dir();

struct RunResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};
// Runs the built `fascia` binary with `args` (a shell-quoted string), capturing its output.
RunResult run_fascia(const std::string& args);
// The same, with `prefix` put before the binary on the shell line ("cd DIR && env A=1").
RunResult run_fascia_env(const std::string& prefix, const std::string& args);

}  // namespace fascia::test

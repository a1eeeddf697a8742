#pragma once
// The `fascia` command line (design.md's contract): parses, dispatches, maps errors to exit statuses.
namespace fascia::app {
int run_cli(int argc, char** argv);
}

#pragma once
// Each subcommand adds itself to the CLI11 app and returns the action to run when it was chosen.
// One file a command: cmd_render.cpp, cmd_body.cpp, ...
#include <functional>
#include <vector>

namespace CLI {
class App;
}

namespace fascia::app {

// Runs a parsed subcommand; returns the process exit status.
using Action = std::function<int()>;

struct Command {
  CLI::App* sub = nullptr;  // parsed() tells whether it was chosen
  Action run;
};

Command add_view_command(CLI::App& cli);
Command add_render_command(CLI::App& cli);
Command add_body_command(CLI::App& cli);
Command add_atlas_command(CLI::App& cli);
Command add_sim_command(CLI::App& cli);
Command add_trace_command(CLI::App& cli);
Command add_rom_command(CLI::App& cli);
Command add_bench_command(CLI::App& cli);
Command add_handout_command(CLI::App& cli);

}  // namespace fascia::app

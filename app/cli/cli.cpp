#include "cli/cli.h"

#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/log.h"
#include "core/printable.h"

namespace fascia::app {

int run_cli(int argc, char** argv) {
  if (const char* q = std::getenv("FASCIA_QUIET"); q && *q == '1') set_log_threshold(LogLevel::Warning);

  CLI::App cli{
      "Fascia Atlas: the body's myofascial lines in 3D, with a simulation of how tension spreads along them.",
      "fascia"};
  cli.set_version_flag("--version", std::string("fascia ") + FASCIA_VERSION);
  cli.require_subcommand(0, 1);

  Command view = add_view_command(cli);
  std::vector<Command> commands = {view,
                                   add_render_command(cli),
                                   add_body_command(cli),
                                   add_atlas_command(cli),
                                   add_sim_command(cli),
                                   add_trace_command(cli),
                                   add_rom_command(cli),
                                   add_bench_command(cli),
                                   add_handout_command(cli)};

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "fascia: %s\nRun 'fascia --help' for the command line.\n",
                 printable(e.what()).c_str());
    return 2;
  }

  for (const Command& c : commands)
    if (c.sub->parsed()) return c.run();
  return view.run();  // plain `fascia` opens the app
}

}  // namespace fascia::app

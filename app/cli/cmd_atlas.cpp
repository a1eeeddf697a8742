// `fascia atlas [--json]`: every line, side, station, track and evidence grade.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "atlas/atlas.h"
#include "atlas/report.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/paths.h"

namespace fascia::app {

Command add_atlas_command(CLI::App& cli) {
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = cli.add_subcommand("atlas", "the twelve lines: stations, tracks and evidence");
  sub->add_flag("--json", *json, "as JSON (format fascia-atlas/1, see docs/atlas-format.md)");
  return {sub, [json] {
            auto atlas = atlas::load_atlas(assets_dir() / "atlas");
            if (!atlas) return report(atlas.error());
            if (*json)
              std::printf("%s\n", atlas::atlas_json(*atlas).dump(2).c_str());
            else
              std::fputs(atlas::atlas_text(*atlas).c_str(), stdout);
            return 0;
          }};
}

}  // namespace fascia::app

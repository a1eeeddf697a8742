// `fascia sim`, `fascia trace` and `fascia rom`: the simulation from the command line.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "sim/commands.h"

namespace fascia::app {
namespace {

int print(const Result<Json>& j, bool json, std::string (*text)(const Json&)) {
  if (!j) return report(j.error());
  if (json)
    std::printf("%s\n", j->dump(2).c_str());
  else
    std::fputs(text(*j).c_str(), stdout);
  return 0;
}

const char* kRestrictHelp = "TRACK_OR_LINE=STIFFNESS_X[,SHORTEN_PCT], e.g. gastrocnemius.l=3,4 (repeatable)";

// --hold, --load, --release and --pose: the experiment, the same on sim, trace and rom.
void add_experiment_options(CLI::App* sub, sim::ExperimentOptions& o) {
  sub->add_option("--restrict", o.restrict, kRestrictHelp);
  sub->add_option("--hold", o.hold,
                  "JOINT=DEG: move the joint passively there and hold it, e.g. knee.l=90 (repeatable)");
  sub->add_option(
      "--load", o.load,
      "TRACK_OR_STATION=NEWTONS[,DIRECTION]: an external pull, 0-200 N; DIRECTION up, down, forward, "
      "back, left, right or along (repeatable)");
  sub->add_option("--release", o.release,
                  "TRACK[=SECONDS]: sustained pressure on a restricted tissue, 0-600 s (default 60)");
  sub->add_option("--pose", o.pose, "named pose from assets/poses (neutral, forward_bend, squat, ...)");
}

}  // namespace

Command add_sim_command(CLI::App& cli) {
  auto o = std::make_shared<sim::SimOptions>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = cli.add_subcommand("sim", "tension along the lines under restrictions, at equilibrium");
  add_experiment_options(sub, *o);
  sub->add_flag("--json", *json, "per-element tension, strain and lines, node displacements, joint angles");
  return {sub, [o, json] {
            if (auto st = sim::default_model_status(); !st) return report(st.error());
            return print(sim::sim_command(sim::default_model(), *o), *json, sim::sim_text);
          }};
}

Command add_trace_command(CLI::App& cli) {
  auto o = std::make_shared<sim::TraceOptions>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = cli.add_subcommand("trace", "ranked remote places whose restriction loads a place most");
  sub->add_option("--at", o->at, "a track or station, e.g. erector_spinae.l")->required();
  add_experiment_options(sub, *o);
  sub->add_option("--top", o->top, "how many sources to list")->check(CLI::Range(1, 1000));
  sub->add_flag("--json", *json, "as JSON");
  return {sub, [o, json] {
            if (auto st = sim::default_model_status(); !st) return report(st.error());
            return print(sim::trace_command(sim::default_model(), *o), *json, sim::trace_text);
          }};
}

Command add_rom_command(CLI::App& cli) {
  auto o = std::make_shared<sim::RomOptions>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = cli.add_subcommand("rom", "passive range of motion of a joint under restrictions");
  sub->add_option("--joint", o->joint, "a joint, e.g. ankle.l, knee.r, hip.l, neck")->required();
  sub->add_option("--motion", o->motion,
                  "flexion (default: the joint's named motion) or extension, plantarflexion");
  add_experiment_options(sub, *o);
  sub->add_flag("--json", *json, "as JSON");
  return {sub, [o, json] {
            if (auto st = sim::default_model_status(); !st) return report(st.error());
            return print(sim::rom_command(sim::default_model(), *o), *json, sim::rom_text);
          }};
}

}  // namespace fascia::app

// `fascia sim`, `fascia trace` and `fascia rom`: the simulation from the command line.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/sim_report.h"
#include "sim/commands.h"

namespace fascia::app {
namespace {

// Runs a command's back end and writes its report as JSON or as the text made from that JSON.
template <class Options, class Report>
int print(const Options& o, Result<Report> (*run)(const sim::Model&, const Options&),
          Json (*to_json)(const sim::Model&, const Options&, const Report&), std::string (*text)(const Json&),
          bool json) {
  if (auto st = sim::default_model_status(); !st) return report(st.error());
  const sim::Model& m = sim::default_model();
  auto r = run(m, o);
  if (!r) return report(r.error());
  const Json j = to_json(m, o, *r);
  if (json)
    std::printf("%s\n", j.dump(2).c_str());
  else
    std::fputs(text(j).c_str(), stdout);
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
  return {sub, [o, json] { return print(*o, sim::run_sim, sim_json, sim_text, *json); }};
}

Command add_trace_command(CLI::App& cli) {
  auto o = std::make_shared<sim::TraceOptions>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = cli.add_subcommand("trace", "ranked remote places whose restriction loads a place most");
  sub->add_option("--at", o->at, "a track or station, e.g. erector_spinae.l")->required();
  add_experiment_options(sub, *o);
  sub->add_option("--top", o->top, "how many sources to list")->check(CLI::Range(1, 1000));
  sub->add_flag("--json", *json, "as JSON");
  return {sub, [o, json] { return print(*o, sim::run_trace, trace_json, trace_text, *json); }};
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
  return {sub, [o, json] { return print(*o, sim::run_rom, rom_json, rom_text, *json); }};
}

}  // namespace fascia::app

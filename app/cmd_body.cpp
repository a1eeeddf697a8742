// `fascia body --export OUT.glb` and `fascia body --import FILE [--json]`.
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "body/import/import_model.h"
#include "cli_util.h"
#include "commands.h"

namespace fascia::app {
namespace {

struct BodyArgs {
  std::string export_path;
  std::string import_path;
  bool json = false;
};

int run_body(const BodyArgs& a) {
  if (a.export_path.empty() == a.import_path.empty())
    return report(bad_input("body: give exactly one of --export OUT.glb or --import FILE"));
  if (!a.import_path.empty()) {
    auto model = body::import_model(a.import_path);
    if (!model) return report(model.error());
    std::fputs((a.json ? body::import_report_json(*model) : body::import_report_text(*model)).c_str(), stdout);
    if (a.json) std::fputc('\n', stdout);
    return 0;
  }
  return report(bad_input("body --export: the built-in body's meshes are not available in this build yet"));
}

}  // namespace

Command add_body_command(CLI::App& cli) {
  auto args = std::make_shared<BodyArgs>();
  CLI::App* sub = cli.add_subcommand("body", "export the built-in body, or report on importing an external rig");
  sub->add_option("--export", args->export_path, "write the built-in body (skeleton, bones, muscles, skin) as glTF .glb");
  sub->add_option("--import", args->import_path, "import a rigged model (glTF, GLB, FBX, COLLADA, OBJ) and report");
  sub->add_flag("--json", args->json, "the import report as JSON");
  return {sub, [args] { return run_body(*args); }};
}

}  // namespace fascia::app

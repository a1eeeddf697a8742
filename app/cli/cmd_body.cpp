// `fascia body --export OUT.glb` and `fascia body --import FILE [--json]`.
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "body/body.h"
#include "body/export_glb.h"
#include "body/import/import_model.h"
#include "core/file_io.h"

#include <filesystem>
#include "cli/cli_util.h"
#include "cli/commands.h"

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
    std::fputs((a.json ? body::import_report_json(*model) : body::import_report_text(*model)).c_str(),
               stdout);
    if (a.json) std::fputc('\n', stdout);
    return 0;
  }
  std::filesystem::path out = a.export_path;
  if (out.extension() != ".glb")
    return report(
        bad_input(out.string() + ": the body is exported as binary glTF; give a name ending in .glb"));
  if (auto s = check_writable(out); !s) return report(s.error());
  if (auto s = body::export_glb(body::load_or_build_body({}), out); !s) return report(s.error());
  std::printf("fascia: wrote %s\n", out.c_str());
  return 0;
}

}  // namespace

Command add_body_command(CLI::App& cli) {
  auto args = std::make_shared<BodyArgs>();
  CLI::App* sub =
      cli.add_subcommand("body", "export the built-in body, or report on importing an external rig");
  sub->add_option("--export", args->export_path,
                  "write the built-in body (skeleton, bones, muscles, skin) as glTF .glb");
  sub->add_option("--import", args->import_path,
                  "import a rigged model (glTF, GLB, FBX, COLLADA, OBJ, MakeHuman .mhskel) and report");
  sub->add_flag("--json", args->json, "the import report as JSON");
  return {sub, [args] { return run_body(*args); }};
}

}  // namespace fascia::app

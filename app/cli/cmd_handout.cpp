// `fascia handout --session FILE -o OUT.pdf [--png OUT.png]`: the client's one-page handout.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "capture/handout.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "session/session_file.h"

namespace fascia::app {
namespace {

struct HandoutArgs {
  std::string session;
  HandoutOptions out;
};

int run_handout(const HandoutArgs& a) {
  auto s = session::load_session(a.session);
  if (!s) return report(s.error());
  if (auto w = write_handout(*s, a.out); !w) return report(w.error());
  for (const auto& p : {a.out.pdf, a.out.png})
    if (!p.empty()) std::printf("fascia: wrote %s\n", p.c_str());
  return 0;
}

}  // namespace

Command add_handout_command(CLI::App& cli) {
  auto a = std::make_shared<HandoutArgs>();
  CLI::App* sub = cli.add_subcommand("handout", "export a session as a one-page client handout (PDF, PNG)");
  sub->add_option("--session", a->session, "the session file (.fascia)")->required();
  sub->add_option("-o,--output", a->out.pdf, "the handout as PDF (.pdf)");
  sub->add_option("--png", a->out.png, "the handout as a picture (.png)");
  return {sub, [a] { return run_handout(*a); }};
}

}  // namespace fascia::app

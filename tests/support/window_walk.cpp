#include "support/window_walk.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/test_support.h"

namespace fascia::test {
namespace fs = std::filesystem;

std::string private_xdg_env(const fs::path& dir) {
  std::string d = dir.string();
  for (const char* sub : {"config", "data", "state"}) fs::create_directories(dir / sub);
  // The cache stays shared: it holds the built body, the same for everyone.
  return "env XDG_CONFIG_HOME='" + d + "/config' XDG_DATA_HOME='" + d + "/data' XDG_STATE_HOME='" + d +
         "/state'";
}

bool have_xvfb() {
  return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

std::string run_window_script(const std::string& name, const fs::path& out, const std::string& env_prefix,
                              const std::string& args, const std::string& screen) {
#ifdef FASCIA_EXE
  fs::create_directories(out);
  std::ifstream in(tests_dir() / "app" / "scripts" / name);
  if (!in) return "cannot read the script " + name + "\nfascia-exit=-1\n";
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  for (auto at = s.find("OUT/"); at != std::string::npos; at = s.find("OUT/", at))
    s.replace(at, 4, out.string() + "/");
  fs::path script = out / name;
  std::ofstream(script) << s;
  // xvfb-run's own exit status also reports trouble with its temporary folder: echo the app's.
  std::string cmd = "FASCIA_VALIDATION=1 " + env_prefix + " xvfb-run -a -s '-screen 0 " + screen +
                    "x24' sh -c \"'" + FASCIA_EXE + "' view --script '" + script.string() + "' " + args +
                    "; echo fascia-exit=\\$?\" 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return "cannot run xvfb-run\nfascia-exit=-1\n";
  std::string output;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe)) output += buf;
  pclose(pipe);
  return output;
#else
  (void)name, (void)out, (void)env_prefix, (void)args, (void)screen;
  return "fascia-exit=-1\n";
#endif
}

int window_exit_status(const std::string& output) {
  auto at = output.rfind("fascia-exit=");
  return at == std::string::npos ? -1 : std::atoi(output.c_str() + at + 12);
}

}  // namespace fascia::test

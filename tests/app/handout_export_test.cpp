// The window's "Export handout..." job (app/ui/handout_export.*), without a window: where the files
// go, and a failure that names the file and leaves no temporary session behind.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <string>

#include "session/session.h"
#include "support/skip.h"
#include "support/test_support.h"
#include "ui/handout_export.h"

using namespace fascia;
namespace fs = std::filesystem;

TEST_CASE("handout export: beside the saved session, else in the data folder under the client's label") {
  auto p = app::handout_paths("/home/t/sessions/Client_A.fascia", "Client A", "/data/fascia");
  CHECK(p.pdf == "/home/t/sessions/Client_A.pdf");
  CHECK(p.png == "/home/t/sessions/Client_A.png");
  p = app::handout_paths("", "Ann / B.", "/data/fascia");
  CHECK(p.pdf == "/data/fascia/handouts/Ann___B_.pdf");
  CHECK(p.png == "/data/fascia/handouts/Ann___B_.png");
  p = app::handout_paths("", "", "/data/fascia");
  CHECK(p.pdf == "/data/fascia/handouts/session.pdf");
}

// Counts this process's temporary sessions for the child (fascia-handout-PID-N.fascia).
static int temporary_sessions() {
  int n = 0;
  const std::string mine = "fascia-handout-" + std::to_string(getpid()) + "-";
  for (const auto& f : fs::directory_iterator(fs::temp_directory_path()))
    if (f.path().filename().string().rfind(mine, 0) == 0) ++n;
  return n;
}

TEST_CASE("handout export: a file that cannot be written fails the job, naming the file") {
  FASCIA_SKIP_UNLESS_APP();
#ifdef FASCIA_EXE
  const fs::path dir = test::output_dir() / "handout_export";
  fs::remove_all(dir);
  fs::create_directories(dir / "taken.pdf");  // a folder where the PDF should go
  app::HandoutExport h;
  const app::HandoutPaths paths{dir / "taken.pdf", dir / "taken.png"};
  REQUIRE(app::start_handout_export(h, session::default_session(), paths, FASCIA_EXE, nullptr));
  CHECK(h.running());
  CHECK(app::handout_message(h).rfind("Writing the handout to ", 0) == 0);
  // One at a time: a second start while it runs is refused.
  CHECK_FALSE(app::start_handout_export(h, session::default_session(), paths, FASCIA_EXE, nullptr));
  CHECK(h.error == "a handout is already being written");
  app::wait_handout_export(h);
  CHECK_FALSE(h.running());
  CHECK_FALSE(h.written);
  INFO(h.error);
  CHECK(h.error.find((dir / "taken.pdf").string()) != std::string::npos);
  const std::string msg = app::handout_message(h);
  CHECK(msg.rfind("Handout not written: ", 0) == 0);
  CHECK_FALSE(fs::exists(dir / "taken.png"));
  CHECK(temporary_sessions() == 0);

  // A program that cannot be started says so.
  REQUIRE(app::start_handout_export(h, session::default_session(), {dir / "a.pdf", dir / "a.png"},
                                    dir / "no-such-fascia", nullptr));
  app::wait_handout_export(h);
  CHECK_FALSE(h.written);
  CHECK(h.error.find("no-such-fascia") != std::string::npos);
  CHECK(temporary_sessions() == 0);
#endif
}

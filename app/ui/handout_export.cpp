#include "ui/handout_export.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "session/session_file.h"
#include "session/user_files.h"
#include "ui/session_camera.h"
#include "ui/window_state.h"

extern char** environ;

namespace fascia::app {
namespace fs = std::filesystem;
namespace {

// The child's last line that says what went wrong ("fascia: FILE: problem"), without the prefix.
std::string failure_of(const std::string& output, int status) {
  std::string last;
  size_t from = 0;
  while (from < output.size()) {
    size_t end = output.find('\n', from);
    if (end == std::string::npos) end = output.size();
    std::string line = output.substr(from, end - from);
    if (line.rfind("fascia: ", 0) == 0 && line.rfind("fascia: wrote ", 0) != 0) last = line.substr(8);
    from = end + 1;
  }
  if (!last.empty()) return last;
  if (WIFSIGNALED(status))
    return "the handout renderer stopped (signal " + std::to_string(WTERMSIG(status)) + ")";
  return "the handout renderer failed (status " + std::to_string(WEXITSTATUS(status)) + ")";
}

// Runs `argv` with its output into a pipe; returns what it printed and its wait status.
HandoutJobResult run_child(std::vector<std::string> args, const fs::path& session_tmp,
                           const HandoutPaths& p) {
  HandoutJobResult r;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    r.error = std::string("cannot make a pipe: ") + std::strerror(errno);
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  std::string output;
  if (rc == 0) {
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      output.append(buf, size_t(n));
    }
  }
  close(fds[0]);
  std::error_code ec;
  if (rc != 0) {
    fs::remove(session_tmp, ec);
    r.error = std::string("cannot start ") + args[0] + ": " + std::strerror(rc);
    return r;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  fs::remove(session_tmp, ec);
  r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && fs::exists(p.pdf, ec) && fs::exists(p.png, ec);
  if (!r.ok) r.error = failure_of(output, status);
  return r;
}

// The client label as a file name: letters, digits, '-' and '_' kept, the rest as '_'.
std::string label_stem(const std::string& label) {
  std::string s;
  for (char c : label) s += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return s.empty() ? "session" : s;
}

}  // namespace

HandoutPaths handout_paths(const fs::path& session_file, const std::string& client_label,
                           const fs::path& data_dir) {
  fs::path base = !session_file.empty() ? fs::path(session_file).replace_extension()
                                        : data_dir / "handouts" / label_stem(client_label);
  return {fs::path(base).concat(".pdf"), fs::path(base).concat(".png")};
}

bool start_handout_export(HandoutExport& h, const session::Session& s, const HandoutPaths& paths,
                          const fs::path& fascia_exe, void (*on_done)()) {
  if (h.running()) {
    h.error = "a handout is already being written";
    return false;
  }
  h.paths = paths;
  h.written = false;
  h.error.clear();
  std::error_code ec;
  fs::create_directories(paths.pdf.parent_path(), ec);
  if (ec) {
    h.error = paths.pdf.parent_path().string() + ": cannot make the folder: " + ec.message();
    return false;
  }
  // The session as the window has it, for the child to read (removed when it is done).
  static std::atomic<int> counter{0};
  fs::path tmp = fs::temp_directory_path(ec) /
                 ("fascia-handout-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".fascia");
  if (Status st = session::save_session(tmp, s); !st) {
    h.error = st.error().message;
    return false;
  }
  std::vector<std::string> args = {fascia_exe.string(), "handout", "--session",       tmp.string(), "-o",
                                   paths.pdf.string(),  "--png",   paths.png.string()};
  h.job = std::async(std::launch::async, [args, tmp, paths, on_done] {
    HandoutJobResult r = run_child(args, tmp, paths);
    if (on_done) on_done();
    return r;
  });
  return true;
}

bool poll_handout_export(HandoutExport& h) {
  if (!h.job.valid() || h.job.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  HandoutJobResult r = h.job.get();
  h.written = r.ok;
  h.error = r.error;
  return true;
}

void wait_handout_export(HandoutExport& h) {
  if (h.job.valid()) h.job.wait();
  poll_handout_export(h);
}

std::string handout_message(const HandoutExport& h) {
  if (h.running()) return "Writing the handout to " + h.paths.pdf.string() + " ...";
  if (h.written)  // the names first: a long folder wraps below them
    return "Handout written: " + h.paths.pdf.filename().string() + " and " + h.paths.png.filename().string() +
           " in " + h.paths.pdf.parent_path().string();
  if (!h.error.empty()) {
    // The error names the file where it can; say which export it was either way.
    const std::string& pdf = h.paths.pdf.string();
    return "Handout not written: " + h.error +
           (pdf.empty() || h.error.find(pdf) != std::string::npos ? "" : " (" + pdf + ")");
  }
  return {};
}

void draw_export_handout_button(WindowState& st) {
  HandoutExport& h = st.handout;
  ImGui::BeginDisabled(h.running());
  bool press = ImGui::Button("Export handout...");
  ImGui::EndDisabled();
  // A script's press while an export runs is taken, as a click on the greyed button would be.
  if (st.live.pressed.erase("export-handout") && !h.running()) press = true;
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("The client's one-page handout (PDF and PNG), beside the saved session");
  if (!press) return;
  const session::Session s = with_window_camera(st.live.history.current(), st.view.camera);
  const HandoutPaths paths = handout_paths(st.session_menu.doc.path, s.client_label, session::data_dir());
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    h.error = std::string("cannot find the fascia program: ") + ec.message();
    h.paths = paths;
  } else {
    start_handout_export(h, s, paths, exe, [] { glfwPostEmptyEvent(); });
  }
  st.session_menu.message = handout_message(h);
}

bool poll_window_handout(WindowState& st) {
  if (!poll_handout_export(st.handout)) return false;
  st.session_menu.message = handout_message(st.handout);
  std::fprintf(stderr, "fascia: %s\n", st.session_menu.message.c_str());
  return true;
}

}  // namespace fascia::app

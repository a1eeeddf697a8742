#pragma once
// One route for every warning and error the engine reports (as MuJoCo's mju_user_warning):
// the app prints them, tests install a handler that turns them into failures.
#include <functional>
#include <string_view>

namespace fascia {

enum class LogLevel { Debug, Info, Warning, Error };

using LogHandler = std::function<void(LogLevel, std::string_view)>;

// Installs `handler` and returns the previous one. An empty handler restores the default (stderr).
LogHandler set_log_handler(LogHandler handler);

void log(LogLevel level, std::string_view message);
inline void log_info(std::string_view m) {
  log(LogLevel::Info, m);
}
inline void log_warning(std::string_view m) {
  log(LogLevel::Warning, m);
}
inline void log_error(std::string_view m) {
  log(LogLevel::Error, m);
}

// Messages at or above this level reach the handler; Info by default, Warning with FASCIA_QUIET=1.
void set_log_threshold(LogLevel level);

}  // namespace fascia

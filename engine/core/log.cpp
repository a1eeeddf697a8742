#include "core/log.h"

#include <cstdio>
#include <mutex>

#include "core/printable.h"

namespace fascia {
namespace {

std::mutex g_mutex;
LogHandler g_handler;
LogLevel g_threshold = LogLevel::Info;

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::Debug:
      return "debug";
    case LogLevel::Info:
      return "info";
    case LogLevel::Warning:
      return "warning";
    case LogLevel::Error:
      return "error";
  }
  return "?";
}

}  // namespace

LogHandler set_log_handler(LogHandler handler) {
  std::lock_guard lock(g_mutex);
  std::swap(g_handler, handler);
  return handler;
}

void set_log_threshold(LogLevel level) {
  std::lock_guard lock(g_mutex);
  g_threshold = level;
}

void log(LogLevel level, std::string_view message) {
  LogHandler handler;
  {
    std::lock_guard lock(g_mutex);
    if (level < g_threshold) return;
    handler = g_handler;
  }
  if (handler) {
    handler(level, message);
    return;
  }
  const std::string safe = printable(message);
  std::fprintf(stderr, "fascia: %s: %s\n", level_name(level), safe.c_str());
}

}  // namespace fascia

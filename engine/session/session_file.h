#pragma once
// `.fascia` session files: a Session as documented JSON (docs/session-format.md). Reading goes
// through JsonCursor and the reducer, so a file is held to the same ranges as the window and every
// error names the file, the JSON path and the problem; files of a newer version are refused.
// Writing is atomic (temporary file, fsync, rename): a kill at any moment leaves the last good file.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/result.h"
#include "session/session.h"

namespace fascia::session {

inline constexpr std::string_view kSessionFormat = "fascia-session";
inline constexpr size_t kMaxSessionFileBytes = 16u << 20;

Json session_to_json(const Session& s);
std::string session_to_text(const Session& s);  // indented JSON with a final newline

// `source` names the file in errors.
Result<Session> session_from_json(const Json& j, const std::string& source);
Result<Session> parse_session(std::string_view text, const std::string& source);

Result<Session> load_session(const std::filesystem::path& path);
Status save_session(const std::filesystem::path& path, const Session& s);

}  // namespace fascia::session

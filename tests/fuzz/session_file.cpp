// A `.fascia` session file: parse it; whatever opens must save and open again as the same session
// (what the window's autosave relies on), and whatever does not must say why, naming the file.
#include <string>

#include "fuzz/targets.h"
#include "session/session_file.h"

namespace fascia::fuzz {

void session_file(const uint8_t* data, size_t size) {
  const std::string source = "fuzz.fascia";
  auto s = session::parse_session(std::string_view(reinterpret_cast<const char*>(data), size), source);
  if (!s) {
    FASCIA_FUZZ_CHECK(s.error().message.starts_with(source + ":"), s.error().message);
    FASCIA_FUZZ_CHECK(s.error().exit_status() == 2, s.error().message);
    return;
  }
  auto again = session::parse_session(session::session_to_text(*s), source);
  FASCIA_FUZZ_CHECK(again.ok(), again.ok() ? "" : again.error().message);
  FASCIA_FUZZ_CHECK(*again == *s, "a session survives a save and an open unchanged");
}

}  // namespace fascia::fuzz

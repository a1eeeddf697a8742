#pragma once
// Text made safe for a terminal: bytes that are not valid UTF-8, and control characters other than
// newline and tab, are written as \xNN, so a message quoting a hostile file (a name, a byte the
// JSON parser "last read") cannot garble the screen or inject escape sequences.
#include <string>
#include <string_view>

namespace fascia {

std::string printable(std::string_view text);

}  // namespace fascia

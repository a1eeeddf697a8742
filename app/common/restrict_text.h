#pragma once
// The command line's `--restrict TARGET=STIFFNESS_X[,SHORTEN_PCT]` as a session restriction, and a
// list of them as a session, so the still path feeds the simulation through the same typed inputs as
// the window (no option strings reach the simulation).
#include <string>
#include <vector>

#include "core/result.h"
#include "session/session.h"

namespace fascia::app {

Result<session::Restriction> parse_restriction_text(const std::string& text);

// The default session with these restrictions applied through the reducer (ranges checked there).
Result<session::Session> session_with_restrictions(const std::vector<std::string>& texts);

}  // namespace fascia::app

#pragma once
// `fascia handout`: a session as a one-page client handout, PDF and/or PNG, with before and after
// stills rendered headlessly (tension colours on one scale), written atomically.
#include <filesystem>

#include "core/result.h"
#include "session/session.h"

namespace fascia::app {

struct HandoutOptions {
  std::filesystem::path pdf;  // empty = none
  std::filesystem::path png;  // empty = none
};

Status write_handout(const session::Session& s, const HandoutOptions& o);

}  // namespace fascia::app

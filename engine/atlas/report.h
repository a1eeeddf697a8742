#pragma once
// `fascia atlas [--json]`: every line, side, station, track and evidence grade, as text for people
// and as JSON for tools. The JSON is a contract (docs/atlas-format.md): scenarios and sessions refer
// to its line ids ("sbl.l"), station ids ("sbl.l/calcaneus") and track ids ("biceps_femoris.l").
#include <string>

#include "atlas/atlas.h"
#include "core/json.h"

namespace fascia::atlas {

inline constexpr const char* kAtlasJsonFormat = "fascia-atlas/1";

std::string atlas_text(const Atlas& atlas);
Json atlas_json(const Atlas& atlas);

}  // namespace fascia::atlas

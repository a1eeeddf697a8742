#pragma once
// `fascia atlas [--json]`: every line, side, station, track and evidence grade, as text for people
// and as JSON for tools. The JSON is a contract (docs/atlas-format.md): scenarios and sessions refer
// to its line ids ("sbl.l"), station ids ("sbl.l/calcaneus") and track ids ("biceps_femoris.l").
#include <string>

#include "atlas/atlas.h"
#include "atlas/resolve.h"
#include "core/json.h"

namespace fascia::atlas {

inline constexpr const char* kAtlasJsonFormat = "fascia-atlas/1";

std::string atlas_text(const Atlas& atlas);
Json atlas_json(const Atlas& atlas);

// The atlas on a body: stations and track polylines with joints and local offsets (metres), and the
// evidence of each transition; the same ids as atlas_json.
Json resolved_json(const ResolvedAtlas& resolved);

}  // namespace fascia::atlas

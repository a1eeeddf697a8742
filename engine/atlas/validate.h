#pragma once
// The checks that span parts of the atlas: ids unique, tracks joining the stations of their steps,
// lines that connect, crossings that change side, one transition with evidence at every junction.
#include "atlas/atlas.h"

namespace fascia::atlas {

Status validate(Atlas& atlas);  // also derives Step::side

// True when every landmark of the point is a midline one (no side suffix).
bool is_midline(const Point& p);

}  // namespace fascia::atlas

#pragma once
// Names for people: the atlas's own track, line and point names with the side spelled out
// ("Gastrocnemius (left), Superficial Back Line"), for the restriction list, the popup and the trace.
// Falls back to the id made readable when the atlas has no name for it.
#include <string>

#include "common/app_model.h"

namespace fascia::app {

// "sbl.l" -> "Superficial Back Line (left)".
std::string line_full_name(const AppModel& model, const std::string& line_side_id);
// A track ("sbl.gastrocnemius.l", "biceps_femoris.l"), a station ("sbl.l/calcaneus"), a tissue with
// its side ("gastrocnemius.l"), a line side, or a body part: whatever a target or pick can be.
std::string full_name(const AppModel& model, const std::string& id);

}  // namespace fascia::app

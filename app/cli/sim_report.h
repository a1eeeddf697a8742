#pragma once
// How `fascia sim`, `fascia trace` and `fascia rom` write their reports: JSON with units in the keys
// and a "units" table (docs/sim-json.md), and a short text summary made from that JSON.
#include <string>

#include "core/json.h"
#include "sim/commands.h"

namespace fascia::app {

// Every report says what the numbers are.
inline constexpr const char* kSimReportNote =
    "illustrative, evidence-graded model, not a clinical measurement";

Json sim_json(const sim::Model& m, const sim::SimOptions& o, const sim::SimReport& r);
Json trace_json(const sim::Model& m, const sim::TraceOptions& o, const sim::TraceReport& r);
Json rom_json(const sim::Model& m, const sim::RomOptions& o, const sim::RomReport& r);

std::string sim_text(const Json& j);
std::string trace_text(const Json& j);
std::string rom_text(const Json& j);

}  // namespace fascia::app

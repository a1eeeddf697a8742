#pragma once
// Reading a scenario file. Every error names the file, the JSON path and the problem
// ("tour.json: at $.tracks[2].keys[1].t: times must increase; 3 follows 4"). Ids are checked
// against the body and the simulation afterwards, by `bind` (bind.h).
#include <filesystem>
#include <string>

#include "core/json.h"
#include "core/result.h"
#include "scenario/scenario.h"

namespace fascia::scenario {

Result<Scenario> parse_scenario(const Json& json, const std::string& file);
Result<Scenario> load_scenario(const std::filesystem::path& path);

}  // namespace fascia::scenario

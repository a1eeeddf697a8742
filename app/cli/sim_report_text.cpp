#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "cli/sim_report.h"

namespace fascia::app {

std::string sim_text(const Json& j) {
  std::string s =
      "fascia sim (" + j["note"].get<std::string>() + ")\npose " + j["pose"].get<std::string>() + "\n";
  std::vector<std::pair<double, std::string>> changes;
  for (const auto& t : j["tracks"]) {
    changes.push_back({t["change_N"].get<double>(),
                       t["name"].get<std::string>() + "  [" + t["id"].get<std::string>() + "]"});
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](auto& a, auto& b) { return std::abs(a.first) > std::abs(b.first); });
  s += "largest changes of mean track tension:\n";
  char buf[160];
  for (size_t i = 0; i < std::min<size_t>(12, changes.size()); ++i) {
    std::snprintf(buf, sizeof buf, "  %-72s %+9.3f N\n", changes[i].second.c_str(), changes[i].first);
    s += buf;
  }
  s += "joints:\n";
  for (const auto& h : j["joints"]) {
    std::snprintf(buf, sizeof buf, "  %-16s %8.3f deg (%+.3f)\n", h["id"].get<std::string>().c_str(),
                  h["angle_deg"].get<double>(), h["change_deg"].get<double>());
    s += buf;
  }
  return s;
}

std::string trace_text(const Json& j) {
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "fascia trace at %s (%s): load %.3f N\nrank  source                              N per 1%% "
                "shortening\n",
                j["at"].get<std::string>().c_str(), j["kind"].get<std::string>().c_str(),
                j["load_N"].get<double>());
  std::string s = buf;
  for (const auto& r : j["sources"]) {
    std::snprintf(buf, sizeof buf, "%4d  %-60s %+10.4f%s\n", r["rank"].get<int>(),
                  r["name"].get<std::string>().c_str(), r["dN_per_pct_shortening"].get<double>(),
                  r["local"].get<bool>() ? "  (local)" : "");
    s += buf;
  }
  return s;
}

std::string rom_text(const Json& j) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "fascia rom %s (%s): %.2f deg, rest %.2f deg, at %.2f N·m\n",
                j["joint"].get<std::string>().c_str(), j["motion"].get<std::string>().c_str(),
                j["rom_deg"].get<double>(), j["rest_deg"].get<double>(), j["torque_Nm"].get<double>());
  std::string s = buf;
  if (j.contains("change_deg")) {
    std::snprintf(buf, sizeof buf, "unrestricted %.2f deg, change %+.2f deg\n",
                  j["unrestricted_rom_deg"].get<double>(), j["change_deg"].get<double>());
    s += buf;
  }
  return s;
}

}  // namespace fascia::app

#include "common/tension.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "scene/colormap.h"
#include "sim/commands.h"

namespace fascia::app {
namespace {

// The simulation names tracks after their tissue ("gastrocnemius.l"); the atlas may prefix the line
// ("sbl.gastrocnemius.l") or name a group by its first tissue. Both are the same piece of tissue.
std::string sim_key(const atlas::ResolvedTrack& t) {
  std::string id = t.id;
  auto first_dot = id.find('.');
  auto last_dot = id.rfind('.');
  if (first_dot != last_dot) id = id.substr(first_dot + 1);  // drop "sbl."
  return id;
}

std::string side_of(const std::string& id) {
  auto dot = id.rfind('.');
  return dot == std::string::npos ? "" : id.substr(dot);
}

}  // namespace

Result<TensionColouring> colour_by_tension(const AppModel& model,
                                           const std::vector<std::string>& restrictions) {
  sim::SimOptions o;
  o.restrict = restrictions;
  auto j = sim::sim_command(sim::default_model(), o);
  if (!j) return j.error();
  std::map<std::string, double> change;
  for (const auto& t : (*j)["tracks"]) change[t["id"].get<std::string>()] = t["change_N"].get<double>();

  TensionColouring c;
  c.restrictions = restrictions;
  std::map<std::string, double> per_track;
  for (const auto& t : model.resolved.tracks) {
    // The simulation compiled from this atlas uses its track ids; the other keys cover a network
    // named by tissue.
    auto it = change.find(t.id);
    if (it == change.end()) it = change.find(sim_key(t));
    if (it == change.end() && !t.tissues.empty()) it = change.find(t.tissues.front() + side_of(t.id));
    if (it == change.end()) continue;
    double v = std::max(0.0, it->second);  // colour what the restriction loads
    per_track[t.id] = v;
    c.scale_N = std::max(c.scale_N, v);
  }
  if (c.scale_N <= 0) c.scale_N = 1;
  // A square-root scale, so the small remote changes (up the back to the neck) still read.
  for (const auto& [id, v] : per_track) c.track_value[id] = float(std::sqrt(v / c.scale_N));
  return c;
}

void draw_legend(const char* title, const std::string& lo, const std::string& mid, const std::string& hi,
                 float scale) {
  static constexpr const char* kNote = "Illustrative model, not a clinical measurement";
  ImGuiIO& io = ImGui::GetIO();
  const float w = std::max({300 * scale, ImGui::CalcTextSize(kNote).x, ImGui::CalcTextSize(title).x});
  const float h = 14 * scale, pad = 16 * scale;
  ImVec2 origin(io.DisplaySize.x - w - pad * 2, io.DisplaySize.y - 92 * scale);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(ImVec2(origin.x - pad * 0.6f, origin.y - 30 * scale),
                    ImVec2(origin.x + w + pad * 0.6f, origin.y + h + 40 * scale), IM_COL32(18, 20, 26, 215),
                    6 * scale);
  dl->AddText(ImVec2(origin.x, origin.y - 24 * scale), IM_COL32(235, 235, 235, 255), title);
  const int steps = 64;
  for (int i = 0; i < steps; ++i) {
    vec3 col = scene::linear_to_srgb(scene::viridis((i + 0.5f) / steps));
    float x0 = origin.x + w * i / steps, x1 = origin.x + w * (i + 1) / steps + 1;
    dl->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x1, origin.y + h),
                      IM_COL32(int(col.r * 255), int(col.g * 255), int(col.b * 255), 255));
  }
  float ty = origin.y + h + 4 * scale;
  const ImU32 text = IM_COL32(220, 220, 220, 255);
  dl->AddText(ImVec2(origin.x, ty), text, lo.c_str());
  dl->AddText(ImVec2(origin.x + w / 2 - ImGui::CalcTextSize(mid.c_str()).x / 2, ty), text, mid.c_str());
  dl->AddText(ImVec2(origin.x + w - ImGui::CalcTextSize(hi.c_str()).x, ty), text, hi.c_str());
  dl->AddText(ImVec2(origin.x, ty + 18 * scale), IM_COL32(160, 165, 175, 255), kNote);
}

void draw_tension_legend(const TensionColouring& c, float scale) {
  char mid[32], hi[32];
  std::snprintf(mid, sizeof mid, "%.1f", c.scale_N / 4);  // halfway along a square-root scale
  std::snprintf(hi, sizeof hi, "%.1f N", c.scale_N);
  draw_legend("Added tension, mean per track (square-root scale)", "0 N", mid, hi, scale);
}

std::map<std::string, float> colour_by_stretch(const std::map<std::string, float>& stretch,
                                               float max_stretch) {
  std::map<std::string, float> out;
  for (const auto& [id, s] : stretch) out[id] = std::clamp(s / max_stretch, 0.0f, 1.0f);
  return out;
}

}  // namespace fascia::app

#include "common/tension.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "scene/colormap.h"

namespace fascia::app {

float tension_value(double change_N, double max_change_N) {
  if (max_change_N <= 0 || change_N <= 0) return 0.0f;
  double db = 20.0 * std::log10(change_N / max_change_N);
  if (db < -kTensionRangeDb) return 0.0f;  // no change worth showing: stays dark
  return float(kTensionFloorValue + (1.0 - kTensionFloorValue) * (1.0 + db / kTensionRangeDb));
}

double max_added_tension(const sim::Model& m, const SimSnapshot& now, const SimSnapshot& base) {
  const size_t n = std::min(now.element_tension.size(), base.element_tension.size());
  double mx = 0;
  for (size_t e = 0; e < n; ++e)
    if (!m.element_link[e]) mx = std::max(mx, now.element_tension[e] - base.element_tension[e]);
  return mx;
}

TensionColouring colour_by_tension(const sim::Model& m, const SimSnapshot& now, const SimSnapshot& base) {
  TensionColouring c;
  const size_t n = std::min(now.element_tension.size(), base.element_tension.size());
  if (n == 0) return c;
  c.max_change_N = std::max(max_added_tension(m, now, base), now.reference_change_N);
  // Below a thousandth of a newton there is nothing to show (solver noise at rest).
  const bool any = c.max_change_N > 1e-3;
  for (int t = 0; t < m.ntrack; ++t) {
    std::vector<float> profile;
    profile.reserve(size_t(m.track_element_num[t]));
    for (int i = 0; i < m.track_element_num[t]; ++i) {
      int e = m.track_element[m.track_element_adr[t] + i];
      if (size_t(e) >= n || m.element_link[e]) continue;
      profile.push_back(any ? tension_value(now.element_tension[e] - base.element_tension[e], c.max_change_N)
                            : 0.0f);
    }
    if (!profile.empty()) c.track_profile[m.track_name[t]] = std::move(profile);
  }
  return c;
}

namespace {
LegendPlace g_legend;
}  // namespace

const LegendPlace& last_legend_place() {
  return g_legend;
}

float legend_top(float height, float scale) {
  return height - 122 * scale;
}

void draw_legend(const char* title, const std::string& lo, const std::string& mid, const std::string& hi,
                 float scale, float bar_lo) {
  static constexpr const char* kNote = "Illustrative model, not a clinical measurement";
  ImGuiIO& io = ImGui::GetIO();
  const float w = std::max({300 * scale, ImGui::CalcTextSize(kNote).x, ImGui::CalcTextSize(title).x});
  const float h = 14 * scale, pad = 16 * scale;
  ImVec2 origin(io.DisplaySize.x - w - pad * 2, io.DisplaySize.y - 92 * scale);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  g_legend = {origin.x - pad * 0.6f, legend_top(io.DisplaySize.y, scale), origin.x + w + pad * 0.6f,
              origin.y + h + 40 * scale, ImGui::GetFrameCount()};
  dl->AddRectFilled(ImVec2(g_legend.x0, g_legend.y0), ImVec2(g_legend.x1, g_legend.y1),
                    IM_COL32(18, 20, 26, 215), 6 * scale);
  dl->AddText(ImVec2(origin.x, origin.y - 24 * scale), IM_COL32(235, 235, 235, 255), title);
  const int steps = 64;
  for (int i = 0; i < steps; ++i) {
    // The window and stills draw the UI into an sRGB image that encodes what ImGui writes, so the bar
    // is given the same linear colours as the lines to look the same.
    vec3 col = scene::viridis(float(bar_lo + (1 - bar_lo) * (i + 0.5f) / steps));
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
  char lo[32], mid[32], hi[48];
  std::snprintf(lo, sizeof lo, "-%.0f dB", kTensionRangeDb);
  std::snprintf(mid, sizeof mid, "-%.0f dB", kTensionRangeDb / 2);
  std::snprintf(hi, sizeof hi, "0 dB = +%.2f N", c.max_change_N);
  draw_legend("Added tension per element, dB below the largest change (dark: none)", lo, mid, hi, scale,
              float(kTensionFloorValue));
}

std::map<std::string, float> colour_by_stretch(const std::map<std::string, float>& stretch,
                                               float max_stretch) {
  std::map<std::string, float> out;
  for (const auto& [id, s] : stretch) out[id] = std::clamp(s / max_stretch, 0.0f, 1.0f);
  return out;
}

}  // namespace fascia::app

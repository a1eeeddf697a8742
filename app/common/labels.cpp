#include "common/labels.h"

#include <imgui.h>

namespace fascia::app {

std::string pretty_name(const std::string& id) {
  std::string s = id;
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

std::vector<PlacedLabel> place_labels(const std::vector<Label>& labels, const scene::Camera& camera,
                                      vec2 viewport, float text_height,
                                      float (*text_width)(const std::string&)) {
  mat4 vp = camera.projection(viewport.x / viewport.y) * camera.view();
  std::vector<PlacedLabel> placed;
  auto overlaps = [&](vec2 a0, vec2 a1) {
    for (const auto& p : placed)
      if (a0.x < p.max.x && a1.x > p.min.x && a0.y < p.max.y && a1.y > p.min.y) return true;
    return false;
  };
  const vec2 offsets[] = {{1, -1}, {1, 1}, {-1, -1}, {-1, 1}, {1, 0}, {-1, 0}, {0, -1.5f}, {0, 1.5f}};
  for (const auto& l : labels) {
    vec4 clip = vp * vec4(l.anchor, 1.0f);
    if (clip.w <= 0) continue;
    vec2 ndc = vec2(clip) / clip.w;
    vec2 px = (ndc * 0.5f + 0.5f) * viewport;
    if (px.x < 0 || px.y < 0 || px.x > viewport.x || px.y > viewport.y) continue;
    vec2 size(text_width(l.text) + text_height * 0.6f, text_height * 1.3f);
    bool done = false;
    for (float reach : {1.0f, 2.2f, 3.6f}) {
      for (vec2 o : offsets) {
        vec2 centre = px + o * (size * 0.5f + vec2(text_height * 0.8f)) * reach;
        vec2 a0 = centre - size * 0.5f, a1 = centre + size * 0.5f;
        if (a0.x < 0 || a0.y < 0 || a1.x > viewport.x || a1.y > viewport.y || overlaps(a0, a1)) continue;
        placed.push_back({l.text, px, a0, a1});
        done = true;
        break;
      }
      if (done) break;
    }
  }
  return placed;
}

void draw_labels(const std::vector<PlacedLabel>& labels, float scale) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  for (const auto& l : labels) {
    vec2 c = (l.min + l.max) * 0.5f;
    vec2 edge(glm::clamp(l.anchor.x, l.min.x, l.max.x), glm::clamp(l.anchor.y, l.min.y, l.max.y));
    dl->AddLine(ImVec2(l.anchor.x, l.anchor.y), ImVec2(edge.x, edge.y), IM_COL32(240, 240, 235, 200),
                1.2f * scale);
    dl->AddCircleFilled(ImVec2(l.anchor.x, l.anchor.y), 2.5f * scale, IM_COL32(255, 255, 250, 255));
    dl->AddRectFilled(ImVec2(l.min.x, l.min.y), ImVec2(l.max.x, l.max.y), IM_COL32(16, 18, 24, 200),
                      4 * scale);
    ImVec2 ts = ImGui::CalcTextSize(l.text.c_str());
    dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(245, 245, 240, 255), l.text.c_str());
  }
}

}  // namespace fascia::app

#include "capture/scenario_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui.h>

#include "common/labels.h"
#include "scene/body_scene.h"

namespace fascia::app {

scenario::Catalog scenario_catalog(const AppModel& model) {
  scenario::Catalog c;
  for (const auto& st : model.resolved.stations)
    for (const auto& g : model.lines.stations)
      if (g.id == st.id) {
        std::array<float, 3> p{g.position.x, g.position.y, g.position.z};
        c.places[g.id] = p;
        if (!st.landmark.empty()) c.places.emplace(st.landmark, p);
        break;
      }
  for (const auto& t : model.lines.tracks) {
    if (t.path.empty()) continue;
    vec3 mid = t.path[t.path.size() / 2];
    c.places.emplace(t.id, std::array<float, 3>{mid.x, mid.y, mid.z});
  }
  scene::Camera whole = scene::body_camera(model.body.params.height, 0);
  c.body_target = {whole.target.x, whole.target.y, whole.target.z};
  c.body_distance_m = whole.distance;
  c.body_fov_deg = whole.fov_y_deg;
  for (const auto& m : model.movements) c.movements[m.name] = m.duration();
  return c;
}

std::map<std::string, float> tension_track_values(const AppModel& model,
                                                  const std::map<std::string, double>& change,
                                                  double scale_n) {
  // The simulation may name a track as the atlas does ("sbl.gastrocnemius.l") or by its tissue.
  auto side_of = [](const std::string& id) {
    auto dot = id.rfind('.');
    return dot == std::string::npos ? std::string() : id.substr(dot);
  };
  std::map<std::string, float> out;
  for (const auto& t : model.resolved.tracks) {
    auto it = change.find(t.id);
    if (it == change.end() && std::count(t.id.begin(), t.id.end(), '.') > 1)
      it = change.find(t.id.substr(t.id.find('.') + 1));
    if (it == change.end() && !t.tissues.empty()) it = change.find(t.tissues.front() + side_of(t.id));
    if (it == change.end()) continue;
    out[t.id] = float(std::sqrt(std::clamp(it->second / scale_n, 0.0, 1.0)));
  }
  return out;
}

ViewState moment_view(const AppModel& model, const scenario::Moment& moment, double time_s,
                      bool transparent) {
  const session::Session& s = moment.session;
  ViewState v;
  v.camera = scene::body_camera(model.body.params.height, s.camera.yaw_deg);
  v.camera.pitch_deg = s.camera.pitch_deg;
  v.camera.fov_y_deg = s.camera.fov_deg;
  if (s.camera.distance_m > 0) {
    v.camera.distance = s.camera.distance_m;
    v.camera.target = vec3(s.camera.target[0], s.camera.target[1], s.camera.target[2]);
  } else {
    v.camera.distance *=
        std::tan(glm::radians(30.0f) * 0.5f) / std::tan(glm::radians(s.camera.fov_deg) * 0.5f);
  }
  v.camera.near_plane = std::min(v.camera.near_plane, v.camera.distance * 0.05f);
  auto layer = [](float opacity) {
    return scene::LayerStyle{opacity > 0.01f, std::clamp(opacity, 0.0f, 1.0f)};
  };
  v.body.skin = layer(s.layers.skin);
  v.body.muscle = layer(s.layers.muscle);
  v.body.bone = layer(s.layers.bone);
  // A session's empty list shows no line; the scene's shows all.
  if (s.visibility.lines.empty()) {
    v.lines.lines = {"(none)"};
  } else {
    for (const auto& l : s.visibility.lines) {
      bool sided = l.ends_with(".l") || l.ends_with(".r");
      if (sided || s.visibility.side == session::Side::Both)
        v.lines.lines.push_back(l);
      else
        v.lines.lines.push_back(l + (s.visibility.side == session::Side::Left ? ".l" : ".r"));
    }
  }
  v.lines.reveal = moment.presentation.reveal;
  v.lines.highlight = moment.presentation.highlight;
  v.transparent_background = transparent;
  v.time_seconds = float(time_s);
  return v;
}

void draw_presentation(const scenario::Presentation& p, const scene::Camera& camera, VkExtent2D size,
                       float scale, float right_margin) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImFont* font = ImGui::GetFont();
  const float w = float(size.width), h = float(size.height);
  auto alpha = [](float a, int max) { return int(std::clamp(a, 0.0f, 1.0f) * max); };

  if (!p.labels.empty()) {
    std::vector<Label> labels;
    for (const auto& l : p.labels)
      labels.push_back({l.text, vec3(l.position[0], l.position[1], l.position[2])});
    auto width = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
    draw_labels(place_labels(labels, camera, vec2(w, h), ImGui::GetTextLineHeight(), +width), scale);
  }
  float caption_y = h - 48 * scale;  // bottom line; more captions stack upwards
  for (auto it = p.captions.rbegin(); it != p.captions.rend(); ++it) {
    const auto& c = *it;
    const float size_px = font->FontSize * (c.title ? 2.6f : 1.5f);
    const float room = c.title ? w : w - right_margin;  // captions sit centred left of a legend
    const float wrap = c.title ? w * 0.4f : room * 0.85f - 24 * scale;
    ImVec2 text = font->CalcTextSizeA(size_px, FLT_MAX, wrap, c.text.c_str());
    // Titles sit top left, clear of a body standing in the middle of the frame.
    ImVec2 at = c.title ? ImVec2(56 * scale, 48 * scale) : ImVec2((room - text.x) / 2, caption_y - text.y);
    const float pad = 12 * scale;
    if (!c.title) {
      dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad * 0.6f),
                        ImVec2(at.x + text.x + pad, at.y + text.y + pad * 0.6f),
                        IM_COL32(12, 14, 18, alpha(c.opacity, 190)), 6 * scale);
      caption_y = at.y - pad * 1.6f;
    } else {
      dl->AddText(font, size_px, ImVec2(at.x + 2 * scale, at.y + 2 * scale),
                  IM_COL32(0, 0, 0, alpha(c.opacity, 160)), c.text.c_str(), nullptr, wrap);
    }
    dl->AddText(font, size_px, at, IM_COL32(245, 245, 240, alpha(c.opacity, 255)), c.text.c_str(), nullptr,
                wrap);
  }
}

}  // namespace fascia::app

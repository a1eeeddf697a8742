#include "ui/present_mode.h"

#include <algorithm>
#include <cstdio>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "common/names.h"
#include "common/ui_layer.h"
#include "scene/colormap.h"
#include "session/treatments.h"

namespace fascia::app {
namespace {

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The large font when the atlas has one, else the default one (scaled).
ImFont* large_font() {
  ImGuiIO& io = ImGui::GetIO();
  return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : ImGui::GetFont();
}

void text(ImDrawList* dl, float px, ImVec2 at, ImU32 colour, const std::string& s) {
  dl->AddText(large_font(), px, at, colour, s.c_str());
}

ImVec2 text_size(float px, const std::string& s) {
  ImFont* f = large_font();
  return f->CalcTextSizeA(px, 1e9f, 0, s.c_str());
}

// The legend in plain words: what the colours mean, from none to the most, in newtons.
void present_legend(const WindowState& st, float px) {
  const bool tension = !st.view.lines.track_profile.empty();
  if (!tension) return;
  ImGuiIO& io = ImGui::GetIO();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float small = px * 0.55f, pad = px * 0.4f;
  const std::string title = "Colour: how much more the tissue is pulled than at rest";
  const std::string note = "An illustrative model, not a clinical measurement";
  char most[64];
  std::snprintf(most, sizeof most, "most: %.1f newtons more", st.live.tension.max_change_N);
  const float w = std::max({text_size(small, title).x, text_size(small * 0.8f, note).x, px * 10});
  const float bar_h = px * 0.45f;
  ImVec2 o(io.DisplaySize.x - w - pad * 2, io.DisplaySize.y - pad * 2 - small * 3.2f - bar_h);
  dl->AddRectFilled(ImVec2(o.x - pad, o.y - pad), ImVec2(io.DisplaySize.x - pad, io.DisplaySize.y - pad),
                    IM_COL32(18, 20, 26, 220), pad * 0.5f);
  text(dl, small, o, IM_COL32(240, 240, 240, 255), title);
  const float by = o.y + small * 1.3f;
  for (int i = 0; i < 64; ++i) {
    vec3 c = scene::viridis((i + 0.5f) / 64);
    dl->AddRectFilled(ImVec2(o.x + w * i / 64, by), ImVec2(o.x + w * (i + 1) / 64 + 1, by + bar_h),
                      IM_COL32(int(c.r * 255), int(c.g * 255), int(c.b * 255), 255));
  }
  const float ty = by + bar_h + small * 0.2f;
  text(dl, small, ImVec2(o.x, ty), IM_COL32(225, 225, 225, 255), "a little");
  text(dl, small, ImVec2(o.x + w - text_size(small, most).x, ty), IM_COL32(225, 225, 225, 255), most);
  text(dl, small * 0.8f, ImVec2(o.x, ty + small * 1.2f), IM_COL32(170, 175, 185, 255), note);
}

}  // namespace

void set_present(GLFWwindow* w, WindowState& st, bool on) {
  PresentState& p = st.present;
  if (on == p.on) return;
  if (on) {
    glfwGetWindowPos(w, &p.x, &p.y);
    glfwGetWindowSize(w, &p.width, &p.height);
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
      const GLFWvidmode* mode = glfwGetVideoMode(monitor);
      if (mode) glfwSetWindowMonitor(w, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    }
    st.live.popup.open = false;
  } else {
    glfwSetWindowMonitor(w, nullptr, p.x, p.y, p.width, p.height, 0);
  }
  p.on = on;
  st.resized = true;
  st.redraw = std::max(st.redraw, 3);
}

bool present_key(GLFWwindow* w, WindowState& st, int key) {
  if (key == GLFW_KEY_F11) {
    set_present(w, st, !st.present.on);
    return true;
  }
  if (key == GLFW_KEY_ESCAPE && st.present.on) {
    set_present(w, st, false);
    return true;
  }
  return false;
}

std::string present_caption(const WindowState& st) {
  const session::Session& cur = st.live.history.current();
  const double now = st.live.snapshot.time;
  for (const auto& t : cur.treatments)
    if (!t.finished) {
      session::TreatmentProgress p = session::treatment_progress(t, now);
      char clock[48];
      std::snprintf(clock, sizeof clock, ": %d:%02d of %d:%02d", int(p.elapsed_s) / 60, int(p.elapsed_s) % 60,
                    int(t.duration_s) / 60, int(t.duration_s) % 60);
      return capitalised(std::string(session::treatment_name(t.kind))) + " of " +
             full_name(*st.model, t.target) + clock;
    }
  if (cur.restrictions.empty()) return "The body at rest";
  std::string s = "Restricted: ";
  for (size_t i = 0; i < cur.restrictions.size(); ++i)
    s += (i ? ", " : "") + full_name(*st.model, cur.restrictions[i].target);
  return s;
}

void draw_present_overlay(WindowState& st) {
  ImGuiIO& io = ImGui::GetIO();
  const float px = std::clamp(st.present.font_px, 16.0f, 160.0f);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  std::string caption = present_caption(st);
  ImVec2 size = text_size(px, caption);
  float scale = std::min(1.0f, (io.DisplaySize.x - px) / std::max(1.0f, size.x));  // fits the width
  ImVec2 at((io.DisplaySize.x - size.x * scale) / 2, px * 0.5f);
  dl->AddRectFilled(ImVec2(at.x - px * 0.4f, at.y - px * 0.2f),
                    ImVec2(at.x + size.x * scale + px * 0.4f, at.y + size.y * scale + px * 0.2f),
                    IM_COL32(18, 20, 26, 200), px * 0.2f);
  text(dl, px * scale, at, IM_COL32(245, 245, 245, 255), caption);
  present_legend(st, px);
}

}  // namespace fascia::app

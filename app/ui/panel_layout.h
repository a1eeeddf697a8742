#pragma once
// Where the window's standing panels go, so that none covers another at 1280x720 or larger (at
// 1280x720 the Treatment panel used to cover the control panel's restriction list):
//   left column:  the control panel (top), the Treatment panel (bottom); the control panel scrolls
//                 rather than run under the Treatment panel;
//   top row:      the Record button and the session bar, right of the control panel, left of Lines;
//   right column: the Lines panel (top), the posture and range panel above the legend (bottom).
// Panels are auto-sized, so each is placed from the others' sizes in the last frame they were drawn.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fascia::app {

// ImGui window names of the standing panels.
inline constexpr const char* kControlPanel = "Fascia Atlas";
inline constexpr const char* kTreatmentPanel = "Treatment";
inline constexpr const char* kRangePanel = "Posture and range";
inline constexpr const char* kLinesPanel = "Lines";
inline constexpr const char* kSessionBar = "##session_bar";
inline constexpr const char* kRecordPanel = "##record-take";

inline constexpr float kPanelGap = 12;

struct PanelRect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool intersects(const PanelRect& o) const {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
};

// A panel's place when it was last drawn (this frame if it has been drawn already, else the last).
std::optional<PanelRect> last_rect(const char* window_name);
// The panels drawn in the frame just finished, for the state file's "panels": control, treatment,
// range, lines, session, record and legend, each when it was drawn.
std::vector<std::pair<std::string, PanelRect>> drawn_panels();

// Before the control panel's Begin: it may grow down to the Treatment panel, not under it.
void place_control_panel();
// Before the Record panel's Begin: right of the control panel, at the top.
void place_record_panel(float scale);
// Before the session bar's Begin: right of the Record panel, at the top.
void place_session_bar();
// Before the posture and range panel's Begin: bottom right, above the legend.
void place_range_panel(float scale);

}  // namespace fascia::app

#pragma once
// Clicks and hovering share the renderer's one pick a frame. A click is asked at once; a hover
// only after the cursor has rested a moment, since each pick draws the scene's geometry again
// (on a software rasteriser that is most of a frame).
#include <cstdint>
#include <optional>

#include "core/math.h"

namespace fascia::app {

class PickScheduler {
 public:
  static constexpr double kRestSeconds = 0.08;

  // `can_hover` is false over the panel or while dragging the camera: nothing is hovered then.
  void cursor_moved(vec2 at, double now, bool can_hover);
  void clicked(vec2 at) { click_ = at; }

  // The pixel to pick this frame, if any; at most one pick is in flight.
  std::optional<vec2> next(double now);
  // The id the last pick found: returned when it answers a click; a hover updates hovered().
  std::optional<uint32_t> arrived(uint32_t id);

  uint32_t hovered() const { return hovered_; }

 private:
  enum class Purpose { Click, Hover };
  std::optional<vec2> click_, hover_at_;
  double hover_due_ = 0;
  std::optional<Purpose> in_flight_;
  uint32_t hovered_ = 0;
};

}  // namespace fascia::app

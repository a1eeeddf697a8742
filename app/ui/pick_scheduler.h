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

  // `can_hover` is false over a panel or while dragging the camera: nothing is hovered then.
  void cursor_moved(vec2 at, double now, bool can_hover);
  // The cursor left the window: nothing is hovered until it comes back.
  void cursor_left();
  // The view moved under a still cursor (a camera fly, a preset, a pose): what is under it may have
  // changed, so it is picked again once the view rests.
  void view_moved(double now);
  void clicked(vec2 at) { click_ = at; }

  // Whether a pick is waiting to be asked this frame; does not take it (the frame loop asks this to
  // decide whether to draw, then takes the pick with next()).
  bool due(double now) const;
  // Whether a pick waits to be asked, due now or once the cursor has rested.
  bool pending() const { return click_.has_value() || hover_at_.has_value(); }
  // The pixel to pick this frame, if any, taken; at most one pick is in flight.
  std::optional<vec2> next(double now);
  // The id the last pick found: returned when it answers a click; a hover updates hovered().
  std::optional<uint32_t> arrived(uint32_t id);

  uint32_t hovered() const { return hovered_; }

 private:
  enum class Purpose { Click, Hover };
  std::optional<vec2> click_, hover_at_;
  std::optional<vec2> cursor_;  // where the cursor rests over the view, for view_moved()
  double hover_due_ = 0;
  std::optional<Purpose> in_flight_;
  uint32_t hovered_ = 0;
};

}  // namespace fascia::app

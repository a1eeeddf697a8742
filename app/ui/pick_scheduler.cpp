#include "ui/pick_scheduler.h"

namespace fascia::app {

void PickScheduler::cursor_moved(vec2 at, double now, bool can_hover) {
  if (!can_hover) {
    hover_at_.reset();
    hovered_ = 0;
    return;
  }
  hover_at_ = at;
  hover_due_ = now + kRestSeconds;
}

std::optional<vec2> PickScheduler::next(double now) {
  if (in_flight_) return std::nullopt;
  if (click_) {
    in_flight_ = Purpose::Click;
    vec2 at = *click_;
    click_.reset();
    return at;
  }
  if (hover_at_ && now >= hover_due_) {
    in_flight_ = Purpose::Hover;
    vec2 at = *hover_at_;
    hover_at_.reset();
    return at;
  }
  return std::nullopt;
}

std::optional<uint32_t> PickScheduler::arrived(uint32_t id) {
  if (!in_flight_) return std::nullopt;
  Purpose p = *in_flight_;
  in_flight_.reset();
  if (p == Purpose::Click) return id;
  hovered_ = id;
  return std::nullopt;
}

}  // namespace fascia::app

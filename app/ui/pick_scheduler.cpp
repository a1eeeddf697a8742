#include "ui/pick_scheduler.h"

namespace fascia::app {

void PickScheduler::cursor_moved(vec2 at, double now, bool can_hover) {
  if (!can_hover) {
    cursor_left();
    return;
  }
  cursor_ = at;
  hover_at_ = at;
  hover_due_ = now + kRestSeconds;
}

void PickScheduler::cursor_left() {
  cursor_.reset();
  hover_at_.reset();
  hovered_ = 0;
}

void PickScheduler::view_moved(double now) {
  if (!cursor_) return;
  hover_at_ = cursor_;
  hover_due_ = now + kRestSeconds;
}

bool PickScheduler::due(double now) const {
  if (in_flight_) return false;
  return click_.has_value() || (hover_at_ && now >= hover_due_);
}

std::optional<vec2> PickScheduler::next(double now) {
  if (!due(now)) return std::nullopt;
  if (click_) {
    in_flight_ = Purpose::Click;
    vec2 at = *click_;
    click_.reset();
    return at;
  }
  in_flight_ = Purpose::Hover;
  vec2 at = *hover_at_;
  hover_at_.reset();
  return at;
}

std::optional<uint32_t> PickScheduler::arrived(uint32_t id) {
  if (!in_flight_) return std::nullopt;
  Purpose p = *in_flight_;
  in_flight_.reset();
  if (p == Purpose::Click) return id;
  // The cursor left while the hover was in flight: its answer is stale.
  hovered_ = cursor_ ? id : 0;
  return std::nullopt;
}

}  // namespace fascia::app

#include "atlas/atlas.h"

#include <algorithm>

namespace fascia::atlas {

const char* to_string(Grade g) {
  switch (g) {
    case Grade::Strong:
      return "strong";
    case Grade::Moderate:
      return "moderate";
    case Grade::Limited:
      return "limited";
    case Grade::None:
      return "none";
    case Grade::NotAssessed:
      return "not_assessed";
  }
  return "?";
}

const char* to_string(ForceTransfer f) {
  switch (f) {
    case ForceTransfer::Shown:
      return "shown";
    case ForceTransfer::NotShown:
      return "not_shown";
    case ForceTransfer::NotExamined:
      return "not_examined";
  }
  return "?";
}

const char* to_string(Side s) {
  return s == Side::Ipsilateral ? "ipsilateral" : "contralateral";
}
const char* to_string(PointKind k) {
  return k == PointKind::Station ? "station" : "junction";
}

double Continuity::factor(double angle_deg) const {
  if (angle_deg <= full_below_deg) return 1.0;
  if (angle_deg >= none_above_deg) return 0.0;
  return (none_above_deg - angle_deg) / (none_above_deg - full_below_deg);
}

bool Line::crosses_midline() const {
  return std::any_of(points.begin(), points.end(), [](const Point& p) { return p.crossing; });
}

const Point* Line::point(std::string_view id) const {
  for (const Point& p : points)
    if (p.id == id) return &p;
  return nullptr;
}

const Transition* Line::transition(std::string_view at) const {
  for (const Transition& t : transitions)
    if (t.at == at) return &t;
  return nullptr;
}

const Line* Atlas::line(std::string_view id) const {
  for (const Line& l : lines)
    if (l.id == id) return &l;
  return nullptr;
}

const Track* Atlas::track(std::string_view id) const {
  for (const Track& t : tracks)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace fascia::atlas

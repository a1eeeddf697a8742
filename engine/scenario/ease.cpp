#include "scenario/ease.h"

#include <algorithm>

namespace fascia::scenario {

double apply_ease(Ease e, double u) {
  u = std::clamp(u, 0.0, 1.0);
  switch (e) {
    case Ease::Linear:
      return u;
    case Ease::In:
      return u * u * u;
    case Ease::Out:
      return 1 - (1 - u) * (1 - u) * (1 - u);
    case Ease::InOut:
      return u * u * (3 - 2 * u);  // smoothstep: no jerk at either end
    case Ease::Step:
      return u < 1 ? 0.0 : 1.0;
  }
  return u;
}

std::optional<Ease> parse_ease(const std::string& name) {
  if (name == "linear") return Ease::Linear;
  if (name == "in") return Ease::In;
  if (name == "out") return Ease::Out;
  if (name == "in_out") return Ease::InOut;
  if (name == "step") return Ease::Step;
  return std::nullopt;
}

}  // namespace fascia::scenario

#pragma once
// Checks a parsed scenario's ids against what exists (lines, structures to frame and label, the
// simulation's tracks, stations and joints, the pose library) and resolves named structures into
// positions. An unknown id is reported with the JSON path of the track that names it.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario.h"
#include "sim/model.h"

namespace fascia::scenario {

struct Catalog {
  const sim::Model* model = nullptr;                   // restriction, release, load and hold targets
  std::map<std::string, std::array<float, 3>> places;  // structures to frame or label: world, metres
  // The whole body in view: its centre and the distance that fits it at `body_fov_deg`.
  std::array<float, 3> body_target{0, 0.9f, 0};
  float body_distance_m = 5.5f, body_fov_deg = 30;
  std::map<std::string, double> movements;  // the pose library: name -> duration, s
};

// How far the camera stands from a structure it frames, metres.
inline constexpr float kFrameDistanceM = 0.9f;

Status bind(Scenario& s, const Catalog& catalog);

}  // namespace fascia::scenario

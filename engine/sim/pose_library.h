#pragma once
// Named poses for sim, trace and rom, read from the one pose library (assets/poses, the files
// render and view use, through body/movement.h): a pose is a set of holds on the model's hinges.
#include <string>
#include <vector>

#include "core/result.h"
#include "sim/model.h"

namespace fascia::sim {

struct PoseHold {
  int hinge = -1;
  double angle = 0;  // rad, within the hinge's documented range
};

// The library's pose names (the file names without .json), sorted.
std::vector<std::string> library_pose_names();

// The holds a pose asks for. A movement's final keyframe is its pose (a looping one's first). Each
// joint's angles (degrees about its own axes) are turned into world axes by its rest orientation
// and projected on the hinge that carries it: its own, else the nearest hinge above it, else (the
// lumbar joints below the sim's lumbar hinge) the nearest below. The pelvis is the sim's fixed
// root, so its own rotation is the whole body's and is left out. Angles beyond a hinge's clinical
// range are held at the range's end.
Result<std::vector<PoseHold>> pose_holds(const Model& m, const std::string& name);

}  // namespace fascia::sim

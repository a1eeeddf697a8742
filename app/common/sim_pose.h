#pragma once
// The simulated joint angles as a body pose, so the body on screen stands as the simulation says:
// each hinge is a skeleton joint of the same name, turned about its axis by the hinge's angle.
#include <vector>

#include "body/skeleton.h"
#include "sim/model.h"

namespace fascia::app {

body::Pose pose_from_sim(const body::Skeleton& skeleton, const sim::Model& m,
                         const std::vector<double>& hinge_q);

}  // namespace fascia::app

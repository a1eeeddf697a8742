#pragma once
// The simulation's input from the atlas resolved onto a body: stations become shared nodes (one per
// landmark), tracks keep their resolved polylines, each transition's evidence grade and continuity
// carry over, and the joints of the skeleton that move in the simulation become hinges.
#include "atlas/resolve.h"
#include "body/skeleton.h"
#include "sim/atlas_input.h"

namespace fascia::sim {

// `pose` is the pose the atlas was resolved in (its world positions become the neutral pose). With the
// atlas itself, a station placed by several landmarks (sbl's knee: femoral condyles, fibular head,
// medial tibial condyle) has its landmarks joined by short fascial links, so the line stays one
// piece of tissue through it.
Result<AtlasInput> atlas_input(const atlas::ResolvedAtlas& resolved, const body::Skeleton& skeleton,
                               const body::Pose& pose, const atlas::Atlas* atlas = nullptr);

// The shipped atlas (assets/atlas) on the built-in body in its rest pose.
Result<AtlasInput> default_atlas_input();

}  // namespace fascia::sim

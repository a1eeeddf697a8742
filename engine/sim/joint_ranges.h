#pragma once
// Clinical passive ranges of the joint motions the model's hinges carry (AAOS tables after Greene &
// Heckman 1994; Norkin & White, Measurement of Joint Motion; the figures are in engine/sim/README.md).
// They bound what `--hold` accepts and are the norms `fascia rom` is checked against.
#include <string>
#include <vector>

#include "sim/model.h"

namespace fascia::sim {

struct HoldRange {
  double min = 0, max = 0;  // rad from neutral, in the hinge's positive (named) direction
};

// The clinical range of a joint by its hinge name (talus.l, cervical_lower); false when there is none.
bool clinical_range(const std::string& hinge, HoldRange* range);

// The documented range of a hinge; a spine or neck hinge gets its share of the region's range.
// Hinges without a clinical figure get ±60°.
HoldRange hold_range(const Model& m, int hinge);

// How a group of hinges moved as one joint (the neck) shares an angle in one direction (+1 the named
// motion, -1 the opposite): each hinge its part of the group's range that way, so every hinge reaches
// its end together, as the region's range is the sum of its segments' ranges. Sums to 1.
std::vector<double> range_shares(const Model& m, const std::vector<int>& hinges, int direction);

}  // namespace fascia::sim

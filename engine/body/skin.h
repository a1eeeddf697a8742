#pragma once
// The skin: a smooth closed surface offset from the union of the bones, the muscles and the soft
// tissue the tissue list leaves out (viscera, fat pads, unnamed muscles), sized from anthropometry.
#include <vector>

#include "body/anatomy_context.h"
#include "body/body.h"
#include "body/bones.h"
#include "body/muscles.h"

namespace fascia::body {

// `muscle_volume`: primitives of the muscles (from sweep_muscle). The mesh has 40k-120k triangles.
// `field`, when given, receives the sampled distance field whose zero set the skin is (negative
// inside), for keeping the tissue under it.
BodyMesh make_skin(const AnatomyContext& c, const std::vector<BoneShape>& bones,
                   const std::vector<TaggedPrim>& muscle_volume, SdfGrid* field = nullptr);

}  // namespace fascia::body

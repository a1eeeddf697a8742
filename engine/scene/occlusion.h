#pragma once
// A stand-in for ambient occlusion that costs nothing per frame: how deep each vertex sits in a
// crease of its own surface (under the pectorals, the armpit, between muscle bellies, the orbits),
// baked once into the vertex. Measured as the vertex's depth below a smoothed copy of the surface,
// along its normal; convex and flat places stay fully open.
#include "scene/mesh.h"

namespace fascia::scene {

struct CreaseOcclusion {
  int smoothing_passes = 8;     // how broad a crease counts: more passes, wider neighbourhoods
  float full_depth_m = 0.004f;  // a vertex this far below the smoothed surface gets the darkest value
  float darkest = 0.35f;        // ao at full depth (1 = open)
};

// Writes Vertex::ao for every vertex of `mesh` (indexed triangles, normals set).
void bake_crease_occlusion(Mesh& mesh, const CreaseOcclusion& params = {});

}  // namespace fascia::scene

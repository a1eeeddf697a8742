#pragma once
// Muscles, tendons and fascial sheets: each tissue id of docs/ids.md as a closed mesh swept from its
// origin to its insertion through via points on the bones, with a width (fan, sheet) and a thickness
// profile (spindle), kept off the bones.
#include <string>
#include <vector>

#include "body/anatomy_context.h"
#include "body/body.h"
#include "body/bones.h"
#include "body/sdf.h"

namespace fascia::body {

struct MusclePoint {
  vec3 pos;              // rest-pose world position of the path's centre (on the bone side)
  int joint = -1;        // the bone this part of the muscle rides on
  float half_width = 0;  // metres, across the fibres
  float thickness = 0;   // metres, away from the bone
};

struct MuscleShape {
  std::string name;  // tissue id with side: "gastrocnemius.l", "linea_alba"
  std::vector<MusclePoint> path;
  vec3 across{0.0f};       // fixed across-fibre direction; zero: tangent to the body around the path
  float clearance = 0.0f;  // kept at least this far outside the bones, metres
  float conform = 0.0f;    // > 0: drawn onto the bones' surface from up to this far away
};

std::vector<MuscleShape> make_muscle_shapes(const AnatomyContext& c);

// The tissue ids of docs/ids.md the built-in body carries (without sides).
const std::vector<std::string>& tissue_ids();

// A primitive of the soft-tissue volume and the joint whose body part it belongs to.
struct TaggedPrim {
  int joint = -1;
  SdfPrim prim;
};

// Sweeps a muscle into a closed mesh, skinned between the joints of its path, pushed out of `bones`
// (a sampled distance field of the bones). When `volume` is given, primitives approximating the
// muscle's volume are added to it (for the skin's distance field). When `skin` (the skin's distance
// field, see make_skin) is given, the muscle is drawn in under it wherever it would stand out.
BodyMesh sweep_muscle(const AnatomyContext& c, const MuscleShape& m, const SdfGrid& bones,
                      std::vector<TaggedPrim>* volume = nullptr, const SdfGrid* skin = nullptr);

// How far under the skin's surface a muscle's outer face is kept at least, metres for stature H.
inline float muscle_skin_depth(float H) {
  return 0.0015f * H;
}

}  // namespace fascia::body

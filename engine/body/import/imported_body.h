#pragma once
// An imported model as the rest of the engine sees a body: a Skeleton and its Landmarks, the same
// types the built-in body has, so the atlas can resolve its stations on an imported figure and the
// lines follow it. Mapped joints take their canonical ids ("femur.l") and the canonical joint limits;
// the others keep their source names. Rest frames are aligned with the body's axes, as the built-in
// skeleton's are.
#include <vector>

#include "body/body.h"
#include "body/import/import_model.h"
#include "body/landmarks.h"
#include "body/movement.h"
#include "body/skeleton.h"

namespace fascia::body {

struct ImportedBody {
  Skeleton skeleton;                // one joint per ImportedModel joint, same order
  std::vector<Landmark> landmarks;  // every placed landmark, on the joint that placed it
};

ImportedBody imported_body(const ImportedModel& model);

// The imported model as a Body the scene can draw and pose like the built-in one: its skeleton and
// landmarks (imported_body), its own meshes as the skin layer, skinned to its joints (a vertex no
// joint carries, or a mesh without a skin, goes with the pelvis), the bind pose as the rest pose.
Body imported_as_body(const ImportedModel& model);

// A movement written for the canonical skeleton `from`, carried onto `to` (whose mapped joints bear
// canonical ids) so that each mapped segment takes the world orientation its canonical segment has in
// the pose, measured from the rest directions (a T-posed rig's arms come down to the canonical rest
// at the pose's start). Joints of `to` without a canonical joint turn with their parent.
Movement retarget_movement(const Movement& movement, const Skeleton& from, const Skeleton& to);

}  // namespace fascia::body

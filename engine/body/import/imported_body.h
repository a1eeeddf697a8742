#pragma once
// An imported model as the rest of the engine sees a body: a Skeleton and its Landmarks, the same
// types the built-in body has, so the atlas can resolve its stations on an imported figure and the
// lines follow it. Mapped joints take their canonical ids ("femur.l") and the canonical joint limits;
// the others keep their source names. Rest frames are aligned with the body's axes, as the built-in
// skeleton's are.
#include <vector>

#include "body/import/import_model.h"
#include "body/landmarks.h"
#include "body/skeleton.h"

namespace fascia::body {

struct ImportedBody {
  Skeleton skeleton;                // one joint per ImportedModel joint, same order
  std::vector<Landmark> landmarks;  // every placed landmark, on the joint that placed it
};

ImportedBody imported_body(const ImportedModel& model);

}  // namespace fascia::body

#pragma once
// BodyFrames for the two kinds of body the atlas is put on: the built-in body in any pose, and an
// imported rig in its bind pose through its retargeted landmarks.
//
// Landmarks the atlas added to docs/ids.md before the body places them (umbilicus, scalp_vertex) are
// derived from their neighbours here, so the atlas resolves on every body either way:
//   umbilicus    the midpoint of xiphoid and pubic symphysis, on lumbar_3 (or the pelvis);
//   scalp_vertex above the midpoint of brow ridge and occipital ridge by half their distance, on the skull.
#include <vector>

#include "atlas/resolve.h"
#include "body/import/import_model.h"
#include "body/landmarks.h"
#include "body/skeleton.h"

namespace fascia::atlas {

BodyFrame body_frame(const body::Skeleton& skeleton, const std::vector<body::Landmark>& landmarks,
                     const body::Pose& pose);

// The built-in body at its default size, standing in the rest pose.
BodyFrame default_body_frame();

BodyFrame body_frame(const body::ImportedModel& model);

}  // namespace fascia::atlas

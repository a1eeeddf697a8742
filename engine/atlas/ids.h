#pragma once
// The canonical landmark and tissue ids the atlas may name (docs/ids.md), side-agnostic.
//
// Landmarks come from the body library (body::make_landmarks on the built-in skeleton), plus the few
// the atlas added to docs/ids.md that the body does not place yet (kAtlasLandmarks; resolution derives
// them from their neighbours, see body_frame.h). The body has no tissue table yet, so the tissues are a
// copy of docs/ids.md; tests/atlas/ids_test.cpp checks both lists against that file.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fascia::atlas {

struct LandmarkId {
  std::string id;          // side-agnostic: "calcaneus"
  std::string joint;       // the bone it lies on, side-agnostic: "heel"
  bool paired = false;     // true: expands to ".l" / ".r"; false: midline
  bool from_body = true;   // false: added by the atlas, not (yet) placed by the body library
};

struct TissueId {
  std::string_view id;
  bool paired;
};

const std::vector<LandmarkId>& landmark_ids();
std::span<const TissueId> tissue_ids();
const LandmarkId* find_landmark(std::string_view id);  // nullptr when unknown
const TissueId* find_tissue(std::string_view id);

}  // namespace fascia::atlas

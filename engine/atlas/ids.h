#pragma once
// The canonical landmark and tissue ids the atlas may name (docs/ids.md), side-agnostic.
//
// Both lists come from the body library (body::make_landmarks on the built-in skeleton,
// body::tissue_ids), plus the few the atlas added to docs/ids.md that the body does not carry yet
// (resolution derives the missing landmarks from their neighbours, see body_frame.h).
// tests/atlas/ids_test.cpp checks both lists against docs/ids.md.
#include <string>
#include <string_view>
#include <vector>

namespace fascia::atlas {

struct LandmarkId {
  std::string id;         // side-agnostic: "calcaneus"
  std::string joint;      // the bone it lies on, side-agnostic: "heel"
  bool paired = false;    // true: expands to ".l" / ".r"; false: midline
  bool from_body = true;  // false: added by the atlas, not (yet) placed by the body library
};

struct TissueId {
  std::string id;
  bool paired = true;
  bool from_body = true;  // false: added by the atlas, not (yet) a mesh of the body library
};

const std::vector<LandmarkId>& landmark_ids();
const std::vector<TissueId>& tissue_ids();
const LandmarkId* find_landmark(std::string_view id);  // nullptr when unknown
const TissueId* find_tissue(std::string_view id);

}  // namespace fascia::atlas

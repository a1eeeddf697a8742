#pragma once
// The canonical landmark and tissue ids the atlas may name (docs/ids.md), side-agnostic.
//
// Until the body library publishes its landmark table this is a copy of docs/ids.md, checked against
// that file by tests/atlas/ids_test.cpp. When engine/body/landmarks.h lands, these functions become
// thin wrappers over it and nothing else in the atlas changes.
#include <span>
#include <string_view>

namespace fascia::atlas {

struct LandmarkId {
  std::string_view id;     // side-agnostic: "calcaneus"
  std::string_view joint;  // the bone it lies on, side-agnostic: "heel"
  bool paired;             // true: expands to ".l" / ".r"; false: midline
};

struct TissueId {
  std::string_view id;
  bool paired;
};

std::span<const LandmarkId> landmark_ids();
std::span<const TissueId> tissue_ids();
const LandmarkId* find_landmark(std::string_view id);  // nullptr when unknown
const TissueId* find_tissue(std::string_view id);

}  // namespace fascia::atlas

#pragma once
// Poses and movements: joint-angle keyframes (assets/poses/*.json) sampled into skeleton poses.
//
// File format (a static pose is a movement with one keyframe):
//   { "name": "squat", "description": "...", "loop": false, "grounded": true,
//     "keyframes": [ { "time": 0.0, "root_offset": [0, 0, 0],
//                      "joints": { "femur.l": [-100, 0, 0], "tibia.l": [110, 0, 0] } } ] }
// Angles are degrees about the joint's X, Y, Z axes (see skeleton.h for the signs) and must lie
// within the joint's limits. root_offset is in fractions of stature. "grounded" (default true) moves
// the root vertically so the lowest point of the feet touches the floor (y = 0).
#include <filesystem>
#include <string>
#include <vector>

#include "body/skeleton.h"
#include "core/json.h"
#include "core/result.h"

namespace fascia::body {

struct Movement {
  std::string name;
  std::string description;
  bool loop = false;
  bool grounded = true;
  std::vector<float> key_time;                // (nkey), strictly increasing, seconds
  std::vector<std::vector<vec3>> key_angles;  // (nkey x njoint), degrees
  std::vector<vec3> key_root_offset;          // (nkey), fractions of stature

  float duration() const { return key_time.empty() ? 0.0f : key_time.back(); }
};

Result<Movement> parse_movement(const Json& json, const std::string& source, const Skeleton& skeleton);
Result<Movement> load_movement(const std::filesystem::path& path, const Skeleton& skeleton);

// Every *.json of `dir`, sorted by file name.
Result<std::vector<Movement>> load_movements(const std::filesystem::path& dir, const Skeleton& skeleton);

// assets/poses of the installed or source tree.
std::filesystem::path poses_dir();

// The pose at time t: keyframe angles interpolated with a smooth (C1 at keys) Catmull-Rom spline for
// looping movements and piecewise-linear ones otherwise; t wraps for loops and clamps otherwise.
Pose sample_movement(const Movement& movement, const Skeleton& skeleton, float t);

// Moves the root vertically so that the lowest foot point (heel, metatarsal heads, toes) is at y = 0.
void ground_pose(const Skeleton& skeleton, Pose& pose);

}  // namespace fascia::body

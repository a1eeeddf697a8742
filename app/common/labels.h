#pragma once
// Station labels anchored to their 3D points, placed so they do not overlap, drawn with ImGui.
#include <string>
#include <vector>

#include "core/math.h"
#include "scene/camera.h"

namespace fascia::app {

struct Label {
  std::string text;
  vec3 anchor;  // world
};

struct PlacedLabel {
  std::string text;
  vec2 anchor;    // pixels
  vec2 min, max;  // the text box, pixels
};

// Places each label beside its projected anchor, trying eight positions and then farther out,
// skipping labels that cannot be placed without overlap. Pure: tested without a GPU.
std::vector<PlacedLabel> place_labels(const std::vector<Label>& labels, const scene::Camera& camera,
                                      vec2 viewport, float text_height,
                                      float (*text_width)(const std::string&));

// Draws placed labels (leader line, box, text) into the current ImGui frame.
void draw_labels(const std::vector<PlacedLabel>& labels, float scale);

// "ischial_tuberosity" -> "ischial tuberosity".
std::string pretty_name(const std::string& id);

}  // namespace fascia::app

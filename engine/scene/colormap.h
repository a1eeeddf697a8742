#pragma once
// Colours for tension and strain: a perceptually uniform map (viridis), and the line palette.
#include <string_view>

#include "core/math.h"

namespace fascia::scene {

// Viridis at t in [0, 1] (clamped), as linear RGB for the shaders. Lightness rises monotonically,
// so a higher tension always reads as brighter, also in grey and for colour-blind viewers.
vec3 viridis(float t);

vec3 srgb_to_linear(vec3 c);
vec3 linear_to_srgb(vec3 c);

// The colour of each of the twelve lines (id without side, e.g. "sbl"), linear RGB; grey if unknown.
vec3 line_color(std::string_view line_id);

}  // namespace fascia::scene

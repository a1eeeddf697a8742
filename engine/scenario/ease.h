#pragma once
// Easing curves for keyframe segments (after Manim's rate functions): each maps the fraction of a
// segment, 0..1, to the fraction of the change, 0..1.
#include <optional>
#include <string>

namespace fascia::scenario {

enum class Ease { Linear, In, Out, InOut, Step };

double apply_ease(Ease e, double u);
// "linear", "in", "out", "in_out", "step"; nullopt when unknown.
std::optional<Ease> parse_ease(const std::string& name);

}  // namespace fascia::scenario

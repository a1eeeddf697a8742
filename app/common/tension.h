#pragma once
// Tension colouring: the change in tension of every element against the body at rest, as a value on
// the colour map per element along each atlas track (a gradient, not a mean), on a decibel scale
// relative to the largest change, so a small change far from the restriction reads as clearly as the
// one beside it. The window (from the sim worker's snapshots) and the still path use this one
// encoding.
#include <map>
#include <string>
#include <vector>

#include "common/sim_snapshot.h"
#include "sim/model.h"

namespace fascia::app {

// The scale's span: a change this many dB below the largest maps to the bottom of the colour map
// (and anything smaller stays dark). Chosen (not measured) so the back line's change at the occiput
// under a calf restriction, about 50 dB below the calf's, still shows.
inline constexpr double kTensionRangeDb = 60.0;
// Where the bottom of the range sits on the colour map: a change at -60 dB is already visibly
// coloured, and "no change" (value 0) is drawn dark grey (scene::tension_color), not the map's end.
inline constexpr double kTensionFloorValue = 0.25;

struct TensionColouring {
  // Atlas track id -> values in [0, 1], one per element from the track's first point to its last.
  std::map<std::string, std::vector<float>> track_profile;
  double max_change_N = 0;  // the change that maps to 1 (0 dB)
};

// The colour-map value of a change of `change_N` when the largest is `max_change_N`.
float tension_value(double change_N, double max_change_N);

// Colours the model's tracks by the change from `base` to `now` (only added tension lights up). The
// scale's 0 dB is the largest change now or `now.reference_change_N`, whichever is larger.
TensionColouring colour_by_tension(const sim::Model& m, const SimSnapshot& now, const SimSnapshot& base);

// The largest added tension of `now` against `base` over the tissue elements (N).
double max_added_tension(const sim::Model& m, const SimSnapshot& now, const SimSnapshot& base);

// A colour bar with a title and three tick labels, drawn into the current ImGui frame (bottom right),
// with the caveat that the model is illustrative.
void draw_legend(const char* title, const std::string& lo, const std::string& mid, const std::string& hi,
                 float scale, float bar_lo = 0.0f);

// The legend of tension colouring: decibels below the largest change, and that change in newtons.
void draw_tension_legend(const TensionColouring& colouring, float scale);

// Where the last legend was drawn (window pixels) and in which ImGui frame, for the window's layout
// and its state file; `frame` -1 before any.
struct LegendPlace {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int frame = -1;
};
const LegendPlace& last_legend_place();
// The top of the legend's box in a display `height` pixels tall: panels above it end there.
float legend_top(float height, float scale);

// Stretch colouring for movements: each track's lengthening against standing, 0 to `max_stretch`.
std::map<std::string, float> colour_by_stretch(const std::map<std::string, float>& stretch,
                                               float max_stretch);

}  // namespace fascia::app

#pragma once
// Tension colouring: runs the simulation for the user's restrictions and maps each atlas track to a
// value on the colour map (the change of its mean tension from the unrestricted body).
#include <map>
#include <string>
#include <vector>

#include "common/app_model.h"
#include "core/result.h"

namespace fascia::app {

struct TensionColouring {
  std::map<std::string, float> track_value;  // atlas track id -> [0, 1]
  double scale_N = 0;                        // the change that maps to 1
  std::vector<std::string> restrictions;     // as given, for the legend
};

// Runs the equilibrium with `restrictions` (the --restrict syntax) and colours the tracks.
Result<TensionColouring> colour_by_tension(const AppModel& model,
                                           const std::vector<std::string>& restrictions);

// A colour bar with a title and three tick labels, drawn into the current ImGui frame (bottom right).
void draw_legend(const char* title, const std::string& lo, const std::string& mid, const std::string& hi,
                 float scale);

// The legend of tension colouring, in newtons.
void draw_tension_legend(const TensionColouring& colouring, float scale);

// Stretch colouring for movements: each track's lengthening against standing, 0 to `max_stretch`.
std::map<std::string, float> colour_by_stretch(const std::map<std::string, float>& stretch,
                                               float max_stretch);

}  // namespace fascia::app

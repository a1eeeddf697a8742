#pragma once
// What a scenario moment looks like: the Session and presentation extras of engine/scenario turned
// into the app's view state (camera, layers, lines, reveal, colouring) and the text drawn over it
// (captions, titles, labels). Shared by `fascia render SCENARIO` and the bench.
#include <map>
#include <string>

#include <vulkan/vulkan.h>

#include "common/app_model.h"
#include "scenario/bind.h"
#include "scenario/evaluate.h"

namespace fascia::app {

// Structures to frame and label (landmarks such as calcaneus.l, station ids such as
// sbl.l/calcaneus, track ids), the whole-body framing and the pose library.
scenario::Catalog scenario_catalog(const AppModel& model);

// Tracks coloured by a change of tension (model track names, N) on a square-root scale up to `scale_n`.
std::map<std::string, float> tension_track_values(const AppModel& model,
                                                  const std::map<std::string, double>& change,
                                                  double scale_n);

ViewState moment_view(const AppModel& model, const scenario::Moment& moment, double time_s, bool transparent);

// Captions (bottom), titles (centred, large) and labels at their structures, into the current ImGui frame.
// `right_margin` (pixels) keeps captions clear of a legend in the bottom right corner.
void draw_presentation(const scenario::Presentation& p, const scene::Camera& camera, VkExtent2D size,
                       float scale, float right_margin = 0);

}  // namespace fascia::app

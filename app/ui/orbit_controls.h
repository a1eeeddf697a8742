#pragma once
// Mouse to camera: drag to orbit, right- or middle-drag to pan, wheel to zoom. (The views from the
// front, back and sides frame the whole body: LearnRequests::preset, keys 1-4 and the panel's buttons.)
#include "scene/camera.h"

namespace fascia::app {

struct OrbitControls {
  bool rotating = false;
  bool panning = false;
  double last_x = 0, last_y = 0;

  void on_button(bool left, bool right_or_middle, double x, double y);
  void on_move(scene::Camera& camera, double x, double y, int viewport_height);
  void on_scroll(scene::Camera& camera, double dy);
};

}  // namespace fascia::app

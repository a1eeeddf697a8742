#pragma once
// Mouse and keyboard to camera: drag to orbit, right- or middle-drag to pan, wheel to zoom,
// keys 1-4 for the front, back, left and right views.
#include "scene/camera.h"

namespace fascia::app {

struct OrbitControls {
  bool rotating = false;
  bool panning = false;
  double last_x = 0, last_y = 0;

  void on_button(bool left, bool right_or_middle, double x, double y);
  void on_move(scene::Camera& camera, double x, double y, int viewport_height);
  void on_scroll(scene::Camera& camera, double dy);
  // 1 front, 2 back, 3 left, 4 right; anything else is ignored.
  static void preset(scene::Camera& camera, int number);
};

}  // namespace fascia::app

#pragma once
// The body in the render scene: its bone, muscle and skin meshes posed (CPU reference skinning for
// now), coloured by layer, each layer shown, hidden or translucent (x-ray).
#include <memory>
#include <string>
#include <vector>

#include "body/body.h"
#include "scene/render_scene.h"

namespace fascia::scene {

struct LayerStyle {
  bool visible = true;
  float opacity = 1.0f;  // < 1: translucent (x-ray)
};

struct BodyView {
  bool reduced_detail = false;  // draw the simplified meshes (interactive views on software Vulkan)
  LayerStyle bone{true, 1.0f};
  LayerStyle muscle{true, 0.55f};  // translucent so the lines inside show
  LayerStyle skin{true, 0.22f};
};

// Scene meshes of a body: rest-pose meshes with their skin weights, deformed on the GPU by the
// palette of the current pose. Changing the pose replaces only the palette.
struct PosedBody {
  struct Part {
    std::string name;
    body::Layer layer;
    std::shared_ptr<Mesh> mesh;
    std::shared_ptr<Mesh> reduced;  // simplified copy, or null when not made
    vec3 color;                     // linear RGB
    float opacity = 1.0f;           // of its layer's: fascial sheets let the bellies under them show
  };
  std::vector<Part> parts;
  std::shared_ptr<const std::vector<mat4>> palette;  // (njoint) joint world * inverse bind
};

// `reduced_detail` also makes a simplified copy of every mesh (about a third of the triangles,
// within a fraction of a millimetre of the surface) for interactive views.
PosedBody pose_body(const body::Body& body, const body::Pose& pose, bool reduced_detail = false);
void set_pose(PosedBody& posed, const body::Body& body, const body::Pose& pose);

// A copy of `mesh` with about `ratio` of its triangles, keeping the shape (meshoptimizer).
Mesh simplify(const Mesh& mesh, float ratio, float max_error_m);

// The colour a tissue is drawn in: bone ivory, muscle red, tendon and fascia silver, skin warm.
vec3 tissue_color(const std::string& name, body::Layer layer);
// A fascial sheet (thoracolumbar fascia, iliotibial tract, plantar aponeurosis, galea): drawn
// translucent over the muscle layer.
bool is_fascial_sheet(const std::string& name);

// Appends the visible parts to `scene`, pick ids starting at `first_pick_id` (one per part).
void add_body(RenderScene& scene, const PosedBody& body, const BodyView& view, uint32_t first_pick_id = 1);

// A camera framing a standing body of `height` metres from a named side ("front", ...).
Camera body_camera(float height, float yaw_deg);

}  // namespace fascia::scene

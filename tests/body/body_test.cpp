#include <doctest/doctest.h>

#include <chrono>
#include <set>

#include "body/body.h"
#include "body/muscles.h"
#include "body/ortho_render.h"
#include "body/skinning.h"
#include "body/movement.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

namespace {

const Body& default_body() {
  static const Body body = [] {
    auto t0 = std::chrono::steady_clock::now();
    Body b = build_body({});
    auto t1 = std::chrono::steady_clock::now();
    MESSAGE("build_body: " << std::chrono::duration<double>(t1 - t0).count() << " s");
    return b;
  }();
  return body;
}

std::vector<const BodyMesh*> layer(const Body& b, std::initializer_list<Layer> layers) {
  std::vector<const BodyMesh*> out;
  for (const BodyMesh& m : b.meshes)
    for (Layer l : layers)
      if (m.layer == l) out.push_back(&m);
  return out;
}

void render_views(const std::vector<const BodyMesh*>& meshes, const std::vector<const std::vector<vec3>*>& posed,
                  const std::string& name) {
  const float H = 1.75f;
  std::vector<test::Image> views;
  for (test::View v : {test::View::Front, test::View::Left, test::View::Back})
    views.push_back(test::render(meshes, posed, v, 400, 800, {0.0f, H * 0.5f}, {0.5f, 1.0f}));
  CHECK(test::write_png(test::hstack(views), test::output_dir() / (name + ".png")));
}

}  // namespace

TEST_CASE("body: renders front, side and back views of each layer (look at build/test-output/body_*.png)") {
  const Body& b = default_body();
  render_views(layer(b, {Layer::Bone}), {}, "body_bones");
  render_views(layer(b, {Layer::Bone, Layer::Muscle}), {}, "body_muscles");
  render_views(layer(b, {Layer::Skin}), {}, "body_skin");
  size_t tris[3] = {0, 0, 0};
  for (const BodyMesh& m : b.meshes) tris[int(m.layer)] += m.indices.size() / 3;
  MESSAGE("triangles: bone " << tris[0] << ", muscle " << tris[1] << ", skin " << tris[2]);
}

// Imported models drawn by the app: each fixture of ../shared/fixtures/models with its own skin and
// the twelve lines retargeted onto it, standing and in a pose of the library. Pixel tests: the figure
// is framed whole with a margin, it stands tall in the picture, and the lines lie on it (inside its
// silhouette), standing and squatting. Rendered headless with validation on; skipped without ../shared.
#include <doctest/doctest.h>

#include "common/app_model.h"
#include "core/image.h"
#include "render/offscreen.h"
#include "support/skip.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::app;
namespace fs = std::filesystem;

namespace {

constexpr VkExtent2D kSize{240, 320};
constexpr float kAspect = float(kSize.width) / float(kSize.height);

struct Mask {
  std::vector<char> on;  // alpha > 0
  int count = 0;
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  bool at(int x, int y) const { return on[size_t(y) * kSize.width + x] != 0; }
};

Mask mask_of(const ImageRGBA8& img) {
  Mask m;
  m.on.resize(size_t(img.width) * img.height);
  for (int y = 0; y < int(img.height); ++y)
    for (int x = 0; x < int(img.width); ++x)
      if (img.pixels[(size_t(y) * img.width + x) * 4 + 3] > 8) {
        m.on[size_t(y) * img.width + x] = 1;
        ++m.count;
        m.x0 = std::min(m.x0, x), m.x1 = std::max(m.x1, x);
        m.y0 = std::min(m.y0, y), m.y1 = std::max(m.y1, y);
      }
  return m;
}

// The scene with only the instances `keep` accepts, on a transparent background.
ImageRGBA8 draw(const scene::RenderScene& full, bool lines, uint32_t& validation) {
  scene::RenderScene s = full;
  s.background.transparent = true;
  s.instances.clear();
  for (const auto& inst : full.instances)
    if ((inst.layer == 3) == lines) {
      s.instances.push_back(inst);
      if (!lines) s.instances.back().color.a = 1.0f;  // an opaque skin for the silhouette
    }
  auto off = render::create_offscreen(kSize, true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  ImageRGBA8 img = (*off)->render(s);
  validation += (*off)->validation_messages();
  return img;
}

struct Measured {
  Mask skin, lines;
  float lines_inside = 0;  // share of line pixels inside the skin's silhouette (dilated by 2 px)
};

Measured measure(const AppModel& model, const ViewState& view, const std::string& name) {
  const scene::RenderScene full = model.build_scene(view);
  uint32_t validation = 0;
  Measured m;
  m.skin = mask_of(draw(full, false, validation));
  m.lines = mask_of(draw(full, true, validation));
  auto off = render::create_offscreen(kSize, true);
  REQUIRE(off.ok());
  ImageRGBA8 picture = (*off)->render(full);
  validation += (*off)->validation_messages();
  CHECK(write_png(test::output_dir() / ("model_" + name + ".png"), picture).ok());
  CHECK(validation == 0);
  int inside = 0;
  for (int y = 0; y < int(kSize.height); ++y)
    for (int x = 0; x < int(kSize.width); ++x) {
      if (!m.lines.at(x, y)) continue;
      bool near = false;
      for (int dy = -2; dy <= 2 && !near; ++dy)
        for (int dx = -2; dx <= 2 && !near; ++dx) {
          int u = x + dx, v = y + dy;
          near = u >= 0 && v >= 0 && u < int(kSize.width) && v < int(kSize.height) && m.skin.at(u, v);
        }
      inside += near;
    }
  m.lines_inside = m.lines.count ? float(inside) / float(m.lines.count) : 0.0f;
  return m;
}

float height_of(const std::vector<vec3>& points) {
  float lo = INFINITY, hi = -INFINITY;
  for (const vec3& p : points) lo = std::min(lo, p.y), hi = std::max(hi, p.y);
  return hi - lo;
}

}  // namespace

TEST_CASE("model view: each fixture model is drawn with its skin and the lines on it, standing and posed") {
  const fs::path shared = test::shared_dir();
  if (shared.empty()) FASCIA_SKIP("../shared absent");
  const fs::path dir = shared / "fixtures" / "models";
  for (const char* file :
       {"kenney_character_fbx/maya_kenney_character_7700_binary.fbx", "makehuman_base/default.mhskel",
        "riggedfigure/RiggedFigure.glb", "riggedfigure/RiggedFigure.dae"}) {
    CAPTURE(file);
    auto loaded = load_app_model(false, dir / file);
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    AppModel& model = **loaded;
    CHECK(model.imported);
    CHECK(model.lines.tracks.size() >= 40);  // the twelve lines, both sides, retargeted
    const std::string name = fs::path(file).filename().string();

    const float standing_height = height_of(model.frame_points());
    const ViewState front = model.default_view("front", kAspect).value();
    Measured standing = measure(model, front, name + "_front");
    INFO("skin box x " << standing.skin.x0 << ".." << standing.skin.x1 << ", y " << standing.skin.y0 << ".."
                       << standing.skin.y1 << "; " << standing.lines.count << " line pixels, "
                       << standing.lines_inside * 100 << " % on the body");
    // Recognisably a figure: tall in the picture, whole, with a margin at every edge.
    CHECK(standing.skin.y1 - standing.skin.y0 > 0.6 * kSize.height);
    CHECK(standing.skin.x0 > 2);
    CHECK(standing.skin.y0 > 2);
    CHECK(standing.skin.x1 < int(kSize.width) - 3);
    CHECK(standing.skin.y1 < int(kSize.height) - 3);
    // The lines are drawn and lie on the body.
    CHECK(standing.lines.count > 0.03 * standing.skin.count);
    CHECK(standing.lines_inside > 0.9f);

    // The pose library plays on its skeleton: squatting, the figure is lower and the lines go with it.
    const body::Movement* squat = nullptr;
    for (const auto& mv : model.movements)
      if (mv.name == "squat") squat = &mv;
    REQUIRE(squat != nullptr);
    model.apply_pose(body::sample_movement(*squat, model.body.skeleton, squat->duration()));
    ViewState side = model.default_view("left", kAspect).value();
    Measured squatting = measure(model, side, name + "_squat_left");
    INFO("squat: skin box x " << squatting.skin.x0 << ".." << squatting.skin.x1 << ", y " << squatting.skin.y0
                              << ".." << squatting.skin.y1 << "; " << squatting.lines_inside * 100
                              << " % of line pixels on the body");
    CHECK(height_of(model.frame_points()) < 0.9f * standing_height);
    CHECK(squatting.skin.x0 > 2);
    CHECK(squatting.skin.y0 > 2);
    CHECK(squatting.skin.x1 < int(kSize.width) - 3);
    CHECK(squatting.skin.y1 < int(kSize.height) - 3);
    CHECK(squatting.lines_inside > 0.8f);  // lines leaving the tissue in poses: issue 13 item 3
  }
}

TEST_CASE("model view: a bad model file is bad input naming the file") {
  auto r = load_app_model(false, test::tests_dir() / "bad_input" / "models" / "truncated.glb");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().exit_status() == 2);
  CHECK(r.error().message.find("truncated.glb: truncated or corrupt") != std::string::npos);
}

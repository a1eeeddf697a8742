// Golden images of the key views of the app: the whole body from the front, back and side, one line
// isolated, tension colouring after a calf restriction, and the x-ray layers. Rendered headless on
// lavapipe with validation on; any validation message fails.
#include <doctest/doctest.h>

#include "common/app_model.h"
#include "common/restrict_text.h"
#include "common/tension.h"
#include "render/offscreen.h"
#include "sim/commands.h"
#include "support/golden.h"

#include <algorithm>

using namespace fascia;
using namespace fascia::app;

namespace {

constexpr VkExtent2D kSize{240, 320};
constexpr float kAspect = float(kSize.width) / float(kSize.height);

const AppModel& model() {
  static auto m = load_app_model();
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  return **m;
}

struct Rendered {
  ImageRGBA8 image;
  uint32_t validation = 0;
};

Rendered draw(const ViewState& view) {
  auto off = render::create_offscreen(kSize, true);
  REQUIRE_MESSAGE(off.ok(), (off.ok() ? "" : off.error().message));
  Rendered r;
  r.image = (*off)->render(model().build_scene(view));
  r.validation = (*off)->validation_messages();
  return r;
}

void check_view(const std::string& name, const ViewState& view) {
  Rendered r = draw(view);
  CHECK(r.validation == 0);
  ImageStats s = image_stats(r.image);
  CHECK(s.mean_luma > 30);
  CHECK(s.stddev_luma > 10);
  auto g = test::compare_with_golden(name, r.image);
  INFO(g.report);
  CHECK(g.passed);
}

// Share of pixels whose colour is close to `rgb` (sRGB bytes).
double share_near(const ImageRGBA8& img, int r, int g, int b, int tol) {
  size_t n = 0, total = size_t(img.width) * img.height;
  for (size_t i = 0; i < total; ++i) {
    const uint8_t* p = &img.pixels[i * 4];
    n += std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol;
  }
  return double(n) / double(total);
}

}  // namespace

TEST_CASE("views: the whole body from the front, back and side match their golden images") {
  for (const char* side : {"front", "back", "left"}) {
    CAPTURE(side);
    check_view(std::string("body_") + side, model().default_view(side, kAspect).value());
  }
}

TEST_CASE("views: one line isolated matches its golden image and hides the others") {
  ViewState v = model().default_view("back", kAspect).value();
  v.lines.lines = {"sbl"};
  check_view("line_sbl_back", v);
  // The scene holds only the superficial back line's tracks, both sides, and its stations.
  auto count_lines = [](const scene::RenderScene& sc) {
    size_t n = 0;
    for (const auto& i : sc.instances) n += i.layer == 3;
    return n;
  };
  ViewState all = model().default_view("back", kAspect).value();
  size_t n_sbl = count_lines(model().build_scene(v)), n_all = count_lines(model().build_scene(all));
  CHECK(n_sbl >= 12);
  CHECK(n_sbl * 5 < n_all);
  // And the picture differs from the all-lines view.
  auto diff = test::compare_images(draw(all).image, draw(v).image, {});
  CHECK(diff.differing_fraction > 0.005);
}

TEST_CASE("views: tension colouring after a calf restriction") {
  // The still's typed path: a session with the restriction, its equilibrium, the change per element.
  auto session = session_with_restrictions({"gastrocnemius.l=3,4"});
  REQUIRE(session.ok());
  const sim::Model& sm = sim::default_model();
  auto now = equilibrium_snapshot(sm, *session);
  REQUIRE(now.ok());
  TensionColouring c = colour_by_tension(sm, *now, baseline_snapshot(sm));
  CHECK(c.max_change_N > 10);
  // The restricted calf is the most loaded tissue: the top of the colour map somewhere along it.
  REQUIRE(c.track_profile.count("sbl.gastrocnemius.l"));
  const auto& calf = c.track_profile.at("sbl.gastrocnemius.l");
  CHECK(*std::max_element(calf.begin(), calf.end()) == doctest::Approx(1.0f).epsilon(0.01));
  // The left back line shows all the way up (the erector reaches the occiput), on the log scale.
  for (const char* id : {"biceps_femoris.l", "sacrotuberous_ligament.l", "erector_spinae.l"}) {
    CAPTURE(id);
    REQUIRE(c.track_profile.count(id));
    const auto& p = c.track_profile.at(id);
    CHECK(*std::min_element(p.begin(), p.end()) >= float(kTensionFloorValue));
  }
  // The right leg's back line is not loaded: it stays dark.
  for (const char* id : {"sbl.gastrocnemius.r", "biceps_femoris.r", "sbl.plantar_fascia.r"}) {
    CAPTURE(id);
    const auto& p = c.track_profile.at(id);
    CHECK(*std::max_element(p.begin(), p.end()) == 0.0f);
  }
  ViewState v = model().default_view("back", kAspect).value();
  v.lines.track_profile = c.track_profile;
  v.body.muscle.opacity = 0.18f;
  check_view("tension_calf_back", v);
}

TEST_CASE("views: x-ray shows the bones through translucent muscle and skin") {
  ViewState v = model().default_view("front", kAspect).value();
  v.body.muscle.opacity = 0.25f;
  v.body.skin.opacity = 0.15f;
  v.lines.lines = {"dfl"};
  check_view("xray_front", v);
  // Bone pixels (ivory) are a bigger share than with opaque muscle.
  ViewState opaque = v;
  opaque.body.muscle.opacity = 1.0f;
  double ivory_xray = share_near(draw(v).image, 215, 205, 185, 35);
  double ivory_opaque = share_near(draw(opaque).image, 215, 205, 185, 35);
  CHECK(ivory_xray > ivory_opaque * 1.3);
}

TEST_CASE("views: clicking a station marker selects it and its line through the id buffer") {
  ViewState v = model().default_view("front", kAspect).value();
  v.body.muscle.opacity = 0.3f;  // looked through, as the user sees through it
  v.body.bone.visible = false;   // the marker sits on the patella
  v.lines.lines = {"sfl"};
  const scene::LineGeometry::Station* patella = nullptr;
  for (const auto& s : model().lines.stations)
    if (s.id == "sfl.l/patella") patella = &s;
  REQUIRE(patella);
  VkExtent2D size{480, 640};
  scene::RenderScene sc = model().build_scene(v);
  vec4 clip =
      sc.camera.projection(float(size.width) / size.height) * sc.camera.view() * vec4(patella->position, 1);
  vec2 px = (vec2(clip) / clip.w * 0.5f + 0.5f) * vec2(size.width, size.height);
  auto off = render::create_offscreen(size, true);
  REQUIRE(off.ok());
  (*off)->renderer->request_pick(int(px.x), int(px.y));
  (*off)->render(sc);
  auto id = (*off)->renderer->take_pick();
  REQUIRE(id.has_value());
  Selection sel = model().describe_pick(*id);
  INFO(sel.text);
  CHECK(sel.line == "sfl.l");
  CHECK((*off)->validation_messages() == 0);
}

namespace {
const body::Movement& movement(const AppModel& m, const std::string& name) {
  for (const auto& mv : m.movements)
    if (mv.name == name) return mv;
  FAIL("no movement " << name);
  return m.movements.front();
}
}  // namespace

TEST_CASE("views: GPU skinning draws the same squat as the CPU reference skinning") {
  static auto m = load_app_model();
  REQUIRE(m.ok());
  AppModel& model = **m;
  const auto& squat = movement(model, "squat");
  body::Pose pose = body::sample_movement(squat, model.body.skeleton, squat.duration());
  model.apply_pose(pose);
  ViewState v = model.default_view("left", kAspect).value();
  v.lines.lines = {"none"};
  scene::RenderScene gpu = model.build_scene(v);
  // The same scene with every mesh deformed on the CPU and drawn unskinned.
  scene::RenderScene cpu = gpu;
  std::vector<std::shared_ptr<scene::Mesh>> keep;
  for (auto& inst : cpu.instances) {
    if (!inst.palette) continue;
    auto mesh = std::make_shared<scene::Mesh>(*inst.mesh);
    std::vector<vec3> rest(mesh->vertices.size());
    for (size_t i = 0; i < rest.size(); ++i) {
      const auto& s = mesh->skin[i];
      mat4 k(0.0f);
      for (int c = 0; c < 4; ++c) k += s.weights[c] * (*inst.palette)[s.joints[c]];
      mesh->vertices[i].position = vec3(k * vec4(mesh->vertices[i].position, 1));
      mesh->vertices[i].normal = glm::normalize(mat3(k) * mesh->vertices[i].normal);
    }
    mesh->skin.clear();
    inst.mesh = mesh;
    inst.palette.reset();
    keep.push_back(mesh);
  }
  auto off = render::create_offscreen(kSize, true);
  REQUIRE(off.ok());
  ImageRGBA8 a = (*off)->render(gpu), b = (*off)->render(cpu);
  auto d = test::compare_images(a, b, {});
  INFO(d.report);
  CHECK(d.passed);
  // And the squat really moved the body: it differs from standing.
  model.apply_pose(body::rest_pose(model.body.skeleton));
  auto standing = test::compare_images((*off)->render(model.build_scene(v)), a, {});
  CHECK(standing.differing_fraction > 0.05);
  CHECK((*off)->validation_messages() == 0);
}

TEST_CASE("views: in a forward bend the back line stretches and the front line shortens") {
  static auto m = load_app_model();
  REQUIRE(m.ok());
  AppModel& model = **m;
  const auto& bend = movement(model, "forward_bend");
  model.apply_pose(body::sample_movement(bend, model.body.skeleton, bend.duration()));
  auto stretch = model.track_stretch();
  model.apply_pose(body::rest_pose(model.body.skeleton));
  float hamstrings = stretch.at("sbl.medial_hamstrings.l"), erector = stretch.at("erector_spinae.l");
  float rectus = stretch.at("sfl.rectus_abdominis.l"), quads = stretch.at("sfl.rectus_femoris.l");
  MESSAGE("forward bend: hamstrings " << hamstrings * 100 << " %, erector " << erector * 100
                                      << " %, rectus abdominis " << rectus * 100 << " %, rectus femoris "
                                      << quads * 100 << " %");
  // The hamstrings take the hip flexion: 17 % as the tubes ride on the skinned muscle (25 % when
  // they blended their end bones' motions).
  CHECK(hamstrings > 0.12);
  CHECK(erector > 0.1);
  CHECK(rectus < -0.1);  // the front of the trunk shortens
  CHECK(quads < 0.0f);   // rectus femoris crosses the flexed hip in front: shorter
}

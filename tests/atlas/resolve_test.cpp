// The atlas on a body: every station and track resolves on the built-in body and on the fixture rigs,
// paths run from station to station over the surface, and each point follows its joint.
#include "atlas/resolve.h"

#include <cmath>

#include "atlas/body_frame.h"
#include "atlas/report.h"
#include "atlas_test_util.h"
#include "body/import/import_model.h"
#include "core/file_io.h"
#include "support/skip.h"

using namespace fascia;
using namespace fascia::atlas;
using fascia::atlas::test::source_atlas;
namespace fs = std::filesystem;

namespace {

size_t station_count(const Atlas& atlas) {
  size_t n = 0;
  for (const Line& l : atlas.lines) n += 2 * l.points.size();
  return n;
}

float distance_to_segment(vec3 p, vec3 a, vec3 b) {
  vec3 ab = b - a;
  float t = glm::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
  return glm::length(p - (a + t * ab));
}

// Everything resolved is finite, every path joins its ends, and local offsets give back the world point.
void check_resolved(const ResolvedAtlas& r, const BodyFrame& body, const Atlas& atlas) {
  CHECK(r.stations.size() == station_count(atlas));
  CHECK(r.tracks.size() == expand(atlas).tracks.size());
  for (const ResolvedTrack& t : r.tracks) {
    CAPTURE(t.id);
    REQUIRE(t.path.size() >= 2);
    auto from = body.landmark(t.from);
    auto to = body.landmark(t.to);
    REQUIRE(from);
    REQUIRE(to);
    CHECK(glm::length(t.path.front().world - from->position) < 0.01f);
    CHECK(glm::length(t.path.back().world - to->position) < 0.01f);
    for (const AttachedPoint& p : t.path) {
      REQUIRE(std::isfinite(p.world.x + p.world.y + p.world.z));
      auto m = body.joint_world(p.joint);
      REQUIRE(m);
      CHECK(glm::length(vec3(*m * vec4(p.local, 1.0f)) - p.world) < 1e-4f);
    }
  }
}

}  // namespace

TEST_CASE("resolve: every station and track of both sides on the built-in body") {
  const Atlas& atlas = source_atlas();
  BodyFrame body = default_body_frame();
  auto r = resolve(atlas, body);
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  check_resolved(*r, body, atlas);
  CHECK(r->transitions.size() == 2 * 62);

  // Left is +X: the left line's paired stations lie left of the midline, the crossing line's beyond.
  const ResolvedStation* heel = r->station("sbl.l/calcaneus");
  REQUIRE(heel);
  CHECK(heel->landmark == "calcaneus.l");
  CHECK(heel->at.joint == "heel.l");
  CHECK(heel->at.world.x > 0.02f);
  CHECK(r->station("sbl.r/calcaneus")->at.world.x < -0.02f);
  CHECK(r->station("spl.l/scapula_medial_border")->at.world.x < -0.02f);
  CHECK(r->station("spl.l/iliac_crest")->at.world.x > 0.02f);
  CHECK(r->station("bfl.l/femur_shaft")->at.world.x < -0.02f);
  CHECK(std::abs(r->station("sbl.l/sacrum")->at.world.x) < 1e-4f);

  // The superficial back line runs from the sole to the brow: more than 1.4 m of height on a 1.75 m body.
  CHECK(r->station("sbl.l/brow_ridge")->at.world.y - r->station("sbl.l/toes_plantar")->at.world.y > 1.4f);
  CHECK(r->station("sfl.l/mastoid_process")->at.world.y - r->station("sfl.l/toes_dorsal")->at.world.y >
        1.35f);

  // Tracks ride over the tissue, not through the bone: every point stands off the chord between the
  // landmarks on the bone by at least the clearance.
  for (const ResolvedTrack& t : r->tracks) {
    CAPTURE(t.id);
    vec3 a = body.landmark(t.from)->position, b = body.landmark(t.to)->position;
    for (const AttachedPoint& p : t.path) CHECK(distance_to_segment(p.world, a, b) > 0.0035f);
  }
  // The left erector spinae runs beside the spinous processes on the left, behind the spine.
  const ResolvedTrack* erector = r->track("erector_spinae.l");
  REQUIRE(erector);
  CHECK(erector->lines == std::vector<std::string>{"sbl.l", "spl.l"});
  const AttachedPoint& mid = erector->path[erector->path.size() / 2];
  CHECK(mid.world.x > 0.015f);
  auto spine = body.landmark("thoracic_spinous_processes");
  REQUIRE(spine);
  CHECK(mid.world.z < spine->position.z + 0.02f);

  // Evidence travels with each transition; the knee's continuity names the left knee.
  bool found = false;
  for (const ResolvedTransition& t : r->transitions) {
    if (t.station != "sbl.l/femoral_condyles") continue;
    found = true;
    CHECK(t.evidence.grade == Grade::Strong);
    CHECK(t.continuity_joint == "tibia.l");
    CHECK(t.tracks_in == std::vector<std::string>{"sbl.gastrocnemius.l"});
    CHECK(t.tracks_out == std::vector<std::string>{"biceps_femoris.l", "sbl.medial_hamstrings.l"});
  }
  CHECK(found);
}

TEST_CASE("resolve: posed body moves the paths with their joints") {
  const Atlas& atlas = source_atlas();
  body::Skeleton sk = body::make_skeleton({});
  body::Pose pose = body::rest_pose(sk);
  if (pose.local_rotation.empty()) pose.local_rotation.assign(sk.size(), quat(1, 0, 0, 0));
  pose.local_rotation[size_t(sk.find("tibia.l"))] = body::rotation_from_degrees(vec3(90, 0, 0));
  BodyFrame bent = body_frame(sk, body::make_landmarks(sk), pose);
  auto r = resolve(atlas, bent);
  REQUIRE(r.ok());
  check_resolved(*r, bent, atlas);
  auto straight = resolve(atlas, default_body_frame());
  REQUIRE(straight.ok());
  // The left heel has moved with the bent knee; the right one has not.
  CHECK(glm::length(r->station("sbl.l/calcaneus")->at.world -
                    straight->station("sbl.l/calcaneus")->at.world) > 0.2f);
  CHECK(glm::length(r->station("sbl.r/calcaneus")->at.world -
                    straight->station("sbl.r/calcaneus")->at.world) < 1e-5f);
  // Points attached to the heel keep their local offsets.
  CHECK(glm::length(r->station("sbl.l/calcaneus")->at.local -
                    straight->station("sbl.l/calcaneus")->at.local) < 1e-5f);
}

TEST_CASE("resolve: a body without a landmark is named in the error") {
  BodyFrame body = default_body_frame();
  auto own = body.landmark;
  body.landmark = [own](std::string_view id) -> std::optional<Placement> {
    if (id == "calcaneus.l") return std::nullopt;
    return own(id);
  };
  auto r = resolve(source_atlas(), body);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "body: landmark 'calcaneus.l' (needed by station 'sbl.l/calcaneus') is missing");
}

TEST_CASE("resolve: every id resolves on the fixture rigs through their retargeted landmarks") {
  fs::path shared = fascia::test::shared_dir();
  if (shared.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  fs::path models = shared / "fixtures" / "models";
  const Atlas& atlas = source_atlas();
  for (fs::path file : {models / "riggedfigure" / "RiggedFigure.glb",
                        models / "kenney_character_fbx" / "maya_kenney_character_7700_binary.fbx",
                        models / "makehuman_base" / "default.mhskel"}) {
    CAPTURE(file);
    auto model = body::import_model(file);
    REQUIRE_MESSAGE(model.ok(), model.error().message);
    BodyFrame body = body_frame(*model);
    auto r = resolve(atlas, body);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    check_resolved(*r, body, atlas);
    // The rig stands up: the back line spans most of its height, and left is left.
    float height = float(model->report.height_m);
    CHECK(r->station("sbl.l/brow_ridge")->at.world.y - r->station("sbl.l/toes_plantar")->at.world.y >
          0.75f * height);
    CHECK(r->station("sbl.l/calcaneus")->at.world.x > r->station("sbl.r/calcaneus")->at.world.x);
  }
}

TEST_CASE("resolve: the resolved atlas as JSON, for tools and for looking at") {
  auto r = resolve(source_atlas(), default_body_frame());
  REQUIRE(r.ok());
  Json j = resolved_json(*r);
  CHECK(j["format"] == "fascia-atlas-resolved/1");
  CHECK(j["stations"].size() == r->stations.size());
  CHECK(j["tracks"][0]["path"].size() == r->tracks[0].path.size());
  REQUIRE(write_file_atomic(fascia::test::output_dir() / "atlas_resolved_default.json", j.dump(1)).ok());
}

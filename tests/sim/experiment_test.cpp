// Experiments as inputs: --hold, --load, --release and --pose from the one pose library, their
// typed reports and their errors; the clinical ranges `fascia rom` is held to.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "sim/commands.h"
#include "sim/joint_ranges.h"
#include "sim/pose_library.h"
#include "sim/solver.h"
#include "sim/tissue_limits.h"

using namespace fascia;
using namespace fascia::sim;

constexpr double kDeg = 57.29577951308232;

TEST_CASE("sim experiment: --hold ankle.l=15 --hold knee.l=0 holds both and reports angles and torques") {
  const Model& m = default_model();
  SimOptions o;
  o.hold = {"ankle.l=15", "knee.l=0"};
  auto r = run_sim(m, o);
  REQUIRE(r.ok());
  const Data& d = r->result;
  CHECK(d.converged);
  int held = 0;
  for (int h = 0; h < m.nhinge; ++h) {
    if (!d.hinge_locked[h]) continue;
    held++;
    if (m.hinge_name[h] == "talus.l") {
      CHECK(d.hinge_q[h] * kDeg == doctest::Approx(15).epsilon(1e-6));
      // Dorsiflexing the ankle stretches the calf: it takes a torque to hold.
      CHECK(d.hinge_torque[h] > 1);
    }
    if (m.hinge_name[h] == "tibia.l") CHECK(d.hinge_q[h] == 0);
  }
  CHECK(held == 2);
  // Every node says where it sits relative to its bone point and along its track.
  for (int n = 0; n < m.nnode; ++n) {
    const NodeOffset off = node_offset(m, *r, n);
    REQUIRE(std::isfinite(off.along_track_mm));
    REQUIRE(std::abs(off.along_track_mm) <=
            std::hypot(off.from_bone_mm[0], off.from_bone_mm[1], off.from_bone_mm[2]) + 1e-9);
  }
  // Tracks are named in full.
  CHECK(full_track_name(m, find_track(m, "sbl.gastrocnemius.l")) ==
        "gastrocnemius + achilles tendon, left (sbl)");
}

TEST_CASE("sim experiment: --load pulls, --release relaxes, bad values exit 2 naming flag and range") {
  const Model& m = default_model();
  SimOptions pull;
  pull.load = {"biceps_femoris.l=40"};
  auto p = run_sim(m, pull);
  REQUIRE(p.ok());
  REQUIRE(p->result.loads.size() == 1);
  const double biceps = track_tension(m, *p, find_track(m, "biceps_femoris.l")).change;
  const double sacrotuberous = track_tension(m, *p, find_track(m, "sacrotuberous_ligament.l")).change;
  MESSAGE("40 N along the biceps femoris: its mean tension " << biceps << " N, sacrotuberous "
                                                             << sacrotuberous << " N");
  CHECK(std::abs(biceps) > 1);
  CHECK(sacrotuberous > 0.5);

  // A release relaxes the restriction: less added tension after 60 s than at once, none left at 600 s.
  auto calf_change = [&](const std::vector<std::string>& release) {
    SimOptions o;
    o.restrict = {"gastrocnemius.l=3,5"};
    o.release = release;
    auto r = run_sim(m, o);
    REQUIRE(r.ok());
    return track_tension(m, *r, find_track(m, "sbl.gastrocnemius.l")).change;
  };
  double now = calf_change({}), later = calf_change({"gastrocnemius.l=60"}),
         much_later = calf_change({"gastrocnemius.l=600"});
  MESSAGE("calf added tension: restricted " << now << " N, released 60 s " << later << " N, 600 s "
                                            << much_later << " N");
  CHECK(later < 0.2 * now);  // e^(-60/20) = 5 % of the restriction left
  CHECK(later > 0);
  CHECK(std::abs(much_later) < 0.01 * now);

  auto error_of = [&](SimOptions o) {
    auto r = run_sim(m, o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().exit_status() == 2);
    return r.error().message;
  };
  SimOptions a;
  a.hold = {"knee.l=200"};
  CHECK(error_of(a) == "--hold: knee.l: angle must be in [-5, 140] deg (flexion positive), got 200");
  SimOptions b;
  b.hold = {"ankle.l=-60"};
  CHECK(error_of(b) == "--hold: ankle.l: angle must be in [-50, 20] deg (dorsiflexion positive), got -60");
  SimOptions c;
  c.load = {"sacrum=500"};
  CHECK(error_of(c) == "--load: sacrum: force must be in [0, 200] N, got 500");
  SimOptions dd;
  dd.load = {"sacrum=5,sideways"};
  CHECK(error_of(dd).rfind("--load: sacrum: direction must be", 0) == 0);
  SimOptions e;
  e.release = {"gastrocnemius.l"};
  CHECK(error_of(e) == "--release: 'gastrocnemius.l' is not restricted (give it a --restrict first)");
  SimOptions f;
  f.restrict = {"gastrocnemius.l=2"};
  f.release = {"gastrocnemius.l=900"};
  CHECK(error_of(f) == "--release: gastrocnemius.l: time must be in [0, 600] s, got 900");
  SimOptions g;
  g.hold = {"tail=3"};
  CHECK(error_of(g).rfind("--hold: unknown joint 'tail'", 0) == 0);
}

TEST_CASE("sim experiment: --pose comes from the one library in assets/poses, as holds") {
  const Model& m = default_model();
  auto names = pose_names();
  for (const char* n :
       {"neutral", "squat", "walk", "forward_bend", "head_flexed", "knees_bent", "hips_flexed"}) {
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
  }
  // The squat bends hips and knees and dorsiflexes the ankles (clamped at the ankle's range).
  auto squat = pose_holds(m, "squat");
  REQUIRE(squat.ok());
  auto angle_of = [&](const std::vector<PoseHold>& holds, const char* hinge) {
    for (const PoseHold& h : holds)
      if (m.hinge_name[h.hinge] == hinge) return h.angle * 57.29577951308232;
    return 0.0;
  };
  CHECK(angle_of(*squat, "femur.l") == doctest::Approx(105).epsilon(0.01));
  CHECK(angle_of(*squat, "tibia.l") == doctest::Approx(110).epsilon(0.01));
  CHECK(angle_of(*squat, "talus.l") > 15);
  auto knees = pose_holds(m, "knees_bent");
  REQUIRE(knees.ok());
  CHECK(angle_of(*knees, "tibia.r") == doctest::Approx(60).epsilon(0.01));
  // Every library pose converges, and no tissue carries more than its failure load less one
  // standard deviation (sim/tissue_limits: Kitaoka 1994, Louis-Ugbo 2004, Noyes 1984; tissues
  // without a test of their own are held to the plantar aponeurosis's 945 N).
  for (const auto& n : names) {
    INFO(n);
    SimOptions o;
    o.pose = n;
    auto r = run_sim(m, o);
    REQUIRE(r.ok());
    CHECK(r->result.converged);
    double worst = 0;  // the largest share of its bound any track reaches
    std::string worst_track;
    for (int t = 0; t < m.ntrack; ++t) {
      const double share = track_tension(m, *r, t).max / track_force_bound(m, t);
      if (share > worst) worst = share, worst_track = m.track_name[t];
    }
    CAPTURE(worst_track);
    CHECK(worst < 1.0);
  }
  SimOptions bad;
  bad.pose = "cartwheel";
  CHECK(run_sim(m, bad).error().message.rfind("--pose: unknown pose 'cartwheel' (known: arm_raise,", 0) == 0);
}

// The clinical norms (engine/sim/README.md): AAOS after Greene & Heckman 1994, Norkin & White.
// Motions the model reaches within ±15 % today; the rest are listed in the README as not yet.
TEST_CASE("sim experiment: fascia rom lands within 15 % of the clinical norm") {
  const Model& m = default_model();
  struct Norm {
    const char* joint;
    const char* motion;
    double deg;
    const char* hold = "";
  };
  // Hip flexion 120° is measured with the knee bent (held at 90°); with the knee held straight the
  // hamstrings end it: a passive straight-leg raise, 80° (Kendall, Muscles: Testing and Function;
  // Youdas 2005, J Orthop Sports Phys Ther 35:246, 214 healthy adults) [S: to be checked].
  const Norm norms[] = {{"ankle.l", "dorsiflexion", 20},
                        {"knee.l", "flexion", 140},
                        {"hip.l", "flexion", 120, "knee.l=90"},
                        {"hip.l", "flexion", 80, "knee.l=0"},
                        {"hip.l", "extension", 30},
                        {"lumbar", "flexion", 50},
                        {"lumbar", "extension", 20},
                        {"shoulder.l", "flexion", 180},
                        {"shoulder.l", "extension", 60},
                        {"elbow.l", "flexion", 150},
                        {"wrist.l", "flexion", 80},
                        {"wrist.l", "extension", 70}};
  for (const Norm& n : norms) {
    RomOptions o;
    o.joint = n.joint;
    o.motion = n.motion;
    if (*n.hold) o.hold = {n.hold};
    auto r = run_rom(m, o);
    REQUIRE(r.ok());
    const double rom = r->result.angle * kDeg;
    MESSAGE(std::string(n.joint) << " " << std::string(n.motion) << " " << std::string(n.hold) << ": " << rom
                                 << " deg, norm " << n.deg);
    CHECK(r->result.reached);
    CHECK(rom > 0.85 * n.deg);
    CHECK(rom < 1.15 * n.deg);
  }
}

// The neck moves as one joint: each hinge takes its share of the region's range that way, so a hold
// at the range end puts every hinge at its own end (flexion 20 + 15 + 12), none past it.
TEST_CASE("sim experiment: --hold neck shares the angle by each hinge's range") {
  const Model& m = default_model();
  SimOptions o;
  o.hold = {"neck=47"};
  auto r = run_sim(m, o);
  REQUIRE(r.ok());
  const char* hinges[] = {"cervical_lower", "cervical_upper", "skull"};
  const double ends[] = {20, 15, 12};
  for (int i = 0; i < 3; ++i) {
    const int h = find_hinge(m, hinges[i]);
    REQUIRE(h >= 0);
    MESSAGE(hinges[i] << " " << r->result.hinge_q[h] * kDeg << " deg");
    CHECK(r->result.hinge_q[h] * kDeg == doctest::Approx(ends[i]).epsilon(1e-6));
  }
  o.hold = {"neck=-70"};
  auto e = run_sim(m, o);
  REQUIRE(e.ok());
  CHECK(e->result.hinge_q[find_hinge(m, "skull")] * kDeg == doctest::Approx(-20).epsilon(1e-6));
}

// The gastrocnemius arises above the knee (femoral condyles) and inserts on the calcaneus, so
// bending the knee slackens it (shared/science.md, two-joint tissues); ankle dorsiflexion with the
// knee bent is then at least the straight-knee range (the Silfverskiöld comparison; the published
// difference is not reached yet, see engine/sim/README.md).
TEST_CASE("sim experiment: bending the knee slackens the gastrocnemius and frees the ankle") {
  const Model& m = default_model();
  auto calf_at = [&](const char* knee) {
    SimOptions o;
    o.hold = {std::string("knee.l=") + knee};
    auto r = run_sim(m, o);
    REQUIRE(r.ok());
    return track_tension(m, *r, find_track(m, "sbl.gastrocnemius.l")).mean;
  };
  double straight = calf_at("0"), bent30 = calf_at("30"), bent90 = calf_at("90");
  MESSAGE("gastrocnemius mean tension: knee 0 deg " << straight << " N, 30 deg " << bent30 << " N, 90 deg "
                                                    << bent90 << " N");
  CHECK(bent30 < 0.5 * straight);
  CHECK(bent90 < 0.5 * straight);
  auto dorsiflexion = [&](const char* knee) {
    RomOptions o;
    o.joint = "ankle.l";
    o.hold = {std::string("knee.l=") + knee};
    auto r = run_rom(m, o);
    REQUIRE(r.ok());
    return r->result.angle * kDeg;
  };
  double dstraight = dorsiflexion("0"), dbent = dorsiflexion("90");
  MESSAGE("ankle dorsiflexion: knee straight " << dstraight << " deg, knee at 90 deg " << dbent << " deg");
  CHECK(dbent > dstraight);
}

TEST_CASE("sim tissue limits: cited failure loads by tissue, the weakest cited for the rest") {
  CHECK(tissue_limit("plantar_fascia.l").failure_N == 1189);
  CHECK(tissue_limit("plantar_fascia").bound_N() == 1189 - 244);
  CHECK(tissue_limit("achilles_tendon.r").failure_N == 1189);
  CHECK(tissue_limit("patellar_tendon").bound_N() == 2900 - 260);
  CHECK(tissue_limit("semitendinosus.l").bound_N() == 1216 - 50);
  CHECK(has_own_limit("biceps_femoris.l"));
  CHECK_FALSE(has_own_limit("rhomboids.l"));
  CHECK(tissue_limit("rhomboids.l").bound_N() == 1189 - 244);
  const Model& m = default_model();
  // A track is bound by the tissues with a test of their own: the calf by its Achilles tendon.
  const int calf = find_track(m, "sbl.gastrocnemius.l");
  REQUIRE(calf >= 0);
  CHECK(track_force_bound(m, calf) == 1189);
  CHECK(track_force_bound(m, find_track(m, "patellar_tendon.l")) == 2900 - 260);
}

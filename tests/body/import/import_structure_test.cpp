// Rigs whose names no table explains (a Blender metarig with a short spine, German names, numbered
// bones, chains shortened or padded): the skeleton's shape has to say which bone is which, and the
// report has to say how each joint was found and how sure it is.
#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "body/import/gltf_writer.h"
#include "body/import/import_model.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;
namespace fs = std::filesystem;

namespace {

fs::path out_dir() {
  fs::path d = test::output_dir() / "import_structure";
  fs::create_directories(d);
  return d;
}

// A rig written bone by bone, parents named.
struct RigBuilder {
  std::vector<test::TestBone> bones;
  std::map<std::string, int> index;
  void add(const std::string& name, const std::string& parent, vec3 p) {
    index[name] = static_cast<int>(bones.size());
    bones.push_back({name, parent.empty() ? -1 : index.at(parent), p});
  }
};

// The positions of test::humanoid (gltf_writer.cpp), by role, so these rigs stand like the others.
struct Roles {
  std::string hips, spine, chest, neck, head, crown;
  std::string shoulder[2], arm[2], forearm[2], hand[2], upleg[2], leg[2], foot[2], toe[2];
};

void add_humanoid(RigBuilder& b, const Roles& r, bool fingers) {
  b.add(r.hips, "", {0, 0.96f, 0});
  std::string below = r.hips;
  if (!r.spine.empty()) b.add(r.spine, below, {0, 1.08f, -0.03f}), below = r.spine;
  b.add(r.chest, below, {0, 1.30f, -0.04f});
  below = r.chest;
  if (!r.neck.empty()) b.add(r.neck, below, {0, 1.46f, -0.04f}), below = r.neck;
  b.add(r.head, below, {0, 1.58f, -0.01f});
  if (!r.crown.empty()) b.add(r.crown, r.head, {0, 1.73f, 0});
  for (int s = 0; s < 2; ++s) {
    const float x = s == 0 ? 1.0f : -1.0f;
    std::string from = r.chest;
    if (!r.shoulder[s].empty()) b.add(r.shoulder[s], from, {x * 0.03f, 1.43f, 0.02f}), from = r.shoulder[s];
    b.add(r.arm[s], from, {x * 0.18f, 1.42f, 0});
    b.add(r.forearm[s], r.arm[s], {x * 0.20f, 1.11f, -0.02f});
    b.add(r.hand[s], r.forearm[s], {x * 0.21f, 0.85f, 0});
    if (fingers)
      for (int f = 0; f < 3; ++f) {
        const std::string name = r.hand[s] + "_finger" + std::to_string(f);
        b.add(name + "a", r.hand[s], {x * 0.215f, 0.80f, 0.01f * f});
        b.add(name + "b", name + "a", {x * 0.22f, 0.76f, 0.01f * f});
      }
    b.add(r.upleg[s], r.hips, {x * 0.085f, 0.91f, 0});
    b.add(r.leg[s], r.upleg[s], {x * 0.09f, 0.50f, 0});
    b.add(r.foot[s], r.leg[s], {x * 0.095f, 0.08f, -0.01f});
    if (!r.toe[s].empty()) b.add(r.toe[s], r.foot[s], {x * 0.11f, 0.02f, 0.16f});
  }
}

ImportedModel import_rig(const std::string& file, const std::vector<test::TestBone>& bones) {
  const fs::path p = out_dir() / file;
  test::write_test_gltf(p, bones);
  auto r = import_model(p);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return *r;
}

const JointMatch* match(const ImportedModel& m, const std::string& canonical) {
  for (const JointMatch& j : m.report.mapped)
    if (j.canonical == canonical) return &j;
  return nullptr;
}

std::string source_of(const ImportedModel& m, const std::string& canonical) {
  const JointMatch* j = match(m, canonical);
  return j ? j->source : "(unmapped)";
}

// Every core joint where the roles put it, each found by the shape with a reason and a confidence.
void check_core_by_structure(const ImportedModel& m, const Roles& r) {
  CHECK(source_of(m, "pelvis") == r.hips);
  CHECK(source_of(m, "skull") == r.head);
  for (int s = 0; s < 2; ++s) {
    const std::string side = s == 0 ? ".l" : ".r";
    CAPTURE(side);
    CHECK(source_of(m, "femur" + side) == r.upleg[s]);
    CHECK(source_of(m, "tibia" + side) == r.leg[s]);
    CHECK(source_of(m, "talus" + side) == r.foot[s]);
    CHECK(source_of(m, "humerus" + side) == r.arm[s]);
    CHECK(source_of(m, "forearm" + side) == r.forearm[s]);
    CHECK(source_of(m, "hand" + side) == r.hand[s]);
  }
  CHECK(source_of(m, "thoracic_upper") == r.chest);
  for (const char* id : {"pelvis", "skull", "femur.l", "tibia.r", "humerus.l", "forearm.r"}) {
    CAPTURE(id);
    const JointMatch* j = match(m, id);
    REQUIRE(j != nullptr);
    if (j->method != "hierarchy") continue;  // a few names do match a table (German "Hand")
    CHECK(!j->how.empty());
    CHECK(j->confidence > 0.5f);
    CHECK(j->confidence <= 1.0f);
  }
  CHECK(m.joints[m.joint_of("femur.l")].position().x > 0.05f);
  CHECK(m.report.landmarks_placed >= 120);
}

}  // namespace

TEST_CASE("import structure: a Blender metarig whose head is the last bone of a short spine chain") {
  // spine (the pelvis) .. spine.005 (the head), the arms from spine.003: the Rigify table reads
  // spine.004 and spine.005 as neck bones and has no name for the head, which the shape supplies.
  Roles r{"spine",
          "spine.001",
          "spine.003",
          "spine.004",
          "spine.005",
          "spine.005_end",
          {"shoulder.L", "shoulder.R"},
          {"upper_arm.L", "upper_arm.R"},
          {"forearm.L", "forearm.R"},
          {"hand.L", "hand.R"},
          {"thigh.L", "thigh.R"},
          {"shin.L", "shin.R"},
          {"foot.L", "foot.R"},
          {"toe.L", "toe.R"}};
  RigBuilder b;
  add_humanoid(b, r, /*fingers=*/true);
  // A metarig's extras: the hip bones and the heels beside the legs, the breasts off the chest.
  b.add("spine.002", "spine.001", {0, 1.19f, -0.035f});
  b.bones[b.index["spine.003"]].parent = b.index["spine.002"];
  b.add("pelvis.L", "spine", {0.07f, 0.98f, 0.03f});
  b.add("pelvis.R", "spine", {-0.07f, 0.98f, 0.03f});
  b.add("heel.02.L", "shin.L", {0.095f, 0.0f, -0.05f});
  b.add("heel.02.R", "shin.R", {-0.095f, 0.0f, -0.05f});
  b.add("breast.L", "spine.003", {0.09f, 1.28f, 0.1f});
  b.add("breast.R", "spine.003", {-0.09f, 1.28f, 0.1f});
  // Parents must precede children in the file: the late spine.002 is fine as glTF nodes, but keep the
  // writer's parent-first order by moving it before spine.003.
  std::vector<test::TestBone> ordered;
  std::map<int, int> moved;
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(b.bones.size()); ++i)
    if (b.bones[i].name != "spine.002") order.push_back(i);
  order.insert(order.begin() + b.index["spine.003"], b.index["spine.002"]);
  for (size_t k = 0; k < order.size(); ++k) moved[order[k]] = static_cast<int>(k);
  for (int i : order) {
    test::TestBone bone = b.bones[i];
    bone.parent = bone.parent < 0 ? -1 : moved.at(bone.parent);
    ordered.push_back(bone);
  }

  ImportedModel m = import_rig("metarig_short_spine.gltf", ordered);
  CHECK(m.report.naming == "Rigify");
  check_core_by_structure(m, r);
  const JointMatch* skull = match(m, "skull");
  REQUIRE(skull != nullptr);
  CHECK(skull->method == "hierarchy");
  CHECK(skull->how.find("chain going up") != std::string::npos);
  CHECK(skull->confidence >= 0.8f);
  // The names still decide the rest: the femur by "thigh", the pelvis by "spine".
  CHECK(match(m, "femur.l")->method == "name");
  CHECK(match(m, "femur.l")->confidence == 1.0f);
  CHECK(source_of(m, "cervical_lower") == "spine.004");
  // The overruled name is reported.
  bool noted = false;
  for (const std::string& w : m.report.warnings)
    noted |= w.find("spine.005 is the skull by the skeleton's shape") == 0;
  CHECK(noted);
  // And the text report says how each joint was found.
  const std::string text = import_report_text(m);
  CHECK(text.find("skull <- spine.005 (" + skull->how + ", confidence") != std::string::npos);
  CHECK(text.find("femur.l <- thigh.L (name in the Rigify table, confidence 1.00)") != std::string::npos);
}

TEST_CASE("import structure: German bone names") {
  Roles r{"Becken",
          "Lendenwirbel",
          "Brustkorb",
          "Hals",
          "Kopf",
          "",
          {"Schluesselbein_links", "Schluesselbein_rechts"},
          {"Oberarm_links", "Oberarm_rechts"},
          {"Unterarm_links", "Unterarm_rechts"},
          {"Hand_links", "Hand_rechts"},
          {"Oberschenkel_links", "Oberschenkel_rechts"},
          {"Unterschenkel_links", "Unterschenkel_rechts"},
          {"Fuss_links", "Fuss_rechts"},
          {"Zehen_links", "Zehen_rechts"}};
  RigBuilder b;
  add_humanoid(b, r, /*fingers=*/true);
  ImportedModel m = import_rig("german.gltf", b.bones);
  check_core_by_structure(m, r);
  CHECK(source_of(m, "clavicle.l") == "Schluesselbein_links");
  CHECK(source_of(m, "toes.r") == "Zehen_rechts");
  CHECK(source_of(m, "cervical_lower") == "Hals");
  CHECK(match(m, "skull")->how == "topmost bone of the chain going up, at the height of a skull");
}

TEST_CASE("import structure: numbered bones with shortened chains (no clavicles, neck, toes or fingers)") {
  Roles r;
  int k = 0;
  auto next = [&] { return "Joint_" + std::to_string(100 + k++); };
  r.hips = next();
  r.chest = next();
  r.head = next();
  for (int s = 0; s < 2; ++s) {
    r.arm[s] = next(), r.forearm[s] = next(), r.hand[s] = next();
    r.upleg[s] = next(), r.leg[s] = next(), r.foot[s] = next();
  }
  RigBuilder b;
  add_humanoid(b, r, /*fingers=*/false);
  ImportedModel m = import_rig("numbered_short.gltf", b.bones);
  CHECK(m.report.naming == "none (mapped from the hierarchy)");
  check_core_by_structure(m, r);
  CHECK(source_of(m, "clavicle.l") == "(unmapped)");
  CHECK(source_of(m, "cervical_lower") == "(unmapped)");
  CHECK(source_of(m, "lumbar_3") == "(unmapped)");
  CHECK(match(m, "hand.l")->how == "an upper arm and a forearm from the shoulder");
  for (const JointMatch& j : m.report.mapped) CHECK(j.method == "hierarchy");
}

TEST_CASE("import structure: padded chains (a hip bone both legs hang from, twist bones, a crown)") {
  Roles r{"b_root",         "b_01",           "b_02",           "b_03",           "b_04",
          "b_05",           {"b_10", "b_20"}, {"b_11", "b_21"}, {"b_12", "b_22"}, {"b_13", "b_23"},
          {"b_14", "b_24"}, {"b_15", "b_25"}, {"b_16", "b_26"}, {"b_17", "b_27"}};
  RigBuilder b;
  add_humanoid(b, r, /*fingers=*/true);
  // A hip bone below the root that both thighs hang from, and twist bones in the upper arms.
  b.add("b_hipbone", "b_root", {0, 0.93f, 0});
  for (int s = 0; s < 2; ++s) {
    b.bones[b.index[r.upleg[s]]].parent = b.index["b_hipbone"];
    const float x = s == 0 ? 1.0f : -1.0f;
    b.add("b_twist" + std::to_string(s), r.arm[s], {x * 0.19f, 1.27f, -0.01f});
    b.bones[b.index[r.forearm[s]]].parent = b.index["b_twist" + std::to_string(s)];
  }
  // Keep parents first: move the extras where the writer needs them (hip bone before the thighs,
  // each twist between its arm and forearm), by rebuilding in a parent-first order.
  std::vector<int> order, seen(b.bones.size(), 0);
  std::function<void(int)> visit = [&](int i) {
    if (seen[i]) return;
    if (b.bones[i].parent >= 0) visit(b.bones[i].parent);
    seen[i] = 1;
    order.push_back(i);
  };
  for (int i = 0; i < static_cast<int>(b.bones.size()); ++i) visit(i);
  std::map<int, int> moved;
  for (size_t k = 0; k < order.size(); ++k) moved[order[k]] = static_cast<int>(k);
  std::vector<test::TestBone> ordered;
  for (int i : order) {
    test::TestBone bone = b.bones[i];
    bone.parent = bone.parent < 0 ? -1 : moved.at(bone.parent);
    ordered.push_back(bone);
  }
  ImportedModel m = import_rig("padded.gltf", ordered);
  check_core_by_structure(m, r);
  CHECK(source_of(m, "clavicle.r") == "b_20");
  CHECK(source_of(m, "cervical_lower") == "b_03");
  CHECK(source_of(m, "lumbar_3") == "b_01");
  CHECK(match(m, "pelvis")->how == "where the chain going up meets the bone joining the legs");
  CHECK(match(m, "skull")->how != "last bone of the chain going up");
}

TEST_CASE("import structure: what is not humanoid is refused with the reason from its shape") {
  struct Case {
    const char* name;
    std::vector<test::TestBone> bones;
    const char* reason;
  };
  // A snake: a chain along the floor.
  std::vector<test::TestBone> snake;
  for (int i = 0; i < 8; ++i)
    snake.push_back({"seg" + std::to_string(i), i - 1, vec3(0, 0.05f + 0.1f * i, 0.25f * i)});
  // A humanoid without arms.
  RigBuilder armless;
  armless.add("a", "", {0, 0.96f, 0});
  armless.add("b", "a", {0, 1.30f, -0.04f});
  armless.add("c", "b", {0, 1.58f, -0.01f});
  for (int s = 0; s < 2; ++s) {
    const float x = s == 0 ? 1.0f : -1.0f;
    const std::string n = std::to_string(s);
    armless.add("hip" + n, "a", {x * 0.085f, 0.91f, 0});
    armless.add("knee" + n, "hip" + n, {x * 0.09f, 0.50f, 0});
    armless.add("ankle" + n, "knee" + n, {x * 0.095f, 0.08f, -0.01f});
  }
  const std::vector<test::TestBone> no_arms = armless.bones;
  for (const Case& c :
       {Case{"snake.gltf", snake, "by its shape: no chain reaches the floor on the left (+X) side"},
        Case{"armless.gltf", no_arms,
             "by its shape: no chain reaches out to the left (+X) from the trunk"}}) {
    CAPTURE(c.name);
    const fs::path p = out_dir() / c.name;
    test::write_test_gltf(p, c.bones);
    auto res = import_model(p);
    REQUIRE_FALSE(res.ok());
    CHECK(res.error().exit_status() == 2);
    CHECK(res.error().message.find(p.string() + ": not a humanoid rig: no bone found for ") == 0);
    CHECK(res.error().message.find(c.reason) != std::string::npos);
  }
}

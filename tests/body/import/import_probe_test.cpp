#include <doctest/doctest.h>
#include <cstdio>
#include "body/import/import_model.h"
#include "body/import/import_test_util.h"
#include "support/test_support.h"
using namespace fascia;
TEST_CASE("import: probe distances") {
  auto m = test::shared_dir() / "fixtures/models";
  for (auto f : {m / "riggedfigure/RiggedFigure.glb", m / "kenney_character_fbx/maya_kenney_character_7700_binary.fbx", m / "makehuman_base/default.mhskel"}) {
    auto r = body::import_model(f);
    REQUIRE(r);
    float worst = 0; std::string wid; 
    for (auto& l : r->landmarks) {
      float ds = test::distance_to_surface(*r, l.position), db = test::distance_to_bones(*r, l.position);
      float d = std::min(ds, db);
      if (d > 0.04) printf("  %-36s surf %.3f bone %.3f  (%.3f %.3f %.3f)\n", l.id.c_str(), ds, db, l.position.x, l.position.y, l.position.z);
      if (d > worst) worst = d, wid = l.id;
    }
    printf("%s worst %.3f %s\n", f.filename().c_str(), worst, wid.c_str());
    for (auto id : {"pelvis","femur.l","tibia.l","talus.l","toes.l","skull","humerus.l","hand.l"}) { int j = r->joint_of(id); auto p = r->joints[j].position(); printf("   %s (%.3f %.3f %.3f)\n", id, p.x,p.y,p.z);}
  }
}

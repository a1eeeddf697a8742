#include <doctest/doctest.h>

#include <iostream>

#include "body/import/import_model.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

TEST_CASE("import: dump") {
  auto shared = test::shared_dir();
  if (shared.empty()) { MESSAGE("skipped: ../shared absent"); return; }
  auto m = shared / "fixtures/models";
  for (auto f : {m / "riggedfigure/RiggedFigure.glb", m / "riggedfigure/RiggedFigure.dae",
                 m / "kenney_character_fbx/maya_kenney_character_7700_binary.fbx",
                 m / "makehuman_base/default.mhskel", m / "makehuman_base/base.obj"}) {
    auto r = import_model(f);
    if (!r) { std::cout << "ERROR " << r.error().message << "\n"; continue; }
    std::cout << import_report_text(*r) << "\n";
  }
}

// The atlas's id lists agree with docs/ids.md, the file every part of the project names ids from.
#include "atlas/ids.h"

#include <regex>
#include <set>

#include "atlas_test_util.h"
#include "core/file_io.h"

using namespace fascia;
using namespace fascia::atlas;

namespace {

std::set<std::string> backticked(const std::string& text) {
  std::set<std::string> out;
  std::regex id("`([a-z0-9_]+)(\\.l/\\.r)?`");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), id); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

std::string section(const std::string& text, const std::string& from, const std::string& to) {
  size_t a = text.find(from);
  size_t b = text.find(to, a + from.size());
  REQUIRE(a != std::string::npos);
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

}  // namespace

TEST_CASE("atlas ids: landmarks and tissues are exactly those of docs/ids.md") {
  auto doc = read_file(fascia::test::tests_dir() / ".." / "docs" / "ids.md");
  REQUIRE(doc.ok());
  std::string added = section(*doc, "## Added by the atlas", "\n## ");
  std::set<std::string> landmarks = backticked(section(*doc, "## Landmarks", "## Tissues"));
  std::set<std::string> tissues = backticked(section(*doc, "## Tissues", "## Added by the atlas"));
  std::set<std::string> added_ids = backticked(added);
  for (const char* extra : {"umbilicus", "scalp_vertex"}) {
    CHECK(added_ids.count(extra));
    landmarks.insert(extra);
  }
  for (const char* extra : {"radial_collateral_ligament", "ulnar_collateral_ligament"}) {
    CHECK(added_ids.count(extra));
    tissues.insert(extra);
  }

  std::set<std::string> ours;
  for (const auto& l : landmark_ids()) ours.insert(l.id);
  CHECK(ours == landmarks);
  CHECK(ours.size() == 74);

  std::set<std::string> our_tissues;
  for (const auto& t : tissue_ids()) our_tissues.insert(t.id);
  CHECK(our_tissues == tissues);

  // Pairing and bones as docs/ids.md gives them.
  REQUIRE(find_landmark("calcaneus"));
  CHECK(find_landmark("calcaneus")->paired);
  CHECK(find_landmark("calcaneus")->joint == "heel");
  CHECK_FALSE(find_landmark("sacrum")->paired);
  CHECK(find_landmark("sacrum")->joint == "pelvis");
  CHECK(find_landmark("thumb_lateral")->joint == "thumb_3");
  CHECK_FALSE(find_tissue("linea_alba")->paired);
  CHECK(find_tissue("erector_spinae")->paired);
  CHECK(find_landmark("calcaneum") == nullptr);
}

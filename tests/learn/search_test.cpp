#include "learn/search.h"

#include <doctest/doctest.h>

#include <set>

#include "learn_test_util.h"

using namespace fascia;
using namespace fascia::learn;

namespace {
const SearchIndex& index() {
  static const SearchIndex i(learn_test::shipped_anatomy(), learn_test::shipped_atlas());
  return i;
}
bool finds(const std::string& query, const std::string& id, size_t within = 3) {
  const auto hits = index().find(query, within);
  for (const SearchHit& h : hits)
    if (h.id == id) return true;
  return false;
}
}  // namespace

TEST_CASE("search: by name, best match first") {
  const auto hits = index().find("gastrocnemius");
  REQUIRE(!hits.empty());
  CHECK(hits[0].id == "gastrocnemius");
  CHECK(hits[0].kind == IdKind::Tissue);
  CHECK(hits[0].name == "Gastrocnemius");
  CHECK(finds("gastrocnemius", "sbl.gastrocnemius"));  // the track follows the muscle
  CHECK(index().find("superficial back")[0].id == "sbl");
  CHECK(index().find("SUPERFICIAL BACK LINE")[0].id == "sbl");
}

TEST_CASE("search: by synonym and common words") {
  CHECK(finds("hamstrings", "biceps_femoris"));
  CHECK(finds("hamstrings", "semitendinosus", 6));
  CHECK(finds("calf", "gastrocnemius"));
  CHECK(finds("IT band", "iliotibial_tract"));
  CHECK(finds("it band", "iliotibial_tract"));
  CHECK(finds("shin bone", "tibia"));
  CHECK(finds("sitting bone", "sbl.l/ischial_tuberosity", 6));
  CHECK(finds("SBL", "sbl"));
  const auto calf = index().find("calf");
  REQUIRE(!calf.empty());
  CHECK(calf[0].matched == "calf");
}

TEST_CASE("search: blank queries find nothing, the limit holds") {
  CHECK(index().find("").empty());
  CHECK(index().find("   ").empty());
  CHECK(index().find("zzzzqqq").empty());
  CHECK(index().find("a", 5).size() == 5);
  CHECK(index().size() > 250);
}

TEST_CASE("search: a muscle and the track named after it are listed once") {
  for (const char* q : {"hamstrings", "biceps femoris", "gastrocnemius", "erector"}) {
    CAPTURE(q);
    const std::vector<SearchHit> hits = index().find(q, 10);
    REQUIRE_FALSE(hits.empty());
    std::set<std::string> names;
    for (const SearchHit& h : hits) CHECK_MESSAGE(names.insert(h.name).second, h.name << " twice");
  }
  // The muscle is the one kept.
  const std::vector<SearchHit> biceps = index().find("biceps femoris", 10);
  CHECK(biceps.front().kind == IdKind::Tissue);
}

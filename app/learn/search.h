#pragma once
// Type-ahead search over lines, stations, tracks, muscles and bones by name and synonym
// ("hamstrings", "calf", "IT band"). Case-insensitive; names that start with the query rank above
// names that contain it, and both above synonyms and descriptions.
#include <string>
#include <string_view>
#include <vector>

#include "atlas/atlas.h"
#include "learn/anatomy.h"
#include "learn/describe.h"

namespace fascia::learn {

struct SearchHit {
  std::string id;  // what to select: "sbl", "sbl.l/calcaneus", "biceps_femoris", "gastrocnemius", "femur"
  IdKind kind = IdKind::Unknown;
  std::string name;     // full name
  std::string matched;  // the synonym or text that matched, when not the name
  int rank = 0;         // lower is better
};

class SearchIndex {
 public:
  SearchIndex(const Anatomy& anatomy, const atlas::Atlas& atlas);
  // At most `limit` hits, best first; an empty or blank query finds nothing.
  std::vector<SearchHit> find(std::string_view query, size_t limit = 12) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string id;
    IdKind kind;
    std::string name, name_lower;
    std::vector<std::string> synonyms, synonyms_lower;
    std::string description_lower;
  };
  std::vector<Entry> entries_;
};

std::string to_lower(std::string_view s);

}  // namespace fascia::learn

#include "learn/search.h"

#include <algorithm>
#include <set>

namespace fascia::learn {
namespace {

bool word_start(const std::string& text, size_t pos) {
  return pos == 0 || text[pos - 1] == ' ' || text[pos - 1] == '(' || text[pos - 1] == '-';
}

// 0: the text starts with the query; 1: a word in it does; 2: it contains it; -1: no match.
int match(const std::string& text, const std::string& q) {
  const size_t pos = text.find(q);
  if (pos == std::string::npos) return -1;
  if (pos == 0) return 0;
  for (size_t p = pos; p != std::string::npos; p = text.find(q, p + 1))
    if (word_start(text, p)) return 1;
  return 2;
}

}  // namespace

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

SearchIndex::SearchIndex(const Anatomy& anatomy, const atlas::Atlas& atlas) {
  auto add = [&](std::string id, IdKind kind, std::string name, const AnatomyEntry* e) {
    Entry x{std::move(id), kind, std::move(name), "", {}, {}, ""};
    x.name_lower = to_lower(x.name);
    if (e) {
      x.synonyms = e->synonyms;
      for (const std::string& s : e->synonyms) x.synonyms_lower.push_back(to_lower(s));
      x.description_lower = to_lower(e->description);
    }
    entries_.push_back(std::move(x));
  };
  for (const atlas::Line& l : atlas.lines)
    add(l.id, IdKind::Line, display_name(anatomy, atlas, l.id), anatomy.find(EntryKind::Line, l.id));
  // A station is found through its landmark, once per line (on the left side; the window may mirror).
  for (const atlas::Line& l : atlas.lines)
    for (const atlas::Point& p : l.points) {
      const std::string id = l.id + ".l/" + p.id;
      const AnatomyEntry* e =
          p.landmarks.empty() ? nullptr : anatomy.find(EntryKind::Landmark, p.landmarks.front());
      add(id, IdKind::Station, display_name(anatomy, atlas, id) + " · " + l.name, e);
    }
  for (const atlas::Track& t : atlas.tracks)
    add(t.id, IdKind::Track, display_name(anatomy, atlas, t.id), anatomy.find(EntryKind::Track, t.id));
  for (const AnatomyEntry& e : anatomy.entries) {
    if (e.kind == EntryKind::Tissue) add(e.id, IdKind::Tissue, e.name, &e);
    if (e.kind == EntryKind::Bone) add(e.id, IdKind::Bone, e.name, &e);
  }
}

std::vector<SearchHit> SearchIndex::find(std::string_view query, size_t limit) const {
  std::string q = to_lower(query);
  while (!q.empty() && q.back() == ' ') q.pop_back();
  while (!q.empty() && q.front() == ' ') q.erase(q.begin());
  std::vector<SearchHit> hits;
  if (q.empty()) return hits;
  for (const Entry& e : entries_) {
    int best = -1;
    std::string matched;
    if (int m = match(e.name_lower, q); m >= 0) best = m;
    for (size_t i = 0; i < e.synonyms_lower.size(); ++i)
      if (int m = match(e.synonyms_lower[i], q); m >= 0 && (best < 0 || 3 + m < best)) {
        best = 3 + m;
        matched = e.synonyms[i];
      }
    if (best < 0 && q.size() >= 3 && e.description_lower.find(q) != std::string::npos) {
      best = 6;
      matched = "(description)";
    }
    if (best < 0) continue;
    // Muscles and lines before the tracks and stations named after them: a student typing
    // "gastrocnemius" means the muscle first.
    const int kind_rank = e.kind == IdKind::Tissue || e.kind == IdKind::Line ? 0
                          : e.kind == IdKind::Track                          ? 1
                          : e.kind == IdKind::Bone                           ? 2
                                                                             : 3;
    hits.push_back({e.id, e.kind, e.name, matched, best * 10 + kind_rank});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.name.size() < b.name.size();
  });
  // A muscle and the track named after it read alike in the list ("Biceps femoris" twice): the
  // better-ranked one (the muscle) stays; selecting it highlights the track's line as well.
  std::set<std::string> names;
  hits.erase(std::remove_if(hits.begin(), hits.end(),
                            [&](const SearchHit& h) { return !names.insert(h.name).second; }),
             hits.end());
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace fascia::learn

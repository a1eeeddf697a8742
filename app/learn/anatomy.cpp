#include "learn/anatomy.h"

#include <algorithm>
#include <set>

#include "atlas/ids.h"
#include "core/file_io.h"
#include "core/json.h"

namespace fascia::learn {
namespace {

constexpr std::pair<EntryKind, const char*> kFiles[] = {{EntryKind::Line, "lines.json"},
                                                        {EntryKind::Track, "tracks.json"},
                                                        {EntryKind::Tissue, "tissues.json"},
                                                        {EntryKind::Landmark, "landmarks.json"},
                                                        {EntryKind::Bone, "bones.json"}};
constexpr const char* kTissueKinds[] = {"muscle", "tendon", "ligament", "fascia"};

Result<EntryKind> kind_from(const JsonCursor& c) {
  auto s = c.string();
  if (!s) return s.error();
  for (auto k : {EntryKind::Line, EntryKind::Track, EntryKind::Tissue, EntryKind::Landmark, EntryKind::Bone})
    if (*s == to_string(k)) return k;
  return c.error("unknown kind \"" + *s + "\" (expected line, track, tissue, landmark or bone)");
}

Result<std::vector<std::string>> string_list(const JsonCursor& parent, std::string_view key, bool required) {
  std::vector<std::string> out;
  if (!parent.has(key)) {
    if (required) return parent.error("missing \"" + std::string(key) + "\"");
    return out;
  }
  auto list = parent.field(key);
  if (!list) return list.error();
  auto n = list->array_size();
  if (!n) return n.error();
  for (size_t i = 0; i < *n; ++i) {
    auto item = list->at(i);
    if (!item) return item.error();
    auto s = item->string();
    if (!s) return s.error();
    if (s->empty()) return item->error("empty string");
    out.push_back(*s);
  }
  return out;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s);
  out += '"';
  return out;
}

// A required, non-empty text field.
Result<std::string> text_field(const JsonCursor& c, std::string_view key) {
  auto s = c.string_field(key);
  if (!s) return s.error();
  if (s->empty()) return c.error(quoted(key) + " is empty");
  return s;
}

Result<AnatomyEntry> parse_entry(const JsonCursor& c, EntryKind kind) {
  FASCIA_TRY(c.expect_object());
  AnatomyEntry e;
  e.kind = kind;
  e.file = c.file();
  e.json_path = c.path();
  auto id = text_field(c, "id");
  if (!id) return id.error();
  e.id = *id;
  // Tracks take their name from the atlas unless the entry gives one.
  if (kind != EntryKind::Track || c.has("name")) {
    auto name = text_field(c, "name");
    if (!name) return name.error();
    e.name = *name;
  }
  auto description = text_field(c, "description");
  if (!description) return description.error();
  e.description = *description;
  auto synonyms = string_list(c, "synonyms", false);
  if (!synonyms) return synonyms.error();
  e.synonyms = *synonyms;
  auto sources = string_list(c, "sources", true);
  if (!sources) return sources.error();
  if (sources->empty()) return c.error("\"sources\" is empty: cite where the text comes from");
  e.sources = *sources;
  if (kind == EntryKind::Tissue) {
    auto tk = text_field(c, "kind");
    if (!tk) return tk.error();
    if (std::find(std::begin(kTissueKinds), std::end(kTissueKinds), *tk) == std::end(kTissueKinds))
      return c.error("unknown tissue kind \"" + *tk + "\" (expected muscle, tendon, ligament or fascia)");
    e.tissue_kind = *tk;
    if (e.tissue_kind == "muscle") {
      for (auto [key, out] : {std::pair{"origin", &e.origin}, std::pair{"insertion", &e.insertion},
                              std::pair{"action", &e.action}}) {
        auto v = text_field(c, key);
        if (!v) return v.error();
        *out = *v;
      }
    }
  }
  return e;
}

}  // namespace

const char* to_string(EntryKind k) {
  switch (k) {
    case EntryKind::Line:
      return "line";
    case EntryKind::Track:
      return "track";
    case EntryKind::Tissue:
      return "tissue";
    case EntryKind::Landmark:
      return "landmark";
    case EntryKind::Bone:
      return "bone";
  }
  return "?";
}

std::string strip_side(std::string_view id) {
  return side_of(id) ? std::string(id.substr(0, id.size() - 2)) : std::string(id);
}

char side_of(std::string_view id) {
  if (id.size() > 2 && id[id.size() - 2] == '.' && (id.back() == 'l' || id.back() == 'r')) return id.back();
  return 0;
}

const AnatomyEntry* Anatomy::find(EntryKind kind, std::string_view id) const {
  const std::string base = strip_side(id);
  for (const AnatomyEntry& e : entries)
    if (e.kind == kind && e.id == base) return &e;
  return nullptr;
}

Status parse_anatomy_file(std::string_view text, const std::string& file, Anatomy& into) {
  auto doc = parse_json(text, file);
  if (!doc) return doc.error();
  JsonCursor root(*doc, file);
  FASCIA_TRY(root.expect_object());
  auto kind_c = root.field("kind");
  if (!kind_c) return kind_c.error();
  auto kind = kind_from(*kind_c);
  if (!kind) return kind.error();
  auto list = root.field("entries");
  if (!list) return list.error();
  auto n = list->array_size();
  if (!n) return n.error();
  std::set<std::string> seen;
  for (const AnatomyEntry& e : into.entries)
    if (e.kind == *kind) seen.insert(e.id);
  for (size_t i = 0; i < *n; ++i) {
    auto item = list->at(i);
    if (!item) return item.error();
    auto e = parse_entry(*item, *kind);
    if (!e) return e.error();
    if (!seen.insert(e->id).second) return item->error("\"" + e->id + "\" is described twice");
    into.entries.push_back(std::move(*e));
  }
  return ok_status();
}

Result<Anatomy> load_anatomy(const std::filesystem::path& dir) {
  Anatomy out;
  {
    const std::string file = (dir / "sources.json").string();
    auto text = read_file(file);
    if (!text) return text.error();
    auto doc = parse_json(*text, file);
    if (!doc) return doc.error();
    JsonCursor root(*doc, file);
    auto sources = root.field("sources");
    if (!sources) return sources.error();
    FASCIA_TRY(sources->expect_object());
    for (const auto& [key, value] : sources->json().items()) {
      JsonCursor v(value, file, sources->path() + "." + key);
      auto s = v.string();
      if (!s) return s.error();
      out.sources[key] = *s;
    }
  }
  for (const auto& [kind, name] : kFiles) {
    const std::string file = (dir / name).string();
    auto text = read_file(file);
    if (!text) return text.error();
    FASCIA_TRY(parse_anatomy_file(*text, file, out));
  }
  for (const AnatomyEntry& e : out.entries)
    for (const std::string& s : e.sources)
      if (!out.sources.count(s))
        return json_error(e.file, e.json_path + ".sources", "source \"" + s + "\" is not in sources.json");
  return out;
}

std::vector<std::string> missing_entries(const Anatomy& anatomy, const atlas::Atlas& atlas) {
  std::vector<std::string> missing;
  auto need = [&](EntryKind kind, const std::string& id) {
    if (!anatomy.find(kind, id)) missing.push_back(std::string(to_string(kind)) + " " + id);
  };
  for (const atlas::Line& l : atlas.lines) {
    need(EntryKind::Line, l.id);
    for (const atlas::Point& p : l.points)
      if (!p.landmarks.empty()) need(EntryKind::Landmark, p.landmarks.front());
  }
  for (const atlas::Track& t : atlas.tracks) need(EntryKind::Track, t.id);
  for (const atlas::TissueId& t : atlas::tissue_ids()) need(EntryKind::Tissue, t.id);
  for (const atlas::LandmarkId& l : atlas::landmark_ids()) need(EntryKind::Landmark, l.id);
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  return missing;
}

}  // namespace fascia::learn

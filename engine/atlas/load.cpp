// Reading the atlas files: types and shapes here; the cross-checks between parts in validate.cpp.
#include <algorithm>
#include <set>

#include "atlas/atlas.h"
#include "atlas/ids.h"
#include "atlas/validate.h"
#include "core/file_io.h"
#include "core/json.h"

namespace fascia::atlas {
namespace fs = std::filesystem;

namespace {

// Fields a JSON object may carry; anything else is a typo worth reporting.
Status allow_fields(const JsonCursor& c, std::initializer_list<std::string_view> allowed) {
  FASCIA_TRY(c.expect_object());
  for (const auto& [key, _] : c.json().items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      return c.error("unknown field '" + key + "'");
  }
  return ok_status();
}

Result<std::vector<std::string>> string_list(const JsonCursor& c, bool allow_empty = false) {
  auto n = c.array_size();
  if (!n) return n.error();
  if (*n == 0 && !allow_empty) return c.error("expected a non-empty array");
  std::vector<std::string> out;
  for (size_t i = 0; i < *n; ++i) {
    auto s = c.at(i)->string();
    if (!s) return s.error();
    if (s->empty()) return c.at(i)->error("expected a non-empty string");
    out.push_back(std::move(*s));
  }
  return out;
}

Result<std::vector<std::string>> string_list_field(const JsonCursor& c, std::string_view key,
                                                   bool allow_empty = false) {
  auto f = c.field(key);
  if (!f) return f.error();
  return string_list(*f, allow_empty);
}

Result<std::string> nonempty_string_field(const JsonCursor& c, std::string_view key) {
  auto s = c.string_field(key);
  if (!s) return s;
  if (s->empty()) return c.field(key)->error("expected a non-empty string");
  return s;
}

template <typename E, size_t N>
Result<E> enum_field(const JsonCursor& c, std::string_view key, const E (&values)[N], E fallback,
                     bool required) {
  if (!required && !c.has(key)) return fallback;
  auto s = c.string_field(key);
  if (!s) return s.error();
  std::string expected;
  for (E v : values) {
    if (*s == to_string(v)) return v;
    expected += expected.empty() ? "" : ", ";
    expected += to_string(v);
  }
  return c.field(key)->error("'" + *s + "' is not one of " + expected);
}

Status check_landmark(const JsonCursor& c, const std::string& id) {
  if (!find_landmark(id)) return c.error("unknown landmark id '" + id + "' (see docs/ids.md)");
  return ok_status();
}

Result<Track> parse_track(const JsonCursor& c, bool shared) {
  FASCIA_TRY(allow_fields(c, {"id", "name", "tissues", "from", "to", "via", "lines", "lateral_offset"}));
  Track t;
  t.file = c.file();
  t.json_path = c.path();
  t.shared = shared;
  auto id = nonempty_string_field(c, "id");
  if (!id) return id.error();
  t.id = *id;
  auto name = nonempty_string_field(c, "name");
  if (!name) return name.error();
  t.name = *name;
  auto tissues = string_list_field(c, "tissues");
  if (!tissues) return tissues.error();
  for (size_t i = 0; i < tissues->size(); ++i) {
    if (!find_tissue((*tissues)[i]))
      return c.field("tissues")->at(i)->error("unknown tissue id '" + (*tissues)[i] + "' (see docs/ids.md)");
  }
  t.tissues = *tissues;
  for (auto [key, dst] : {std::pair{"from", &t.from}, std::pair{"to", &t.to}}) {
    auto s = nonempty_string_field(c, key);
    if (!s) return s.error();
    FASCIA_TRY(check_landmark(*c.field(key), *s));
    *dst = *s;
  }
  if (c.has("via")) {
    auto via = string_list_field(c, "via");
    if (!via) return via.error();
    for (size_t i = 0; i < via->size(); ++i) FASCIA_TRY(check_landmark(*c.field("via")->at(i), (*via)[i]));
    t.via = *via;
  }
  if (t.from == t.to) return c.error("track '" + t.id + "' begins and ends at '" + t.from + "'");
  if (shared) {
    auto lines = string_list_field(c, "lines");
    if (!lines) return lines.error();
    t.lines = *lines;
  } else if (c.has("lines")) {
    return c.field("lines")->error("a line's own track belongs to that line; list lines only in tracks.json");
  }
  auto offset = c.number_field_or("lateral_offset", 0.0);
  if (!offset) return offset.error();
  if (*offset < 0 || *offset > 0.2) return c.field("lateral_offset")->error("expected metres in [0, 0.2]");
  t.lateral_offset = *offset;
  return t;
}

Result<Evidence> parse_evidence(const JsonCursor& c) {
  FASCIA_TRY(allow_fields(c, {"grade", "sources", "force_transfer", "assessed_as", "assessed_in", "note"}));
  Evidence e;
  constexpr Grade grades[] = {Grade::Strong, Grade::Moderate, Grade::Limited, Grade::None,
                              Grade::NotAssessed};
  auto g = enum_field(c, "grade", grades, Grade::NotAssessed, true);
  if (!g) return g.error();
  e.grade = *g;
  constexpr ForceTransfer transfers[] = {ForceTransfer::Shown, ForceTransfer::NotShown,
                                         ForceTransfer::NotExamined};
  auto f = enum_field(c, "force_transfer", transfers, ForceTransfer::NotExamined, true);
  if (!f) return f.error();
  e.force_transfer = *f;
  auto sources = string_list_field(c, "sources");
  if (!sources) return sources.error();
  e.sources = *sources;
  for (auto [key, dst] : {std::pair{"assessed_as", &e.assessed_as}, std::pair{"assessed_in", &e.assessed_in},
                          std::pair{"note", &e.note}}) {
    auto s = c.string_field_or(key, "");
    if (!s) return s.error();
    *dst = *s;
  }
  return e;
}

Result<Continuity> parse_continuity(const JsonCursor& c) {
  FASCIA_TRY(allow_fields(c, {"joint", "motion", "full_below_deg", "none_above_deg", "note"}));
  Continuity k;
  auto joint = nonempty_string_field(c, "joint");
  if (!joint) return joint.error();
  k.joint = *joint;
  auto motion = nonempty_string_field(c, "motion");
  if (!motion) return motion.error();
  k.motion = *motion;
  auto full = c.field("full_below_deg");
  if (!full) return full.error();
  auto full_v = full->number_in(-180, 180);
  if (!full_v) return full_v.error();
  auto none = c.field("none_above_deg");
  if (!none) return none.error();
  auto none_v = none->number_in(-180, 180);
  if (!none_v) return none_v.error();
  if (*none_v <= *full_v)
    return none->error("none_above_deg must be greater than full_below_deg (" + std::to_string(*full_v) +
                       ")");
  k.full_below_deg = *full_v;
  k.none_above_deg = *none_v;
  auto note = c.string_field_or("note", "");
  if (!note) return note.error();
  k.note = *note;
  return k;
}

Result<LineText> parse_text(const JsonCursor& c) {
  FASCIA_TRY(allow_fields(c, {"what", "movement", "stretches", "when_short", "feels"}));
  LineText t;
  for (auto [key, dst] :
       {std::pair{"what", &t.what}, std::pair{"movement", &t.movement}, std::pair{"stretches", &t.stretches},
        std::pair{"when_short", &t.when_short}, std::pair{"feels", &t.feels}}) {
    auto f = c.field(key);
    if (!f) return f.error();
    FASCIA_TRY(allow_fields(*f, {"student", "client"}));
    auto student = nonempty_string_field(*f, "student");
    if (!student) return student.error();
    auto client = nonempty_string_field(*f, "client");
    if (!client) return client.error();
    *dst = Text{*student, *client};
  }
  return t;
}

Result<Point> parse_point(const JsonCursor& c) {
  FASCIA_TRY(allow_fields(c, {"id", "kind", "name", "landmarks", "side", "crossing"}));
  Point p;
  auto id = nonempty_string_field(c, "id");
  if (!id) return id.error();
  p.id = *id;
  constexpr PointKind kinds[] = {PointKind::Station, PointKind::Junction};
  auto kind = enum_field(c, "kind", kinds, PointKind::Station, true);
  if (!kind) return kind.error();
  p.kind = *kind;
  auto name = nonempty_string_field(c, "name");
  if (!name) return name.error();
  p.name = *name;
  auto landmarks = string_list_field(c, "landmarks");
  if (!landmarks) return landmarks.error();
  for (size_t i = 0; i < landmarks->size(); ++i)
    FASCIA_TRY(check_landmark(*c.field("landmarks")->at(i), (*landmarks)[i]));
  p.landmarks = *landmarks;
  constexpr Side sides[] = {Side::Ipsilateral, Side::Contralateral};
  auto side = enum_field(c, "side", sides, Side::Ipsilateral, false);
  if (!side) return side.error();
  p.side = *side;
  auto crossing = c.bool_field_or("crossing", false);
  if (!crossing) return crossing.error();
  p.crossing = *crossing;
  return p;
}

Result<Step> parse_step(const JsonCursor& c) {
  FASCIA_TRY(allow_fields(c, {"from", "to", "tracks", "branch", "mechanical_only"}));
  Step s;
  auto from = nonempty_string_field(c, "from");
  if (!from) return from.error();
  auto to = nonempty_string_field(c, "to");
  if (!to) return to.error();
  s.from = *from;
  s.to = *to;
  auto mech = c.bool_field_or("mechanical_only", false);
  if (!mech) return mech.error();
  s.mechanical_only = *mech;
  auto tracks = string_list_field(c, "tracks", /*allow_empty=*/true);
  if (!tracks) return tracks.error();
  s.tracks = *tracks;
  if (s.mechanical_only && !s.tracks.empty())
    return c.field("tracks")->error("a mechanical-only link has no tracks");
  if (!s.mechanical_only && s.tracks.empty())
    return c.field("tracks")->error("a step needs at least one track, or \"mechanical_only\": true");
  auto branch = c.string_field_or("branch", "");
  if (!branch) return branch.error();
  s.branch = *branch;
  return s;
}

// Each element of the array `key` of `c`, parsed by `parse`.
template <typename T, typename F>
Result<std::vector<T>> parse_array(const JsonCursor& c, std::string_view key, F parse) {
  auto arr = c.field(key);
  if (!arr) return arr.error();
  auto n = arr->array_size();
  if (!n) return n.error();
  std::vector<T> out;
  for (size_t i = 0; i < *n; ++i) {
    auto item = parse(*arr->at(i));
    if (!item) return item.error();
    out.push_back(std::move(*item));
  }
  return out;
}

Result<Line> parse_line(const JsonCursor& c, std::vector<Track>& tracks) {
  FASCIA_TRY(allow_fields(c, {"id", "name", "points", "tracks", "steps", "transitions", "text"}));
  Line line;
  line.file = c.file();
  auto id = nonempty_string_field(c, "id");
  if (!id) return id.error();
  line.id = *id;
  std::string stem = fs::path(c.file()).stem().string();
  if (line.id != stem)
    return c.field("id")->error("line id '" + line.id + "' does not match the file name '" + stem + ".json'");
  auto name = nonempty_string_field(c, "name");
  if (!name) return name.error();
  line.name = *name;

  auto points = parse_array<Point>(c, "points", parse_point);
  if (!points) return points.error();
  line.points = std::move(*points);

  if (c.has("tracks")) {
    auto own = parse_array<Track>(c, "tracks", [](const JsonCursor& t) { return parse_track(t, false); });
    if (!own) return own.error();
    for (auto& t : *own) {
      t.lines = {line.id};
      tracks.push_back(std::move(t));
    }
  }
  auto steps = parse_array<Step>(c, "steps", parse_step);
  if (!steps) return steps.error();
  line.steps = std::move(*steps);

  auto transitions = parse_array<Transition>(c, "transitions", [](const JsonCursor& t) -> Result<Transition> {
    FASCIA_TRY(allow_fields(t, {"at", "evidence", "continuity"}));
    Transition tr;
    auto at = nonempty_string_field(t, "at");
    if (!at) return at.error();
    tr.at = *at;
    auto ev = t.field("evidence");
    if (!ev) return ev.error();
    auto e = parse_evidence(*ev);
    if (!e) return e.error();
    tr.evidence = std::move(*e);
    if (t.has("continuity")) {
      auto k = parse_continuity(*t.field("continuity"));
      if (!k) return k.error();
      tr.continuity = std::move(*k);
    }
    return tr;
  });
  if (!transitions) return transitions.error();
  line.transitions = std::move(*transitions);

  auto text = c.field("text");
  if (!text) return text.error();
  auto t = parse_text(*text);
  if (!t) return t.error();
  line.text = std::move(*t);
  return line;
}

using Files = std::map<std::string, std::string>;
using Docs = std::map<std::string, Json>;

// Where parsing finds each file's document: parsed from its text when first asked for (so the
// first broken file in reading order is the one reported), or handed over already parsed.
class DocSource {
 public:
  DocSource(const fs::path& dir, const Files* texts, const Docs* docs)
      : dir_(dir), texts_(texts), docs_(docs) {}

  const fs::path& dir() const { return dir_; }
  bool has(const std::string& name) const { return texts_ ? texts_->count(name) : docs_->count(name); }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    if (texts_)
      for (const auto& [n, t] : *texts_) out.push_back(n);
    else
      for (const auto& [n, d] : *docs_) out.push_back(n);
    return out;
  }
  Result<const Json*> get(const std::string& name) {
    if (!has(name)) return bad_input((dir_ / name).string() + ": cannot open: No such file or directory");
    if (docs_) return &docs_->at(name);
    auto it = parsed_.find(name);
    if (it == parsed_.end()) {
      auto doc = parse_json(texts_->at(name), (dir_ / name).string());
      if (!doc) return doc.error();
      it = parsed_.emplace(name, std::move(*doc)).first;
    }
    return &it->second;
  }

 private:
  const fs::path& dir_;
  const Files* texts_;
  const Docs* docs_;
  Docs parsed_;
};

Result<std::vector<Source>> parse_sources(DocSource& src) {
  const fs::path file = src.dir() / "sources.json";
  auto doc = src.get("sources.json");
  if (!doc) return doc.error();
  JsonCursor root(**doc, file.string());
  FASCIA_TRY(allow_fields(root, {"sources"}));
  auto obj = root.field("sources");
  if (!obj) return obj.error();
  FASCIA_TRY(obj->expect_object());
  std::vector<Source> out;
  for (const auto& [key, value] : obj->json().items()) {
    JsonCursor v(value, file.string(), obj->path() + "." + key);
    auto ref = v.string();
    if (!ref) return ref.error();
    out.push_back({key, *ref});
  }
  if (out.empty()) return obj->error("expected at least one source");
  return out;
}

Result<Atlas> parse_with(DocSource& src) {
  const fs::path& dir = src.dir();
  Atlas atlas;

  auto sources = parse_sources(src);
  if (!sources) return sources.error();
  atlas.sources = std::move(*sources);

  {
    fs::path file = dir / "tracks.json";
    auto doc = src.get("tracks.json");
    if (!doc) return doc.error();
    JsonCursor root(**doc, file.string());
    FASCIA_TRY(allow_fields(root, {"tracks"}));
    auto shared =
        parse_array<Track>(root, "tracks", [](const JsonCursor& t) { return parse_track(t, true); });
    if (!shared) return shared.error();
    atlas.tracks = std::move(*shared);
  }

  for (const char* id : kLineIds) {
    const std::string name = std::string(id) + ".json";
    fs::path file = dir / name;
    if (!src.has(name)) return bad_input(file.string() + ": missing: the atlas needs all twelve lines");
    auto doc = src.get(name);
    if (!doc) return doc.error();
    auto line = parse_line(JsonCursor(**doc, file.string()), atlas.tracks);
    if (!line) return line.error();
    atlas.lines.push_back(std::move(*line));
  }
  // A stray line file is most likely a misnamed one; say so rather than ignore it.
  std::set<std::string> known = {"sources.json", "tracks.json"};
  for (const char* id : kLineIds) known.insert(std::string(id) + ".json");
  std::vector<std::string> stray;
  for (const std::string& name : src.names())
    if (fs::path(name).extension() == ".json" && !known.count(name)) stray.push_back((dir / name).string());
  std::sort(stray.begin(), stray.end());
  if (!stray.empty())
    return bad_input(
        stray.front() +
        ": not an atlas file (expected sources.json, tracks.json or one of the twelve line ids)");

  FASCIA_TRY(validate(atlas));
  return atlas;
}

}  // namespace

Result<Atlas> load_atlas(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return bad_input(dir.string() + ": not a directory of atlas files");
  Files files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    auto text = read_file(entry.path());
    if (!text) return text.error();
    files[entry.path().filename().string()] = std::move(*text);
  }
  return parse_atlas(dir, files);
}

Result<Atlas> parse_atlas(const fs::path& dir, const Files& files) {
  DocSource src(dir, &files, nullptr);
  return parse_with(src);
}

Result<Atlas> parse_atlas(const fs::path& dir, const Docs& docs) {
  DocSource src(dir, nullptr, &docs);
  return parse_with(src);
}

}  // namespace fascia::atlas

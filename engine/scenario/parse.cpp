#include "scenario/parse.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <initializer_list>

#include "core/file_io.h"

namespace fascia::scenario {
namespace {

std::string seconds(double t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", t);
  return buf;
}

// Unknown members are refused: a misspelt "stifness_x" would otherwise do nothing, silently.
Status only_fields(const JsonCursor& c, std::initializer_list<const char*> allowed) {
  FASCIA_TRY(c.expect_object());
  for (auto it = c.json().begin(); it != c.json().end(); ++it) {
    bool known = false;
    for (const char* a : allowed) known |= it.key() == a;
    if (!known) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return c.error("unknown field '" + it.key() + "'; expected " + list);
    }
  }
  return ok_status();
}

Result<double> time_field(const JsonCursor& c, const char* key, double duration) {
  auto f = c.field(key);
  if (!f) return f.error();
  return f->number_in(0, duration);
}

Result<Span> span_of(const JsonCursor& c, double duration) {
  Span s;
  auto from = time_field(c, "from", duration);
  if (!from) return from.error();
  s.from = *from;
  s.to = duration;
  if (c.has("to")) {
    auto to = time_field(c, "to", duration);
    if (!to) return to.error();
    if (*to <= s.from) return c.field("to")->error("must be after 'from' (" + seconds(s.from) + ")");
    s.to = *to;
  }
  return s;
}

Result<std::vector<std::string>> string_list(const JsonCursor& c) {
  auto n = c.array_size();
  if (!n) return n.error();
  std::vector<std::string> out;
  for (size_t i = 0; i < *n; ++i) {
    auto s = c.at(i)->string();
    if (!s) return s.error();
    out.push_back(*s);
  }
  return out;
}

struct ChannelSpec {
  const char* name;
  double lo, hi;
};

// The keys of a track: "t", "ease", the numeric channels (a missing one carries the previous key's
// value, or `first` for the first key) and whatever `extra` reads.
using ExtraKey = std::function<Status(const JsonCursor& key, int index, std::vector<double>& values)>;

Result<Channels> read_keys(const JsonCursor& track, const std::vector<ChannelSpec>& specs,
                           std::vector<double> first, Ease default_ease, double duration,
                           std::vector<const char*> extra_fields = {}, const ExtraKey& extra = {}) {
  auto keys = track.field("keys");
  if (!keys) return keys.error();
  auto n = keys->array_size();
  if (!n) return n.error();
  if (*n == 0) return keys->error("a track needs at least one key");
  Channels ch;
  std::vector<double> prev = std::move(first);
  for (size_t i = 0; i < *n; ++i) {
    JsonCursor k = *keys->at(i);
    FASCIA_TRY(k.expect_object());
    for (auto it = k.json().begin(); it != k.json().end(); ++it) {
      bool known = it.key() == "t" || it.key() == "ease";
      for (const auto& s : specs) known |= it.key() == s.name;
      for (const char* e : extra_fields) known |= it.key() == e;
      if (!known) {
        std::string list = "t, ease";
        for (const auto& s : specs) list += std::string(", ") + s.name;
        for (const char* e : extra_fields) list += std::string(", ") + e;
        return k.error("unknown field '" + it.key() + "'; expected " + list);
      }
    }
    auto t = time_field(k, "t", duration);
    if (!t) return t.error();
    if (!ch.time.empty() && *t <= ch.time.back())
      return k.field("t")->error("times must increase; " + seconds(*t) + " follows " +
                                 seconds(ch.time.back()));
    Ease ease = default_ease;
    if (k.has("ease")) {
      auto name = k.field("ease")->string();
      if (!name) return name.error();
      auto e = parse_ease(*name);
      if (!e) return k.field("ease")->error("'" + *name + "': expected linear, in, out, in_out or step");
      ease = *e;
    }
    std::vector<double> v = prev;
    std::vector<uint8_t> given(specs.size(), 0);
    for (size_t c = 0; c < specs.size(); ++c) {
      if (!k.has(specs[c].name)) continue;
      given[c] = 1;
      auto x = k.field(specs[c].name)->number_in(specs[c].lo, specs[c].hi);
      if (!x) return x.error();
      v[c] = *x;
    }
    if (extra) FASCIA_TRY(extra(k, int(i), v));
    ch.time.push_back(*t);
    ch.ease.push_back(ease);
    ch.value.push_back(v);
    ch.given.push_back(std::move(given));
    prev = v;
  }
  return ch;
}

Result<std::array<float, 3>> vec3_of(const JsonCursor& c, double limit = 100) {
  auto n = c.array_size();
  if (!n) return n.error();
  if (*n != 3)
    return c.error(limit == 1 ? "expected a direction [x, y, z], each -1 to 1"
                              : "expected [x, y, z] in metres");
  std::array<float, 3> v{};
  for (size_t i = 0; i < 3; ++i) {
    auto x = c.at(i)->number_in(-limit, limit);
    if (!x) return x.error();
    v[i] = float(*x);
  }
  return v;
}

Status read_camera(const JsonCursor& t, Scenario& s, int index) {
  FASCIA_TRY(only_fields(t, {"type", "keys"}));
  const auto& c = s.start.camera;
  std::vector<ChannelSpec> specs = {{"yaw", -3600, 3600}, {"pitch", -89, 89}, {"distance", 0, 50},
                                    {"x", -100, 100},     {"y", -100, 100},   {"z", -100, 100},
                                    {"fov", 5, 120}};
  std::vector<double> first = {c.yaw_deg,   c.pitch_deg, c.distance_m, c.target[0],
                               c.target[1], c.target[2], c.fov_deg};
  auto extra = [&](const JsonCursor& k, int i, std::vector<double>& v) -> Status {
    if (k.has("target")) {
      auto p = vec3_of(*k.field("target"));
      if (!p) return p.error();
      for (int a = 0; a < 3; ++a) v[3 + a] = (*p)[a];
      s.camera_targets_given.insert({index, i});
    }
    if (k.has("frame")) {
      auto name = k.field("frame")->string();
      if (!name) return name.error();
      s.frame_requests[{index, i}] = *name;
      s.frame_paths[{index, i}] = k.field("frame")->path();
    }
    return ok_status();
  };
  auto keys = read_keys(t, specs, first, Ease::InOut, s.duration_s, {"target", "frame"}, extra);
  if (!keys) return keys.error();
  s.camera.push_back({std::move(*keys)});
  return ok_status();
}

Status read_track(const JsonCursor& t, Scenario& s) {
  auto type = t.string_field("type");
  if (!type) return type.error();
  const double dur = s.duration_s;
  if (*type == "camera") return read_camera(t, s, int(s.camera.size()));
  if (*type == "layers") {
    FASCIA_TRY(only_fields(t, {"type", "keys"}));
    const auto& l = s.start.layers;
    auto keys = read_keys(t, {{"skin", 0, 1}, {"muscle", 0, 1}, {"bone", 0, 1}}, {l.skin, l.muscle, l.bone},
                          Ease::InOut, dur);
    if (!keys) return keys.error();
    s.layers.push_back({std::move(*keys)});
    return ok_status();
  }
  if (*type == "lines") {
    FASCIA_TRY(only_fields(t, {"type", "keys"}));
    auto keys = t.field("keys");
    if (!keys) return keys.error();
    auto n = keys->array_size();
    if (!n) return n.error();
    if (*n == 0) return keys->error("a track needs at least one key");
    for (size_t i = 0; i < *n; ++i) {
      JsonCursor k = *keys->at(i);
      FASCIA_TRY(only_fields(k, {"t", "show"}));
      auto time = time_field(k, "t", dur);
      if (!time) return time.error();
      if (i > 0 && *time <= s.lines.back().t)
        return k.field("t")->error("times must increase; " + seconds(*time) + " follows " +
                                   seconds(s.lines.back().t));
      auto show = k.field("show");
      if (!show) return show.error();
      auto list = string_list(*show);
      if (!list) return list.error();
      s.lines.push_back({k.path(), *time, std::move(*list)});
    }
    return ok_status();
  }
  if (*type == "reveal" || *type == "highlight") {
    FASCIA_TRY(*type == "reveal" ? only_fields(t, {"type", "line", "from", "to", "ease"})
                                 : only_fields(t, {"type", "line", "from", "to"}));
    auto line = t.string_field("line");
    if (!line) return line.error();
    auto span = span_of(t, dur);
    if (!span) return span.error();
    if (*type == "highlight") {
      s.highlights.push_back({t.path(), *line, *span});
      return ok_status();
    }
    Ease ease = Ease::InOut;
    if (t.has("ease")) {
      auto name = t.field("ease")->string();
      if (!name) return name.error();
      auto e = parse_ease(*name);
      if (!e) return t.field("ease")->error("'" + *name + "': expected linear, in, out, in_out or step");
      ease = *e;
    }
    s.reveals.push_back({t.path(), *line, *span, ease});
    return ok_status();
  }
  if (*type == "label") {
    FASCIA_TRY(only_fields(t, {"type", "text", "at", "from", "to"}));
    auto text = t.string_field("text");
    if (!text) return text.error();
    auto at = t.string_field("at");
    if (!at) return at.error();
    auto span = span_of(t, dur);
    if (!span) return span.error();
    s.labels.push_back({t.path(), *text, *at, *span});
    return ok_status();
  }
  if (*type == "caption" || *type == "title") {
    FASCIA_TRY(only_fields(t, {"type", "text", "from", "to"}));
    auto text = t.string_field("text");
    if (!text) return text.error();
    if (text->empty() || text->size() > 300) return t.field("text")->error("expected 1 to 300 characters");
    auto span = span_of(t, dur);
    if (!span) return span.error();
    s.captions.push_back({*text, *span, *type == "title"});
    return ok_status();
  }
  if (*type == "marker") {
    FASCIA_TRY(only_fields(t, {"type", "name", "t"}));
    auto name = t.string_field("name");
    if (!name) return name.error();
    auto time = time_field(t, "t", dur);
    if (!time) return time.error();
    s.markers.push_back({*name, *time});
    return ok_status();
  }
  if (*type == "restriction") {
    FASCIA_TRY(only_fields(t, {"type", "target", "keys"}));
    auto target = t.string_field("target");
    if (!target) return target.error();
    auto keys = read_keys(t,
                          {{"stiffness_x", session::kMinStiffnessX, session::kMaxStiffnessX},
                           {"shorten_pct", 0, session::kMaxShortenPct}},
                          {1.0, 0.0}, Ease::InOut, dur);
    if (!keys) return keys.error();
    s.restrictions.push_back({t.path(), *target, std::move(*keys)});
    return ok_status();
  }
  if (*type == "release") {
    FASCIA_TRY(only_fields(t, {"type", "target", "from", "to"}));
    auto target = t.string_field("target");
    if (!target) return target.error();
    auto span = span_of(t, dur);
    if (!span) return span.error();
    s.releases.push_back({t.path(), *target, *span});
    return ok_status();
  }
  if (*type == "traction" || *type == "oscillation") {
    const bool osc = *type == "oscillation";
    FASCIA_TRY(osc ? only_fields(t, {"type", "place", "direction", "frequency_hz", "keys"})
                   : only_fields(t, {"type", "place", "direction", "keys"}));
    LoadTrack l;
    l.path = t.path();
    auto place = t.string_field("place");
    if (!place) return place.error();
    l.place = *place;
    if (t.has("direction")) {
      auto d = vec3_of(*t.field("direction"), 1);
      if (!d) return d.error();
      for (int a = 0; a < 3; ++a) l.direction[a] = (*d)[a];
    }
    if (osc) {
      auto f = t.field("frequency_hz");
      if (!f) return f.error();
      auto hz = f->number_in(0.05, 5);
      if (!hz) return hz.error();
      l.frequency_hz = *hz;
    }
    auto keys = read_keys(t, {{"newtons", 0, session::kMaxLoadN}}, {0.0}, Ease::InOut, dur);
    if (!keys) return keys.error();
    l.keys = std::move(*keys);
    s.loads.push_back(std::move(l));
    return ok_status();
  }
  if (*type == "hold") {
    FASCIA_TRY(only_fields(t, {"type", "joint", "from", "to", "keys"}));
    HoldTrack h;
    h.path = t.path();
    auto joint = t.string_field("joint");
    if (!joint) return joint.error();
    h.joint = *joint;
    auto keys =
        read_keys(t, {{"degrees", -session::kMaxHoldDeg, session::kMaxHoldDeg}}, {0.0}, Ease::InOut, dur);
    if (!keys) return keys.error();
    h.keys = std::move(*keys);
    h.span = {h.keys.time.front(), dur};
    if (t.has("from") || t.has("to")) {
      auto span = span_of(t, dur);
      if (!span) return span.error();
      h.span = *span;
    }
    s.holds.push_back(std::move(h));
    return ok_status();
  }
  if (*type == "breathing") {
    FASCIA_TRY(only_fields(t, {"type", "keys"}));
    auto keys = read_keys(t, {{"depth", 0, 1}, {"period_s", 1, 20}}, {0.0, 4.0}, Ease::InOut, dur);
    if (!keys) return keys.error();
    s.breathing.push_back({std::move(*keys)});
    return ok_status();
  }
  if (*type == "movement") {
    FASCIA_TRY(only_fields(t, {"type", "name", "from", "to"}));
    auto name = t.string_field("name");
    if (!name) return name.error();
    auto span = span_of(t, dur);
    if (!span) return span.error();
    s.movements.push_back({t.path(), *name, *span});
    return ok_status();
  }
  return t.field("type")->error(
      "'" + *type +
      "': unknown track type; expected camera, layers, lines, reveal, highlight, label, "
      "caption, title, marker, restriction, release, traction, oscillation, hold, "
      "breathing or movement");
}

}  // namespace

Result<Scenario> parse_scenario(const Json& json, const std::string& file) {
  JsonCursor root(json, file);
  FASCIA_TRY(only_fields(root, {"scenario", "title", "duration", "fps", "size", "colour", "tension_scale_n",
                                "lines", "tracks"}));
  Scenario s;
  s.file = file;
  s.start = session::default_session();
  auto version = root.field("scenario");
  if (!version) return version.error();
  auto v = version->number();
  if (!v) return v.error();
  if (*v != kScenarioVersion) return version->error("unsupported version; expected 1");
  auto title = root.string_field_or("title", "");
  if (!title) return title.error();
  s.title = *title;
  auto duration = root.field("duration");
  if (!duration) return duration.error();
  auto d = duration->number_in(0.1, kMaxDurationS);
  if (!d) return d.error();
  s.duration_s = *d;
  if (root.has("fps")) {
    auto fps = root.field("fps")->number_in(1, kMaxFps);
    if (!fps) return fps.error();
    if (*fps != std::floor(*fps))
      return root.field("fps")->error("expected a whole number of frames a second");
    s.fps = int(*fps);
  }
  if (root.has("size")) {
    auto size = root.field("size")->string();
    if (!size) return size.error();
    int w = 0, h = 0;
    char tail = 0;
    if (std::sscanf(size->c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 16 || h < 16 || w > 8192 || h > 8192)
      return root.field("size")->error("'" + *size + "': expected WIDTHxHEIGHT, each 16 to 8192");
    s.width = w;
    s.height = h;
  }
  if (root.has("colour")) {
    auto c = root.field("colour")->string();
    if (!c) return c.error();
    if (*c == "tension")
      s.colouring = Colouring::Tension;
    else if (*c == "stretch")
      s.colouring = Colouring::Stretch;
    else if (*c == "lines")
      s.colouring = Colouring::Lines;
    else
      return root.field("colour")->error("'" + *c + "': expected tension, stretch or lines");
  }
  auto scale = root.number_field_or("tension_scale_n", 0);
  if (!scale) return scale.error();
  if (*scale < 0 || *scale > 1000) return root.field("tension_scale_n")->error("expected 0 to 1000 N");
  s.tension_scale_n = *scale;
  if (root.has("lines")) {
    auto list = string_list(*root.field("lines"));
    if (!list) return list.error();
    s.start.visibility.lines = *list;
  }
  auto tracks = root.field("tracks");
  if (!tracks) return tracks.error();
  auto n = tracks->array_size();
  if (!n) return n.error();
  for (size_t i = 0; i < *n; ++i) {
    JsonCursor t = *tracks->at(i);
    FASCIA_TRY(t.expect_object());
    FASCIA_TRY(read_track(t, s));
  }
  return s;
}

Result<Scenario> load_scenario(const std::filesystem::path& path) {
  auto json = load_json_file(path);
  if (!json) return json.error();
  return parse_scenario(*json, path.string());
}

}  // namespace fascia::scenario

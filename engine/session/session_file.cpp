#include "session/session_file.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/file_io.h"
#include "session/actions.h"

namespace fascia::session {
namespace {

const char* side_name(Side s) {
  return s == Side::Left ? "left" : s == Side::Right ? "right" : "both";
}
const char* kind_name(TreatmentKind k) {
  return k == TreatmentKind::AssistedStretch ? "assisted_stretch" : "myofascial_release";
}

Json string_list(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

// ---- reading ----

// Applies `a` to the session being read; a refusal is reported at the place in the file it came from.
Status apply(Session& s, const Action& a, const JsonCursor& at) {
  auto r = reduce(s, a);
  if (!r) return at.error(r.error().message);
  s = std::move(*r);
  return ok_status();
}

Status only_keys(const JsonCursor& c, std::initializer_list<std::string_view> keys) {
  FASCIA_TRY(c.expect_object());
  for (const auto& [k, v] : c.json().items())
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      std::string known;
      for (auto key : keys) known += (known.empty() ? "" : ", ") + std::string(key);
      return c.error("unknown field '" + k + "' (expected " + known + ")");
    }
  return ok_status();
}

// Calls `each` with a cursor on every element of the optional array `key`.
template <class F>
Status for_each_in(const JsonCursor& c, std::string_view key, F each) {
  if (!c.has(key)) return ok_status();
  auto list = c.field(key);
  if (!list) return list.error();
  auto n = list->array_size();
  if (!n) return n.error();
  for (size_t i = 0; i < *n; ++i) {
    auto e = list->at(i);
    if (!e) return e.error();
    FASCIA_TRY(each(*e));
  }
  return ok_status();
}

Result<std::vector<std::string>> strings_of(const JsonCursor& c, std::string_view key) {
  std::vector<std::string> out;
  FASCIA_TRY(for_each_in(c, key, [&](const JsonCursor& e) -> Status {
    auto s = e.string();
    if (!s) return s.error();
    out.push_back(std::move(*s));
    return ok_status();
  }));
  return out;
}

Result<float> float_field(const JsonCursor& c, std::string_view key, float fallback) {
  auto v = c.number_field_or(key, fallback);
  if (!v) return v.error();
  if (std::abs(*v) > 1e30) {
    std::string what(key);
    what += " is too large";
    return c.error(what);
  }
  return float(*v);
}

// One entry per target: a second one would silently replace the first.
Status unique(std::set<std::string>& seen, const std::string& key, const JsonCursor& at, const char* what) {
  if (!seen.insert(key).second) return at.error(std::string("a second ") + what + " for '" + key + "'");
  return ok_status();
}

Status read_version(const JsonCursor& root) {
  auto format = root.string_field("format");
  if (!format) return format.error();
  if (*format != kSessionFormat)
    return root.error("not a Fascia Atlas session: 'format' is '" + *format + "', expected '" +
                      std::string(kSessionFormat) + "'");
  auto vc = root.field("version");
  if (!vc) return vc.error();
  auto v = vc->number();
  if (!v) return v.error();
  if (*v != std::floor(*v) || *v < 1) return vc->error("expected a whole version number from 1");
  if (*v > kSessionVersion)
    return vc->error("written by a newer Fascia Atlas (session version " +
                     std::to_string(int64_t(std::min(*v, 1e15))) +
                     "); this version reads session files up to version " + std::to_string(kSessionVersion));
  return ok_status();
}

Status read_simulation(const JsonCursor& root, Session& s) {
  std::set<std::string> seen;
  FASCIA_TRY(for_each_in(root, "restrictions", [&](const JsonCursor& e) -> Status {
    FASCIA_TRY(only_keys(e, {"target", "stiffness_x", "shorten_pct"}));
    Restriction r;
    auto t = e.string_field("target");
    if (!t) return t.error();
    r.target = *t;
    auto k = e.number_field_or("stiffness_x", 1.0);
    if (!k) return k.error();
    auto p = e.number_field_or("shorten_pct", 0.0);
    if (!p) return p.error();
    r.stiffness_x = *k;
    r.shorten_pct = *p;
    FASCIA_TRY(unique(seen, r.target, e, "restriction"));
    return apply(s, SetRestriction{r}, e);
  }));
  seen.clear();
  FASCIA_TRY(for_each_in(root, "releases", [&](const JsonCursor& e) -> Status {
    FASCIA_TRY(only_keys(e, {"target", "start_s"}));
    auto t = e.string_field("target");
    if (!t) return t.error();
    auto at = e.number_field_or("start_s", 0.0);
    if (!at) return at.error();
    FASCIA_TRY(unique(seen, *t, e, "release"));
    return apply(s, StartRelease{*t, *at}, e);
  }));
  seen.clear();
  FASCIA_TRY(for_each_in(root, "treatments", [&](const JsonCursor& e) -> Status {
    FASCIA_TRY(
        only_keys(e, {"kind", "target", "start_s", "duration_s", "joint", "range_deg", "place", "finished"}));
    Treatment t;
    auto kind = e.string_field("kind");
    if (!kind) return kind.error();
    if (*kind == "myofascial_release")
      t.kind = TreatmentKind::MyofascialRelease;
    else if (*kind == "assisted_stretch")
      t.kind = TreatmentKind::AssistedStretch;
    else
      return e.error("unknown treatment kind '" + *kind +
                     "' (expected myofascial_release or assisted_stretch)");
    auto target = e.string_field("target");
    if (!target) return target.error();
    t.target = *target;
    auto start = e.number_field_or("start_s", 0.0);
    if (!start) return start.error();
    auto dur = e.number_field_or("duration_s", 90.0);
    if (!dur) return dur.error();
    auto joint = e.string_field_or("joint", "");
    if (!joint) return joint.error();
    auto range = e.number_field_or("range_deg", 0.0);
    if (!range) return range.error();
    auto place = e.string_field_or("place", "");
    if (!place) return place.error();
    t.place = *place;
    auto finished = e.bool_field_or("finished", false);
    if (!finished) return finished.error();
    t.finished = *finished;
    t.start_s = *start;
    t.duration_s = *dur;
    t.joint = *joint;
    t.range_deg = *range;
    FASCIA_TRY(unique(seen, t.target, e, "treatment"));
    return apply(s, StartTreatment{t}, e);
  }));
  seen.clear();
  FASCIA_TRY(for_each_in(root, "loads", [&](const JsonCursor& e) -> Status {
    FASCIA_TRY(only_keys(e, {"place", "newtons", "direction", "frequency_hz"}));
    Load l;
    auto place = e.string_field("place");
    if (!place) return place.error();
    l.place = *place;
    auto n = e.number_field("newtons");
    if (!n) return n.error();
    l.newtons = *n;
    auto f = e.number_field_or("frequency_hz", 0.0);
    if (!f) return f.error();
    l.frequency_hz = *f;
    if (e.has("direction")) {
      auto dir = e.field("direction");
      if (!dir) return dir.error();
      auto size = dir->array_size();
      if (!size) return size.error();
      if (*size != 3) return dir->error("expected 3 numbers (x, y, z), found " + std::to_string(*size));
      for (size_t i = 0; i < 3; ++i) {
        auto c = dir->at(i);
        if (!c) return c.error();
        auto v = c->number();
        if (!v) return v.error();
        l.direction[i] = *v;
      }
    }
    FASCIA_TRY(unique(seen, l.place, e, "load"));
    return apply(s, SetLoad{l}, e);
  }));
  seen.clear();
  FASCIA_TRY(for_each_in(root, "holds", [&](const JsonCursor& e) -> Status {
    FASCIA_TRY(only_keys(e, {"joint", "degrees"}));
    auto joint = e.string_field("joint");
    if (!joint) return joint.error();
    auto deg = e.number_field("degrees");
    if (!deg) return deg.error();
    FASCIA_TRY(unique(seen, *joint, e, "hold"));
    return apply(s, SetHold{{*joint, *deg}}, e);
  }));
  if (root.has("breathing")) {
    auto b = root.field("breathing");
    if (!b) return b.error();
    FASCIA_TRY(only_keys(*b, {"on", "depth", "period_s"}));
    Breathing br;
    auto on = b->bool_field_or("on", false);
    if (!on) return on.error();
    auto depth = b->number_field_or("depth", br.depth);
    if (!depth) return depth.error();
    auto period = b->number_field_or("period_s", br.period_s);
    if (!period) return period.error();
    FASCIA_TRY(apply(s, SetBreathing{{*on, *depth, *period}}, *b));
  }
  if (root.has("movement")) {
    auto mv = root.field("movement");
    if (!mv) return mv.error();
    FASCIA_TRY(only_keys(*mv, {"name", "time_s"}));
    auto name = mv->string_field_or("name", "");
    if (!name) return name.error();
    auto t = mv->number_field_or("time_s", 0.0);
    if (!t) return t.error();
    FASCIA_TRY(apply(s, SetMovement{*name, *t}, *mv));
  }
  return ok_status();
}

Status read_view(const JsonCursor& root, Session& s) {
  if (root.has("view")) {
    auto v = root.field("view");
    if (!v) return v.error();
    FASCIA_TRY(only_keys(*v, {"camera", "layers", "selection", "colour_by_tension"}));
    if (v->has("camera")) {
      auto c = v->field("camera");
      if (!c) return c.error();
      FASCIA_TRY(only_keys(*c, {"yaw_deg", "pitch_deg", "distance_m", "target_m", "fov_deg"}));
      CameraView cam;
      auto yaw = float_field(*c, "yaw_deg", cam.yaw_deg);
      if (!yaw) return yaw.error();
      auto pitch = float_field(*c, "pitch_deg", cam.pitch_deg);
      if (!pitch) return pitch.error();
      auto dist = float_field(*c, "distance_m", cam.distance_m);
      if (!dist) return dist.error();
      auto fov = float_field(*c, "fov_deg", cam.fov_deg);
      if (!fov) return fov.error();
      // The app writes yaw within one turn; more than a turn either way is a typo, not a view.
      if (std::abs(*yaw) > 360) {
        char buf[120];
        std::snprintf(buf, sizeof buf, "camera yaw (degrees) %g is out of range: expected -360 to 360", *yaw);
        return c->error(buf);
      }
      cam.yaw_deg = *yaw;
      cam.pitch_deg = *pitch;
      cam.distance_m = *dist;
      cam.fov_deg = *fov;
      if (c->has("target_m")) {
        auto t = c->field("target_m");
        if (!t) return t.error();
        auto size = t->array_size();
        if (!size) return size.error();
        if (*size != 3) return t->error("expected 3 numbers (x, y, z), found " + std::to_string(*size));
        for (size_t i = 0; i < 3; ++i) {
          auto e = t->at(i);
          if (!e) return e.error();
          auto x = e->number_in(-1e3, 1e3);
          if (!x) return x.error();
          cam.target[i] = float(*x);
        }
      }
      FASCIA_TRY(apply(s, SetCamera{cam}, *c));
    }
    if (v->has("layers")) {
      auto l = v->field("layers");
      if (!l) return l.error();
      FASCIA_TRY(only_keys(*l, {"skin", "muscle", "bone"}));
      Layers layers;
      auto skin = float_field(*l, "skin", layers.skin);
      if (!skin) return skin.error();
      auto muscle = float_field(*l, "muscle", layers.muscle);
      if (!muscle) return muscle.error();
      auto bone = float_field(*l, "bone", layers.bone);
      if (!bone) return bone.error();
      FASCIA_TRY(apply(s, SetLayers{{*skin, *muscle, *bone}}, *l));
    }
    auto sel = v->string_field_or("selection", "");
    if (!sel) return sel.error();
    s.selection = *sel;
    auto colour = v->bool_field_or("colour_by_tension", true);
    if (!colour) return colour.error();
    s.colour_by_tension = *colour;
  }
  if (root.has("visibility")) {
    auto v = root.field("visibility");
    if (!v) return v.error();
    FASCIA_TRY(only_keys(*v, {"lines", "side", "hidden_structures"}));
    if (v->has("lines")) {
      auto lines = strings_of(*v, "lines");
      if (!lines) return lines.error();
      auto at = v->field("lines");
      FASCIA_TRY(apply(s, ShowLines{*lines}, *at));
    }
    auto side = v->string_field_or("side", "both");
    if (!side) return side.error();
    if (*side == "both")
      s.visibility.side = Side::Both;
    else if (*side == "left")
      s.visibility.side = Side::Left;
    else if (*side == "right")
      s.visibility.side = Side::Right;
    else
      return v->error("unknown side '" + *side + "' (expected both, left or right)");
    auto hidden = strings_of(*v, "hidden_structures");
    if (!hidden) return hidden.error();
    for (const auto& id : *hidden) FASCIA_TRY(apply(s, HideStructure{id}, *v));
  }
  return ok_status();
}

}  // namespace

Json session_to_json(const Session& s) {
  Json j;
  j["format"] = kSessionFormat;
  j["version"] = kSessionVersion;
  j["client_label"] = s.client_label;
  j["notes"] = s.notes;
  j["restrictions"] = Json::array();
  for (const auto& r : s.restrictions)
    j["restrictions"].push_back(
        {{"target", r.target}, {"stiffness_x", r.stiffness_x}, {"shorten_pct", r.shorten_pct}});
  j["releases"] = Json::array();
  for (const auto& r : s.releases) j["releases"].push_back({{"target", r.target}, {"start_s", r.start_s}});
  j["treatments"] = Json::array();
  for (const auto& t : s.treatments) {
    Json e = {{"kind", kind_name(t.kind)},
              {"target", t.target},
              {"start_s", t.start_s},
              {"duration_s", t.duration_s},
              {"finished", t.finished}};
    if (t.kind == TreatmentKind::AssistedStretch) {
      e["joint"] = t.joint;
      e["range_deg"] = t.range_deg;
      e["place"] = t.place;
    }
    j["treatments"].push_back(e);
  }
  j["loads"] = Json::array();
  for (const auto& l : s.loads)
    j["loads"].push_back({{"place", l.place},
                          {"newtons", l.newtons},
                          {"direction", {l.direction[0], l.direction[1], l.direction[2]}},
                          {"frequency_hz", l.frequency_hz}});
  j["holds"] = Json::array();
  for (const auto& h : s.holds) j["holds"].push_back({{"joint", h.joint}, {"degrees", h.degrees}});
  j["breathing"] = {{"on", s.breathing.on}, {"depth", s.breathing.depth}, {"period_s", s.breathing.period_s}};
  j["movement"] = {{"name", s.movement}, {"time_s", s.movement_time_s}};
  const CameraView& c = s.camera;
  j["view"] = {{"camera",
                {{"yaw_deg", c.yaw_deg},
                 {"pitch_deg", c.pitch_deg},
                 {"distance_m", c.distance_m},
                 {"target_m", {c.target[0], c.target[1], c.target[2]}},
                 {"fov_deg", c.fov_deg}}},
               {"layers", {{"skin", s.layers.skin}, {"muscle", s.layers.muscle}, {"bone", s.layers.bone}}},
               {"selection", s.selection},
               {"colour_by_tension", s.colour_by_tension}};
  j["visibility"] = {{"lines", string_list(s.visibility.lines)},
                     {"side", side_name(s.visibility.side)},
                     {"hidden_structures", string_list(s.visibility.hidden_structures)}};
  return j;
}

std::string session_to_text(const Session& s) {
  return session_to_json(s).dump(2) + "\n";
}

Result<Session> session_from_json(const Json& j, const std::string& source) {
  JsonCursor root(j, source);
  FASCIA_TRY(root.expect_object());
  FASCIA_TRY(read_version(root));
  FASCIA_TRY(
      only_keys(root, {"format", "version", "client_label", "notes", "restrictions", "releases", "treatments",
                       "loads", "holds", "breathing", "movement", "view", "visibility"}));
  Session s = default_session();
  auto label = root.string_field_or("client_label", "");
  if (!label) return label.error();
  auto notes = root.string_field_or("notes", "");
  if (!notes) return notes.error();
  s.client_label = *label;
  s.notes = *notes;
  FASCIA_TRY(read_simulation(root, s));
  FASCIA_TRY(read_view(root, s));
  return s;
}

Result<Session> parse_session(std::string_view text, const std::string& source) {
  if (text.size() > kMaxSessionFileBytes)
    return bad_input(source + ": too large for a session file (" + std::to_string(text.size()) + " bytes)");
  auto j = parse_json(text, source);
  if (!j) return j.error();
  return session_from_json(*j, source);
}

Result<Session> load_session(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxSessionFileBytes)
    return bad_input(path.string() + ": too large for a session file (" + std::to_string(size) + " bytes)");
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_session(*text, path.string());
}

Status save_session(const std::filesystem::path& path, const Session& s) {
  return write_file_atomic(path, session_to_text(s));
}

}  // namespace fascia::session

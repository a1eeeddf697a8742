#include "ui/state_json.h"

#include "core/process_memory.h"

#include <algorithm>

namespace fascia::app {
Json live_state_json(const LiveState& s, const ViewState& view, vec2 viewport) {
  const session::Session& cur = s.history.current();
  Json j;
  Json rs = Json::array();
  for (const auto& r : cur.restrictions)
    rs.push_back({{"target", r.target}, {"stiffness_x", r.stiffness_x}, {"shorten_pct", r.shorten_pct}});
  j["session"] = {
      {"restrictions", rs},
      {"selection", cur.selection},
      {"lines", cur.visibility.lines},
      {"layers", {{"skin", cur.layers.skin}, {"muscle", cur.layers.muscle}, {"bone", cur.layers.bone}}},
      {"colour_by_tension", cur.colour_by_tension}};
  j["history"] = {{"undo_depth", s.history.undo_depth()},
                  {"can_undo", s.history.can_undo()},
                  {"can_redo", s.history.can_redo()},
                  {"revision", s.history.revision()}};
  j["popup"] = {{"open", s.popup.open},
                {"id", s.popup.targets.id},
                {"name", s.popup.targets.name},
                {"restrict_target", s.popup.targets.restrict_target},
                {"trace_at", s.popup.targets.trace_at},
                {"sliders", s.popup.sliders}};
  if (s.trace) {
    Json src = Json::array();
    for (const auto& x : s.trace->sources)
      src.push_back({{"track", x.track}, {"share", x.share}, {"dN_per_pct_shortening", x.n_per_pct}});
    j["trace"] = {
        {"at", s.trace->at}, {"load_N", s.trace->load_N}, {"sources", src}, {"error", s.trace->error}};
  } else {
    j["trace"] = nullptr;
  }
  j["sim"] = {{"time_s", s.snapshot.time},
              {"settled", s.snapshot.settled},
              {"session_revision", s.snapshot.session_revision},
              {"max_added_tension_N", s.tension.max_change_N},
              {"colouring", s.tension_on && cur.colour_by_tension},
              {"sync_error", s.worker ? s.worker->sync_error() : std::string()}};
  // Each track's largest colour value (0..1) and where along it that is (0 first point, 1 last).
  Json tracks = Json::object();
  for (const auto& [id, v] : s.tension.track_profile) {
    auto mx = std::max_element(v.begin(), v.end());
    tracks[id] = {{"max", *mx}, {"at", v.size() > 1 ? double(mx - v.begin()) / double(v.size() - 1) : 0.0}};
  }
  j["tension"] = tracks;
  j["process"] = {{"resident_mb", resident_mib()}};
  // The therapist's session: treatments given (on the simulation's clock) and breathing.
  Json treatments = Json::array();
  for (const auto& t : cur.treatments)
    treatments.push_back({{"kind", t.kind == session::TreatmentKind::AssistedStretch ? "assisted_stretch"
                                                                                     : "myofascial_release"},
                          {"target", t.target},
                          {"start_s", t.start_s},
                          {"duration_s", t.duration_s},
                          {"joint", t.joint},
                          {"range_deg", t.range_deg},
                          {"finished", t.finished}});
  Json releases = Json::array();
  for (const auto& r : cur.releases) releases.push_back({{"target", r.target}, {"start_s", r.start_s}});
  j["therapy"] = {{"treatments", treatments},
                  {"releases", releases},
                  {"breathing", {{"on", cur.breathing.on}, {"depth", cur.breathing.depth}}},
                  {"loads", cur.loads.size()},
                  {"holds", cur.holds.size()},
                  {"ghost", bool(view.ghost_palette)}};
  const scene::Camera& c = view.camera;
  j["camera"] = {{"yaw_deg", c.yaw_deg},
                 {"pitch_deg", c.pitch_deg},
                 {"distance_m", c.distance},
                 {"target", {c.target.x, c.target.y, c.target.z}},
                 {"fov_deg", c.fov_y_deg}};
  j["viewport"] = {viewport.x, viewport.y};
  const mat4 to_clip = c.projection(viewport.x / std::max(1.0f, viewport.y)) * c.view();
  Json screen = Json::object();
  for (const auto& t : s.model->lines.tracks) {
    Json pts = Json::array();
    for (const vec3& p : t.path) {
      vec4 q = to_clip * vec4(p, 1.0f);
      if (q.w <= 0) continue;
      pts.push_back({(q.x / q.w * 0.5f + 0.5f) * viewport.x, (q.y / q.w * 0.5f + 0.5f) * viewport.y});
    }
    screen[t.id] = pts;
  }
  j["screen_tracks"] = screen;
  return j;
}

}  // namespace fascia::app

#include "scenario/recorder.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace fascia::scenario {

Recorder::Recorder(session::Session start, std::string title) : title_(std::move(title)) {
  samples_.push_back({0.0, std::move(start)});
}

void Recorder::record(double t, const session::Session& now) {
  if (now == samples_.back().s) return;
  samples_.push_back({std::max(t, samples_.back().t), now});
}

namespace {

Json key(double t) {
  return Json{{"t", t}, {"ease", "step"}};
}

// Keys of one value over the take: a key wherever `value` changes, none while it stays.
void keys_of(const std::vector<std::pair<double, Json>>& values, Json& keys) {
  Json last;
  for (const auto& [t, v] : values) {
    if (!keys.empty() && v == last) continue;
    Json k = key(t);
    k.update(v);
    keys.push_back(std::move(k));
    last = v;
  }
}

}  // namespace

Json Recorder::scenario(double end_s) const {
  using namespace session;
  const double end = std::max(end_s, samples_.back().t + 0.1);
  Json tracks = Json::array();
  const Session& first = samples_.front().s;

  // Views.
  {
    std::vector<std::pair<double, Json>> cam, layers;
    for (const auto& [t, s] : samples_) {
      const auto& c = s.camera;
      cam.push_back({t,
                     {{"yaw", c.yaw_deg},
                      {"pitch", c.pitch_deg},
                      {"distance", c.distance_m},
                      {"target", {c.target[0], c.target[1], c.target[2]}},
                      {"fov", c.fov_deg}}});
      layers.push_back({t, {{"skin", s.layers.skin}, {"muscle", s.layers.muscle}, {"bone", s.layers.bone}}});
    }
    Json ck = Json::array(), lk = Json::array();
    keys_of(cam, ck);
    keys_of(layers, lk);
    tracks.push_back({{"type", "camera"}, {"keys", ck}});
    tracks.push_back({{"type", "layers"}, {"keys", lk}});
    Json lines = Json::array();
    std::vector<std::string> shown;
    for (const auto& [t, s] : samples_)
      if (lines.empty() || s.visibility.lines != shown) {
        shown = s.visibility.lines;
        lines.push_back({{"t", t}, {"show", shown}});
      }
    tracks.push_back({{"type", "lines"}, {"keys", lines}});
  }

  // Simulation inputs: one track per target, keyed where its value changes; absent = off.
  std::set<std::string> targets, places, joints;
  for (const auto& [t, s] : samples_) {
    for (const auto& r : s.restrictions) targets.insert(r.target);
    for (const auto& l : s.loads) places.insert(l.place);
    for (const auto& h : s.holds) joints.insert(h.joint);
  }
  for (const auto& target : targets) {
    std::vector<std::pair<double, Json>> v;
    for (const auto& [t, s] : samples_) {
      const Restriction* r = find_restriction(s, target);
      v.push_back(
          {t, {{"stiffness_x", r ? r->stiffness_x : 1.0}, {"shorten_pct", r ? r->shorten_pct : 0.0}}});
    }
    Json k = Json::array();
    keys_of(v, k);
    tracks.push_back({{"type", "restriction"}, {"target", target}, {"keys", k}});
    // Releases of it: each span of time with one under way.
    double from = -1;
    for (const auto& [t, s] : samples_) {
      bool on = std::any_of(s.releases.begin(), s.releases.end(),
                            [&](const Release& x) { return x.target == target; });
      if (on && from < 0) from = t;
      if (!on && from >= 0) {
        tracks.push_back({{"type", "release"}, {"target", target}, {"from", from}, {"to", t}});
        from = -1;
      }
    }
    if (from >= 0) tracks.push_back({{"type", "release"}, {"target", target}, {"from", from}});
  }
  for (const auto& place : places) {
    std::vector<std::pair<double, Json>> v;
    const Load* seen = nullptr;
    for (const auto& [t, s] : samples_) {
      auto it = std::find_if(s.loads.begin(), s.loads.end(), [&](const Load& l) { return l.place == place; });
      if (it != s.loads.end() && !seen) seen = &*it;
      v.push_back({t, {{"newtons", it != s.loads.end() ? it->newtons : 0.0}}});
    }
    Json k = Json::array();
    keys_of(v, k);
    Json track = {
        {"type", seen->frequency_hz > 0 ? "oscillation" : "traction"}, {"place", place}, {"keys", k}};
    if (seen->frequency_hz > 0) track["frequency_hz"] = seen->frequency_hz;
    if (seen->direction != std::array<double, 3>{0, 0, 0}) track["direction"] = seen->direction;
    tracks.push_back(std::move(track));
  }
  for (const auto& joint : joints) {
    // A hold per span of time it is held.
    double from = -1;
    Json k = Json::array();
    double last_deg = 1e9;
    auto close = [&](double to) {
      Json track = {{"type", "hold"}, {"joint", joint}, {"from", from}, {"keys", k}};
      if (to >= 0) track["to"] = to;
      tracks.push_back(std::move(track));
      k = Json::array();
      from = -1;
      last_deg = 1e9;
    };
    for (const auto& [t, s] : samples_) {
      const Hold* h = find_hold(s, joint);
      if (h && from < 0) from = t;
      if (h && h->degrees != last_deg) {
        Json key_ = key(t);
        key_["degrees"] = h->degrees;
        k.push_back(std::move(key_));
        last_deg = h->degrees;
      }
      if (!h && from >= 0) close(t);
    }
    if (from >= 0) close(-1);
  }
  {
    std::vector<std::pair<double, Json>> v;
    bool any = false;
    for (const auto& [t, s] : samples_) {
      any |= s.breathing.on;
      v.push_back(
          {t, {{"depth", s.breathing.on ? s.breathing.depth : 0.0}, {"period_s", s.breathing.period_s}}});
    }
    if (any) {
      Json k = Json::array();
      keys_of(v, k);
      tracks.push_back({{"type", "breathing"}, {"keys", k}});
    }
  }
  // Movements: each one played from when it was chosen until the next choice.
  for (size_t i = 0; i < samples_.size(); ++i) {
    const auto& m = samples_[i].s.movement;
    if (m.empty() || (i > 0 && samples_[i - 1].s.movement == m)) continue;
    double to = end;
    for (size_t j = i + 1; j < samples_.size(); ++j)
      if (samples_[j].s.movement != m) {
        to = samples_[j].t;
        break;
      }
    if (to > samples_[i].t)
      tracks.push_back({{"type", "movement"}, {"name", m}, {"from", samples_[i].t}, {"to", to}});
  }

  return {{"scenario", 1},
          {"title", title_},
          {"duration", end},
          {"fps", 30},
          {"size", "1280x720"},
          {"colour", first.colour_by_tension ? "tension" : "lines"},
          {"lines", first.visibility.lines},
          {"tracks", tracks}};
}

}  // namespace fascia::scenario

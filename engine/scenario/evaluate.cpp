#include "scenario/evaluate.h"

#include <algorithm>
#include <cmath>

#include "core/json.h"
#include "session/actions.h"

namespace fascia::scenario {

std::vector<double> Channels::sample(double t) const {
  if (time.empty()) return {};
  if (t <= time.front()) return value.front();
  if (t >= time.back()) return value.back();
  size_t k = std::upper_bound(time.begin(), time.end(), t) - time.begin();  // time[k-1] <= t < time[k]
  double u = apply_ease(ease[k], (t - time[k - 1]) / (time[k] - time[k - 1]));
  std::vector<double> v(value[k].size());
  for (size_t c = 0; c < v.size(); ++c) v[c] = value[k - 1][c] + (value[k][c] - value[k - 1][c]) * u;
  return v;
}

int Scenario::frame_count() const {
  return std::max(1, int(std::lround(duration_s * fps)));
}

namespace {

// Fades text in and out over a quarter second at either end of its span.
float fade(const Span& span, double t) {
  constexpr double kFadeS = 0.25;
  double in = (t - span.from) / kFadeS, out = (span.to - t) / kFadeS;
  return float(std::clamp(std::min(in, out), 0.0, 1.0));
}

}  // namespace

Result<Moment> evaluate(const Scenario& s, double t) {
  using namespace session;
  Session out = s.start;
  std::vector<Action> actions;

  for (const auto& c : s.camera) {
    auto v = c.keys.sample(t);
    CameraView cam;
    cam.yaw_deg = float(v[0]);
    cam.pitch_deg = float(v[1]);
    cam.distance_m = float(v[2]);
    cam.target = {float(v[3]), float(v[4]), float(v[5])};
    cam.fov_deg = float(v[6]);
    actions.push_back(SetCamera{cam});
  }
  for (const auto& l : s.layers) {
    auto v = l.keys.sample(t);
    actions.push_back(SetLayers{Layers{float(v[0]), float(v[1]), float(v[2])}});
  }
  for (const auto& k : s.lines)
    if (k.t <= t) actions.push_back(ShowLines{k.show});  // the latest key at or before t wins
  for (const auto& r : s.restrictions) {
    auto v = r.keys.sample(t);
    if (v[0] != 1.0 || v[1] != 0.0) actions.push_back(SetRestriction{{r.target, v[0], v[1]}});
    // Sustained pressure on it, while a release track spans t.
    for (const auto& rel : s.releases)
      if (rel.target == r.target && rel.span.contains(t) && (v[0] != 1.0 || v[1] != 0.0))
        actions.push_back(StartRelease{rel.target, rel.span.from});
  }
  for (const auto& l : s.loads) {
    double n = l.keys.sample(t)[0];
    if (n > 0) actions.push_back(SetLoad{{l.place, n, l.direction, l.frequency_hz}});
  }
  for (const auto& h : s.holds)
    if (h.span.contains(t)) actions.push_back(SetHold{{h.joint, h.keys.sample(t)[0]}});
  for (const auto& b : s.breathing) {
    auto v = b.keys.sample(t);
    actions.push_back(SetBreathing{{v[0] > 0, v[0] > 0 ? v[0] : 0.6, v[1]}});
  }
  // The latest clip that has begun plays; it holds its last pose after its span.
  const MovementClip* clip = nullptr;
  for (const auto& m : s.movements)
    if (m.span.from <= t && (!clip || m.span.from >= clip->span.from)) clip = &m;
  if (clip) {
    double u = std::clamp((t - clip->span.from) / (clip->span.to - clip->span.from), 0.0, 1.0);
    actions.push_back(SetMovement{clip->name, u * clip->movement_s});
  }

  for (const auto& a : actions) {
    auto next = reduce(out, a);
    if (!next) return json_error(s.file, "$", "at " + std::to_string(t) + " s: " + next.error().message);
    out = std::move(*next);
  }

  Moment m;
  m.session = std::move(out);
  for (const auto& c : s.captions)
    if (c.span.contains(t)) m.presentation.captions.push_back({c.text, c.title, fade(c.span, t)});
  for (const auto& l : s.labels)
    if (l.span.contains(t)) m.presentation.labels.push_back({l.text, l.position, fade(l.span, t)});
  for (const auto& r : s.reveals) {
    if (t < r.span.from) {
      m.presentation.reveal[r.line] = 0;
    } else {
      double u = apply_ease(r.ease, (t - r.span.from) / (r.span.to - r.span.from));
      m.presentation.reveal[r.line] = float(std::clamp(u, 0.0, 1.0));
    }
  }
  for (const auto& h : s.highlights)
    if (h.span.contains(t)) m.presentation.highlight = h.line;
  return m;
}

Result<Moment> evaluate_frame(const Scenario& s, int frame) {
  double t = s.frame_time(frame);
  auto m = evaluate(s, t);
  if (!m) return m;
  for (const auto& k : s.markers)
    if (k.t >= t && k.t < s.frame_time(frame + 1)) m->presentation.markers.push_back(k.name);
  return m;
}

}  // namespace fascia::scenario

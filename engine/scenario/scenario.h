#pragma once
// A scenario: a timeline of tracks of keyframes (docs/scenarios.md). Evaluated at a time it gives
// the Session the live app would hold at that moment (evaluate.h) plus presentation-only extras
// (captions, titles, labels, line reveal, highlights); the simulation follows in fixed steps
// (sim_timeline.h). No Vulkan here.
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "scenario/ease.h"
#include "session/session.h"

namespace fascia::scenario {

inline constexpr int kScenarioVersion = 1;
inline constexpr double kMaxDurationS = 3600;  // an hour: longer is a series, not a scenario
inline constexpr int kMaxFps = 120;

// Keyframes of a few numeric channels; each segment eases by the ease of the key it ends at.
struct Channels {
  std::vector<double> time;                // strictly increasing, seconds
  std::vector<Ease> ease;                  // (nkey)
  std::vector<std::vector<double>> value;  // (nkey x nchannel)
  // Which channels each key set itself; the others carry the previous key's value (resolved again
  // by `bind` for camera keys, whose targets are known only then).
  std::vector<std::vector<uint8_t>> given;
  // Values at time t: the first key's before it, the last key's after it.
  std::vector<double> sample(double t) const;
  bool empty() const { return time.empty(); }
};

// A span of time with something shown or applied in it, [from, to).
struct Span {
  double from = 0, to = 0;
  bool contains(double t) const { return t >= from && t < to; }
};

// channels: yaw, pitch, distance (0 = whole body), target x y z, fov. A key may "frame" a named
// structure instead of a target: the scenario binder resolves it into target and distance.
struct CameraTrack {
  Channels keys;
};
struct LayersTrack {
  Channels keys;
};  // skin, muscle, bone
struct LinesKey {
  std::string path;
  double t = 0;
  std::vector<std::string> show;
};  // step changes
struct RevealTrack {
  std::string path;
  std::string line;
  Span span;
  Ease ease = Ease::InOut;
};
struct HighlightTrack {
  std::string path;
  std::string line;
  Span span;
};
struct LabelTrack {
  std::string path;
  std::string text, at;
  Span span;
  std::array<float, 3> position{0, 0, 0};
};
struct CaptionTrack {
  std::string text;
  Span span;
  bool title = false;
};
struct Marker {
  std::string name;
  double t = 0;
};
struct RestrictionTrack {
  std::string path;
  std::string target;
  Channels keys;
};  // stiffness_x, shorten_pct
struct ReleaseTrack {
  std::string path;
  std::string target;
  Span span;
};
// Traction (frequency 0) or oscillation at frequency_hz; channel: newtons.
struct LoadTrack {
  std::string path;
  std::string place;
  std::array<double, 3> direction{0, 0, 0};
  double frequency_hz = 0;
  Channels keys;
};
struct HoldTrack {
  std::string path;
  std::string joint;
  Span span;
  Channels keys;
};  // degrees
struct BreathingTrack {
  Channels keys;
};  // depth (0 = off), period_s
struct MovementClip {
  std::string path;
  std::string name;
  Span span;
  double movement_s = 0;
};  // plays once over the span, then holds its end

enum class Colouring { Tension, Stretch, Lines };

struct Scenario {
  std::string file;  // where it was read from, for messages
  std::string title;
  double duration_s = 10;
  int fps = 30;
  int width = 1280, height = 720;
  Colouring colouring = Colouring::Tension;
  double tension_scale_n = 0;  // the change that maps to the top of the colour map; 0 = automatic
  session::Session start;      // the state before any track acts

  std::vector<CameraTrack> camera;
  std::vector<LayersTrack> layers;
  std::vector<LinesKey> lines;
  std::vector<RevealTrack> reveals;
  std::vector<HighlightTrack> highlights;
  std::vector<LabelTrack> labels;
  std::vector<CaptionTrack> captions;
  std::vector<Marker> markers;
  std::vector<RestrictionTrack> restrictions;
  std::vector<ReleaseTrack> releases;
  std::vector<LoadTrack> loads;
  std::vector<HoldTrack> holds;
  std::vector<BreathingTrack> breathing;
  std::vector<MovementClip> movements;

  // Where each camera key asked to frame a structure: (track, key) -> name, resolved by `bind`.
  std::map<std::pair<int, int>, std::string> frame_requests;
  std::map<std::pair<int, int>, std::string> frame_paths;  // the keys' JSON paths, for messages
  std::set<std::pair<int, int>> camera_targets_given;      // keys with an explicit "target"

  int frame_count() const;
  double frame_time(int frame) const { return double(frame) / fps; }
};

}  // namespace fascia::scenario

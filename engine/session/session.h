#pragma once
// The Session: everything a user has set, as one plain value (after the Elm/Redux pattern). The
// window, `--script`, scenario timelines and session files all change it only through actions
// (actions.h) applied by the pure reducer, so undo is a history of values and a frame of a scenario
// is a function of its number. No Vulkan, GLFW or ImGui here.
//
// Targets are the atlas's ids as the simulation knows them: a track (`sbl.gastrocnemius.l`), a
// tissue with its side (`gastrocnemius.l`) or a line side (`sbl.l`); joints are hinge or group names
// (`knee.l`, `neck`). The reducer checks ranges; ids are checked against a model where they are used.
#include <array>
#include <string>
#include <vector>

namespace fascia::session {

inline constexpr int kSessionVersion = 1;

// Ranges the UI, the CLI and files share.
inline constexpr double kMinStiffnessX = 0.1, kMaxStiffnessX = 10.0;
inline constexpr double kMaxShortenPct = 10.0;
inline constexpr double kMaxLoadN = 200.0;
inline constexpr double kMaxHoldDeg = 180.0;

struct Restriction {
  std::string target;
  double stiffness_x = 1.0;  // [0.1, 10]
  double shorten_pct = 0.0;  // [0, 10] % of slack length
  bool operator==(const Restriction&) const = default;
};

// Sustained pressure on a restricted target since `start_s` of session time (myofascial release).
struct Release {
  std::string target;
  double start_s = 0;
  bool operator==(const Release&) const = default;
};

// An external pull on a track or station: traction (frequency 0) or oscillation.
struct Load {
  std::string place;
  double newtons = 0;                        // amplitude, [0, 200]
  std::array<double, 3> direction{0, 0, 0};  // world, unit; zero = along the tissue, away from the body
  double frequency_hz = 0;
  bool operator==(const Load&) const = default;
};

// A joint moved passively to an angle and held there (a therapist's hand, a test rig).
struct Hold {
  std::string joint;
  double degrees = 0;
  bool operator==(const Hold&) const = default;
};

// A treatment preset in progress (treatments.h turns it into the actions of each moment): on the
// restriction of `target`, from `start_s` of session time for `duration_s`.
enum class TreatmentKind { MyofascialRelease, AssistedStretch };
struct Treatment {
  TreatmentKind kind = TreatmentKind::MyofascialRelease;
  std::string target;
  double start_s = 0;
  double duration_s = 90;
  // Assisted stretch: the joint moved and the pain-free end of its range (degrees, signed as the
  // joint's named motion), reached a little further with each breath out.
  std::string joint;
  double range_deg = 0;
  std::string place;      // assisted stretch: where the gentle oscillating traction pulls (a track)
  bool finished = false;  // ran its course: kept as the record of what was done
  bool operator==(const Treatment&) const = default;
};

struct Breathing {
  bool on = false;
  double depth = 0.6;     // 0..1 of full inspiration
  double period_s = 4.0;  // one breath
  bool operator==(const Breathing&) const = default;
};

// The camera as an orbit about a target (what the window's controls and presets set).
struct CameraView {
  float yaw_deg = 0, pitch_deg = 0;
  float distance_m = 0;  // 0 = frame the whole body
  std::array<float, 3> target{0, 0, 0};
  float fov_deg = 35;
  bool operator==(const CameraView&) const = default;
};

struct Layers {
  float skin = 0.22f, muscle = 0.55f, bone = 1.0f;  // opacity
  bool operator==(const Layers&) const = default;
};

enum class Side { Both, Left, Right };

struct Visibility {
  std::vector<std::string> lines;  // line ids shown (`sbl`, `dfl`); empty = none
  Side side = Side::Both;
  std::vector<std::string> hidden_structures;  // muscles, bones or tracks hidden one by one
  bool operator==(const Visibility&) const = default;
};

struct Session {
  int version = kSessionVersion;
  std::string client_label;
  std::string notes;

  // Simulation inputs: at most one restriction, release, load and hold per target, in the order
  // the user added them.
  std::vector<Restriction> restrictions;
  std::vector<Release> releases;
  std::vector<Load> loads;
  std::vector<Hold> holds;
  std::vector<Treatment> treatments;  // at most one per target
  Breathing breathing;
  std::string movement;  // a movement of the pose library, empty = standing
  double movement_time_s = 0;

  // View.
  CameraView camera;
  Layers layers;
  Visibility visibility;
  std::string selection;  // a picked structure's id, empty = none
  bool colour_by_tension = true;

  bool operator==(const Session&) const = default;
};

// The twelve line ids, in the atlas's order.
const std::vector<std::string>& all_line_ids();
// A new session: every line shown, default layers and camera.
Session default_session();

// A restriction in the command line's --restrict syntax, TARGET=STIFFNESS_X,SHORTEN_PCT.
std::string restrict_option_text(const Restriction& r);
std::vector<std::string> restrict_option_texts(const std::vector<Restriction>& rs);

const Restriction* find_restriction(const Session& s, const std::string& target);
const Hold* find_hold(const Session& s, const std::string& joint);

}  // namespace fascia::session

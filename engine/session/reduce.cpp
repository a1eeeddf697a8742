#include <algorithm>
#include <cmath>
#include <cstdio>

#include "session/actions.h"

namespace fascia::session {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

Status in_range(const char* what, double v, double lo, double hi) {
  if (std::isfinite(v) && v >= lo && v <= hi) return ok_status();
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s %g is out of range: expected %g to %g", what, v, lo, hi);
  return bad_input(buf);
}

Status named(const char* what, const std::string& id) {
  if (!id.empty()) return ok_status();
  return bad_input(std::string(what) + " names nothing: expected an id");
}

// Replaces the entry whose key equals `key`, or appends `value`: one entry per target.
template <class T, class Key>
void upsert(std::vector<T>& list, const T& value, Key key) {
  auto it = std::find_if(list.begin(), list.end(), [&](const T& e) { return key(e) == key(value); });
  if (it == list.end())
    list.push_back(value);
  else
    *it = value;
}

template <class T, class Key>
void erase_key(std::vector<T>& list, const std::string& k, Key key) {
  std::erase_if(list, [&](const T& e) { return key(e) == k; });
}

void toggle(std::vector<std::string>& list, const std::string& id) {
  auto it = std::find(list.begin(), list.end(), id);
  if (it == list.end())
    list.push_back(id);
  else
    list.erase(it);
}

const auto by_target = [](const auto& e) { return e.target; };

}  // namespace

bool changes_simulation(const Action& a) {
  return std::visit(Overloaded{
                        [](const SetRestriction&) { return true; },
                        [](const RemoveRestriction&) { return true; },
                        [](const ClearRestrictions&) { return true; },
                        [](const StartRelease&) { return true; },
                        [](const StopRelease&) { return true; },
                        [](const StartTreatment&) { return true; },
                        [](const StopTreatment&) { return true; },
                        [](const SetLoad&) { return true; },
                        [](const RemoveLoad&) { return true; },
                        [](const SetHold&) { return true; },
                        [](const RemoveHold&) { return true; },
                        [](const SetBreathing&) { return true; },
                        [](const SetMovement&) { return true; },
                        [](const Reset&) { return true; },
                        [](const auto&) { return false; },
                    },
                    a);
}

std::string describe(const Action& a) {
  return std::visit(
      Overloaded{
          [](const SetRestriction& x) { return "restrict " + x.value.target; },
          [](const RemoveRestriction& x) { return "remove restriction " + x.target; },
          [](const ClearRestrictions&) { return std::string("remove all restrictions"); },
          [](const StartRelease& x) { return "release " + x.target; },
          [](const StopRelease& x) { return "stop release " + x.target; },
          [](const StartTreatment& x) {
            return std::string(x.value.kind == TreatmentKind::AssistedStretch ? "assisted stretch "
                                                                              : "myofascial release ") +
                   x.value.target;
          },
          [](const StopTreatment& x) { return "stop treatment " + x.target; },
          [](const SetLoad& x) { return "load " + x.value.place; },
          [](const RemoveLoad& x) { return "remove load " + x.place; },
          [](const SetHold& x) { return "hold " + x.value.joint; },
          [](const RemoveHold& x) { return "free " + x.joint; },
          [](const SetBreathing& x) { return std::string(x.value.on ? "breathe" : "stop breathing"); },
          [](const SetMovement& x) { return x.name.empty() ? std::string("stand") : "move: " + x.name; },
          [](const SetCamera&) { return std::string("camera"); },
          [](const SetLayers&) { return std::string("layers"); },
          [](const ShowLines&) { return std::string("lines shown"); },
          [](const ToggleLine& x) { return "toggle " + x.line; },
          [](const SetSide&) { return std::string("side"); },
          [](const HideStructure& x) { return "hide " + x.id; },
          [](const ShowStructure& x) { return x.id.empty() ? std::string("show all") : "show " + x.id; },
          [](const Select& x) { return x.id.empty() ? std::string("clear selection") : "select " + x.id; },
          [](const SetColourByTension&) { return std::string("tension colours"); },
          [](const SetNotes&) { return std::string("notes"); },
          [](const SetClientLabel&) { return std::string("client label"); },
          [](const Reset&) { return std::string("reset"); },
      },
      a);
}

Result<Session> reduce(const Session& in, const Action& a) {
  Session s = in;
  Status st = std::visit(
      Overloaded{
          [&](const SetRestriction& x) -> Status {
            if (auto e = named("restriction", x.value.target); !e) return e;
            if (auto e =
                    in_range("restriction stiffness", x.value.stiffness_x, kMinStiffnessX, kMaxStiffnessX);
                !e)
              return e;
            if (auto e = in_range("restriction shortening (%)", x.value.shorten_pct, 0, kMaxShortenPct); !e)
              return e;
            upsert(s.restrictions, x.value, by_target);
            return ok_status();
          },
          [&](const RemoveRestriction& x) -> Status {
            erase_key(s.restrictions, x.target, by_target);
            erase_key(s.releases, x.target, by_target);
            erase_key(s.treatments, x.target, by_target);
            return ok_status();
          },
          [&](const ClearRestrictions&) -> Status {
            s.restrictions.clear();
            s.releases.clear();
            s.treatments.clear();
            return ok_status();
          },
          [&](const StartRelease& x) -> Status {
            if (!find_restriction(s, x.target))
              return bad_input("release of '" + x.target + "': no restriction on it to release");
            if (auto e = in_range("release start (s)", x.at_s, 0, 1e7); !e) return e;
            upsert(s.releases, Release{x.target, x.at_s}, by_target);
            return ok_status();
          },
          [&](const StopRelease& x) -> Status {
            erase_key(s.releases, x.target, by_target);
            return ok_status();
          },
          [&](const StartTreatment& x) -> Status {
            const Treatment& t = x.value;
            if (!find_restriction(s, t.target))
              return bad_input("treatment of '" + t.target + "': no restriction on it to treat");
            if (auto e = in_range("treatment start (s)", t.start_s, 0, 1e7); !e) return e;
            if (auto e = in_range("treatment duration (s)", t.duration_s, 1, 3600); !e) return e;
            if (t.kind == TreatmentKind::AssistedStretch) {
              if (auto e = named("assisted stretch joint", t.joint); !e) return e;
              if (auto e =
                      in_range("assisted stretch range (degrees)", t.range_deg, -kMaxHoldDeg, kMaxHoldDeg);
                  !e)
                return e;
            }
            upsert(s.treatments, t, by_target);
            return ok_status();
          },
          [&](const StopTreatment& x) -> Status {
            erase_key(s.treatments, x.target, by_target);
            return ok_status();
          },
          [&](const SetLoad& x) -> Status {
            if (auto e = named("load", x.value.place); !e) return e;
            if (auto e = in_range("load (N)", x.value.newtons, 0, kMaxLoadN); !e) return e;
            if (auto e = in_range("load frequency (Hz)", x.value.frequency_hz, 0, 5); !e) return e;
            for (double c : x.value.direction)
              if (auto e = in_range("load direction", c, -1, 1); !e) return e;
            upsert(s.loads, x.value, [](const Load& l) { return l.place; });
            return ok_status();
          },
          [&](const RemoveLoad& x) -> Status {
            erase_key(s.loads, x.place, [](const Load& l) { return l.place; });
            return ok_status();
          },
          [&](const SetHold& x) -> Status {
            if (auto e = named("hold", x.value.joint); !e) return e;
            if (auto e = in_range("hold (degrees)", x.value.degrees, -kMaxHoldDeg, kMaxHoldDeg); !e) return e;
            upsert(s.holds, x.value, [](const Hold& h) { return h.joint; });
            return ok_status();
          },
          [&](const RemoveHold& x) -> Status {
            erase_key(s.holds, x.joint, [](const Hold& h) { return h.joint; });
            return ok_status();
          },
          [&](const SetBreathing& x) -> Status {
            if (auto e = in_range("breathing depth", x.value.depth, 0, 1); !e) return e;
            if (auto e = in_range("breathing period (s)", x.value.period_s, 1, 20); !e) return e;
            s.breathing = x.value;
            return ok_status();
          },
          [&](const SetMovement& x) -> Status {
            if (auto e = in_range("movement time (s)", x.time_s, 0, 1e6); !e) return e;
            s.movement = x.name;
            s.movement_time_s = x.time_s;
            return ok_status();
          },
          [&](const SetCamera& x) -> Status {
            const CameraView& c = x.value;
            for (float v : {c.yaw_deg, c.pitch_deg, c.distance_m, c.target[0], c.target[1], c.target[2]})
              if (!std::isfinite(v)) return bad_input("camera: a value is not a finite number");
            if (auto e = in_range("camera pitch (degrees)", c.pitch_deg, -90, 90); !e) return e;
            if (auto e = in_range("camera distance (m)", c.distance_m, 0, 100); !e) return e;
            if (auto e = in_range("camera field of view (degrees)", c.fov_deg, 5, 120); !e) return e;
            s.camera = c;
            return ok_status();
          },
          [&](const SetLayers& x) -> Status {
            for (float v : {x.value.skin, x.value.muscle, x.value.bone})
              if (auto e = in_range("layer opacity", v, 0, 1); !e) return e;
            s.layers = x.value;
            return ok_status();
          },
          [&](const ShowLines& x) -> Status {
            const auto& known = all_line_ids();
            for (const auto& id : x.lines)
              if (std::find(known.begin(), known.end(), id) == known.end())
                return bad_input("show lines: unknown line '" + id + "'");
            s.visibility.lines = x.lines;
            return ok_status();
          },
          [&](const ToggleLine& x) -> Status {
            const auto& known = all_line_ids();
            if (std::find(known.begin(), known.end(), x.line) == known.end())
              return bad_input("toggle line: unknown line '" + x.line + "'");
            toggle(s.visibility.lines, x.line);
            return ok_status();
          },
          [&](const SetSide& x) -> Status {
            s.visibility.side = x.side;
            return ok_status();
          },
          [&](const HideStructure& x) -> Status {
            if (auto e = named("hide", x.id); !e) return e;
            auto& h = s.visibility.hidden_structures;
            if (std::find(h.begin(), h.end(), x.id) == h.end()) h.push_back(x.id);
            return ok_status();
          },
          [&](const ShowStructure& x) -> Status {
            auto& h = s.visibility.hidden_structures;
            if (x.id.empty())
              h.clear();
            else
              std::erase(h, x.id);
            return ok_status();
          },
          [&](const Select& x) -> Status {
            s.selection = x.id;
            return ok_status();
          },
          [&](const SetColourByTension& x) -> Status {
            s.colour_by_tension = x.on;
            return ok_status();
          },
          [&](const SetNotes& x) -> Status {
            s.notes = x.text;
            return ok_status();
          },
          [&](const SetClientLabel& x) -> Status {
            s.client_label = x.text;
            return ok_status();
          },
          [&](const Reset&) -> Status {
            Session fresh = default_session();
            fresh.notes = s.notes;
            fresh.client_label = s.client_label;
            s = std::move(fresh);
            return ok_status();
          },
      },
      a);
  if (!st) return st.error();
  return s;
}

}  // namespace fascia::session

#include <doctest/doctest.h>

#include <cmath>

#include "core/json.h"
#include "scenario/bind.h"
#include "scenario/evaluate.h"
#include "scenario/parse.h"
#include "scenario/recorder.h"
#include "scenario/sim_timeline.h"
#include "scenario/srt.h"
#include "session/actions.h"
#include "sim/commands.h"

using namespace fascia;
using namespace fascia::scenario;

namespace {

Result<Scenario> parse(const std::string& text) {
  auto j = parse_json(text, "t.json");
  if (!j) return j.error();
  return parse_scenario(*j, "t.json");
}

std::string error_of(const std::string& text) {
  auto s = parse(text);
  return s ? std::string("(parsed)") : s.error().message;
}

const char* kCalf = R"({
  "scenario": 1, "duration": 4, "fps": 30,
  "tracks": [
    {"type": "restriction", "target": "gastrocnemius.l",
     "keys": [{"t": 0.5, "stiffness_x": 1, "shorten_pct": 0}, {"t": 2.5, "stiffness_x": 3, "shorten_pct": 4, "ease": "linear"}]},
    {"type": "camera", "keys": [{"t": 0, "yaw": 0}, {"t": 2, "yaw": 90, "ease": "linear"}, {"t": 3, "frame": "occipital_ridge"}]},
    {"type": "caption", "text": "A tight calf", "from": 1, "to": 3},
    {"type": "reveal", "line": "sbl", "from": 0, "to": 2, "ease": "linear"},
    {"type": "marker", "name": "neck", "t": 3.0}
  ]})";

}  // namespace

TEST_CASE("scenario ease: each curve runs 0 to 1, in_out is symmetric, step jumps at the end") {
  for (Ease e : {Ease::Linear, Ease::In, Ease::Out, Ease::InOut}) {
    CHECK(apply_ease(e, 0) == doctest::Approx(0));
    CHECK(apply_ease(e, 1) == doctest::Approx(1));
  }
  CHECK(apply_ease(Ease::InOut, 0.5) == doctest::Approx(0.5));
  CHECK(apply_ease(Ease::InOut, 0.25) == doctest::Approx(1 - apply_ease(Ease::InOut, 0.75)));
  CHECK(apply_ease(Ease::In, 0.5) == doctest::Approx(0.125));
  CHECK(apply_ease(Ease::Step, 0.99) == 0);
  CHECK(!parse_ease("bounce"));
}

TEST_CASE(
    "scenario evaluate: keys interpolate with their ease, hold outside their range, captions and reveal "
    "follow") {
  auto s = parse(kCalf);
  REQUIRE(s);
  CHECK(s->frame_count() == 120);
  auto at = [&](double t) {
    auto m = evaluate(*s, t);
    REQUIRE(m);
    return *m;
  };
  CHECK(at(0.2).session.restrictions.empty());  // before the ramp: nothing restricted
  auto mid = at(1.5);
  REQUIRE(mid.session.restrictions.size() == 1);
  CHECK(mid.session.restrictions[0].target == "gastrocnemius.l");
  CHECK(mid.session.restrictions[0].stiffness_x == doctest::Approx(2.0));
  CHECK(mid.session.restrictions[0].shorten_pct == doctest::Approx(2.0));
  CHECK(at(3.9).session.restrictions[0].stiffness_x == doctest::Approx(3.0));
  CHECK(at(1.0).session.camera.yaw_deg == doctest::Approx(45));
  CHECK(at(0.5).presentation.captions.empty());
  REQUIRE(at(2.0).presentation.captions.size() == 1);
  CHECK(at(2.0).presentation.captions[0].text == "A tight calf");
  CHECK(at(1.1).presentation.captions[0].opacity == doctest::Approx(0.4f));
  CHECK(at(0.5).presentation.reveal.at("sbl") == doctest::Approx(0.25f));
  CHECK(at(3).presentation.reveal.at("sbl") == doctest::Approx(1.0f));
  auto marked = evaluate_frame(*s, 90);
  REQUIRE(marked);
  REQUIRE(marked->presentation.markers.size() == 1);
  CHECK(marked->presentation.markers[0] == "neck");
  CHECK(evaluate_frame(*s, 91)->presentation.markers.empty());
}

TEST_CASE("scenario parse: errors name the file, the JSON path and the problem") {
  CHECK(error_of("[]") == "t.json: at $: expected an object, found array");
  CHECK(error_of(R"({"scenario": 2, "duration": 1, "tracks": []})").find("$.scenario: unsupported version") !=
        std::string::npos);
  CHECK(error_of(R"({"scenario": 1, "tracks": []})").find("missing required field 'duration'") !=
        std::string::npos);
  CHECK(error_of(R"({"scenario": 1, "duration": 1, "tracks": [], "colour": "pink"})")
            .find("$.colour: 'pink'") != std::string::npos);
  std::string order = error_of(R"({"scenario": 1, "duration": 5, "tracks": [
      {"type": "camera", "keys": [{"t": 4, "yaw": 0}, {"t": 3, "yaw": 90}]}]})");
  CHECK(order.find("t.json: at $.tracks[0].keys[1].t: times must increase") != std::string::npos);
  std::string range = error_of(R"({"scenario": 1, "duration": 5, "tracks": [
      {"type": "restriction", "target": "x", "keys": [{"t": 0, "stiffness_x": 50}]}]})");
  CHECK(range.find("$.tracks[0].keys[0].stiffness_x") != std::string::npos);
  std::string late =
      error_of(R"({"scenario": 1, "duration": 5, "tracks": [{"type": "marker", "name": "a", "t": 9}]})");
  CHECK(late.find("$.tracks[0].t") != std::string::npos);
  std::string typo = error_of(R"({"scenario": 1, "duration": 5, "tracks": [
      {"type": "restriction", "target": "x", "keys": [{"t": 0, "stifness_x": 2}]}]})");
  CHECK(typo.find("unknown field 'stifness_x'") != std::string::npos);
  CHECK(error_of(R"({"scenario": 1, "duration": 5, "tracks": [{"type": "zoom"}]})")
            .find("$.tracks[0].type: 'zoom': unknown track type") != std::string::npos);
  CHECK(
      error_of(
          R"({"scenario": 1, "duration": 5, "tracks": [{"type": "caption", "text": "x", "from": 3, "to": 2}]})")
          .find("$.tracks[0].to: must be after 'from'") != std::string::npos);
}

TEST_CASE("scenario bind: unknown lines, structures, targets and joints are named with their path") {
  Catalog c;
  c.model = &sim::default_model();
  c.places["occipital_ridge"] = {0, 1.6f, -0.05f};
  c.movements["forward_bend"] = 3.0;
  auto s = parse(kCalf);
  REQUIRE(s);
  REQUIRE(bind(*s, c));
  CHECK(s->camera[0].keys.value[2][5] == doctest::Approx(-0.05));  // framed: target z
  CHECK(s->camera[0].keys.value[2][2] == doctest::Approx(kFrameDistanceM));
  // A key after a framed one keeps its target and distance; distance 0 goes back to the whole body.
  auto carried = parse(R"({"scenario": 1, "duration": 5, "tracks": [{"type": "camera", "keys": [
      {"t": 0, "frame": "occipital_ridge"}, {"t": 2, "yaw": 30}, {"t": 4, "distance": 0}]}]})");
  REQUIRE(carried);
  REQUIRE(bind(*carried, c));
  const auto& v = carried->camera[0].keys.value;
  CHECK(v[1][4] == doctest::Approx(1.6));
  CHECK(v[1][2] == doctest::Approx(kFrameDistanceM));
  CHECK(v[1][0] == doctest::Approx(30));
  CHECK(v[2][0] == doctest::Approx(30));
  CHECK(v[2][4] == doctest::Approx(c.body_target[1]));
  CHECK(v[2][2] > 3);
  auto bound_error = [&](const std::string& text) {
    auto x = parse(text);
    REQUIRE(x);
    auto st = bind(*x, c);
    return st ? std::string("(bound)") : st.error().message;
  };
  CHECK(bound_error(
            R"({"scenario": 1, "duration": 5, "tracks": [{"type": "reveal", "line": "xyz", "from": 0}]})")
            .starts_with("t.json: at $.tracks[0].line: 'xyz': no such line"));
  CHECK(
      bound_error(
          R"({"scenario": 1, "duration": 5, "tracks": [{"type": "restriction", "target": "nope.l", "keys": [{"t": 0}]}]})")
          .starts_with("t.json: at $.tracks[0].target: 'nope.l': unknown"));
  CHECK(
      bound_error(
          R"({"scenario": 1, "duration": 5, "tracks": [{"type": "hold", "joint": "elbowz", "keys": [{"t": 0}]}]})")
          .starts_with("t.json: at $.tracks[0].joint"));
  CHECK(
      bound_error(
          R"({"scenario": 1, "duration": 5, "tracks": [{"type": "movement", "name": "moonwalk", "from": 0}]})")
          .find("expected one of forward_bend") != std::string::npos);
  CHECK(
      bound_error(
          R"({"scenario": 1, "duration": 5, "tracks": [{"type": "camera", "keys": [{"t": 0, "frame": "moon"}]}]})")
          .starts_with("t.json: at $.tracks[0].keys[0].frame: 'moon'"));
  CHECK(
      bound_error(
          R"({"scenario": 1, "duration": 5, "tracks": [{"type": "release", "target": "gastrocnemius.l", "from": 0}]})")
          .find("needs a restriction track") != std::string::npos);
}

TEST_CASE("scenario sim timeline: a frame is the same whether reached in order, by seeking ahead or back") {
  auto s = parse(kCalf);
  REQUIRE(s);
  const sim::Model& m = sim::default_model();
  SimTimeline in_order(m, *s, 30);
  std::vector<std::vector<double>> states;
  for (int f = 0; f <= 75; ++f) {
    REQUIRE(in_order.seek(f));
    states.push_back(sim::get_state(m, in_order.data()));
  }
  CHECK(in_order.data().time == doctest::Approx(75.0 / 30).epsilon(1e-9));
  // The restriction has ramped in by 2.5 s: the calf carries more than at baseline.
  auto change = in_order.track_tension_change();
  CHECK(change.at("sbl.gastrocnemius.l") > 1.0);

  SimTimeline jumping(m, *s, 30);
  for (int f : {75, 40, 3, 61, 0, 75}) {
    REQUIRE(jumping.seek(f));
    CHECK(sim::get_state(m, jumping.data()) == states[f]);  // bit for bit
  }
  CHECK(jumping.data().element_tension == in_order.data().element_tension);
}

TEST_CASE("scenario srt: captions in order of start, clipped to the frames rendered, times from the first") {
  auto s = parse(R"({"scenario": 1, "duration": 10, "fps": 10, "tracks": [
      {"type": "caption", "text": "second", "from": 4, "to": 6},
      {"type": "title", "text": "first", "from": 0.5, "to": 2.25}]})");
  REQUIRE(s);
  CHECK(srt_time(3725.5) == "01:02:05,500");
  CHECK(to_srt(*s, 0, 99) ==
        "1\n00:00:00,500 --> 00:00:02,250\nfirst\n\n2\n00:00:04,000 --> 00:00:06,000\nsecond\n\n");
  CHECK(to_srt(*s, 50, 99) == "1\n00:00:00,000 --> 00:00:01,000\nsecond\n\n");
  CHECK(to_srt(*s, 70, 99).empty());
}

TEST_CASE("scenario recorder: a take played back gives the session the user had at each moment") {
  using namespace fascia::session;
  Session s = default_session();
  Recorder rec(s, "take");
  auto apply = [&](double t, const Action& a) {
    auto next = reduce(s, a);
    REQUIRE(next);
    s = *next;
    rec.record(t, s);
  };
  CameraView cam = s.camera;
  cam.yaw_deg = 40;
  apply(0.5, SetCamera{cam});
  apply(1.0, SetRestriction{{"gastrocnemius.l", 3.0, 4.0}});
  apply(1.5, ShowLines{{"sbl"}});
  apply(2.0, StartRelease{"gastrocnemius.l", 2.0});
  apply(2.5, SetHold{{"hip.l", 30}});
  apply(3.0, RemoveRestriction{"gastrocnemius.l"});
  apply(3.2, StopRelease{"gastrocnemius.l"});
  apply(3.5, RemoveHold{"hip.l"});
  rec.record(3.6, s);  // unchanged: not a change
  // The start and seven changes (removing the restriction already ended its release).
  CHECK(rec.changes() == 8);

  Json doc = rec.scenario(4.0);
  auto parsed = parse_scenario(doc, "take.json");
  INFO(doc.dump(1));
  REQUIRE(parsed);
  Catalog c;
  c.model = &sim::default_model();
  REQUIRE(bind(*parsed, c));
  auto at = [&](double t) {
    auto m = evaluate(*parsed, t);
    REQUIRE(m);
    return m->session;
  };
  CHECK(at(0.2).camera.yaw_deg == doctest::Approx(0));
  CHECK(at(0.6).camera.yaw_deg == doctest::Approx(40));
  CHECK(at(0.9).restrictions.empty());
  REQUIRE(at(1.2).restrictions.size() == 1);
  CHECK(at(2.9).restrictions[0].stiffness_x == doctest::Approx(3.0));  // held, not ramped
  CHECK(at(1.2).visibility.lines.size() == 12);
  CHECK(at(1.6).visibility.lines == std::vector<std::string>{"sbl"});
  CHECK(at(2.2).releases.size() == 1);
  CHECK(at(2.7).holds.size() == 1);
  CHECK(at(3.1).restrictions.empty());
  CHECK(at(3.6).holds.empty());
}

// A scenario file: parse, bind against the reference simulation and a few structures, then evaluate
// across (and beyond) its duration and run its simulation over a few frames. Whatever loads must
// give finite, in-range sessions; whatever does not must say where, in a named file.
#include <cmath>
#include <string>

#include "core/json.h"
#include "fuzz/targets.h"
#include "scenario/bind.h"
#include "scenario/evaluate.h"
#include "scenario/parse.h"
#include "scenario/sim_timeline.h"
#include "scenario/srt.h"
#include "sim/commands.h"

namespace fascia::fuzz {

void scenario_file(const uint8_t* data, size_t size) {
  constexpr std::string_view kSource = "fuzz_scenario.json";
  auto doc = parse_json(std::string_view(reinterpret_cast<const char*>(data), size), kSource);
  if (!doc) return;
  auto s = scenario::parse_scenario(*doc, std::string(kSource));
  if (!s) {
    FASCIA_FUZZ_CHECK(s.error().message.starts_with(kSource), s.error().message);
    return;
  }
  scenario::Catalog c;
  c.model = &sim::default_model();
  c.places = {{"calcaneus.l", {0.1f, 0.05f, -0.05f}}, {"occipital_ridge", {0, 1.6f, -0.05f}}};
  c.movements = {{"forward_bend", 2.0}};
  if (auto b = scenario::bind(*s, c); !b) {
    FASCIA_FUZZ_CHECK(b.error().message.starts_with(kSource), b.error().message);
    return;
  }
  const int n = s->frame_count();
  FASCIA_FUZZ_CHECK(n >= 1 && n <= scenario::kMaxDurationS * scenario::kMaxFps + 1, "frame count in range");
  for (double u : {-0.5, 0.0, 0.31, 0.5, 0.999, 1.0, 1.7}) {
    auto m = scenario::evaluate(*s, u * s->duration_s);
    FASCIA_FUZZ_CHECK(m.ok(), m.ok() ? "" : m.error().message);
    const auto& cam = m->session.camera;
    FASCIA_FUZZ_CHECK(std::isfinite(cam.yaw_deg) && std::isfinite(cam.distance_m) && cam.distance_m >= 0,
                      "camera");
    for (const auto& r : m->session.restrictions)
      FASCIA_FUZZ_CHECK(
          r.stiffness_x >= 0.1 && r.stiffness_x <= 10 && r.shorten_pct >= 0 && r.shorten_pct <= 10, r.target);
    for (const auto& [line, f] : m->presentation.reveal) FASCIA_FUZZ_CHECK(f >= 0 && f <= 1, line);
  }
  (void)scenario::to_srt(*s, 0, n - 1);
  // A few frames of simulation, by seeking out of order: never NaN, never negative tension.
  scenario::SimTimeline timeline(*c.model, *s, 2);
  for (int f : {3, 0, std::min(n - 1, 5)}) {
    auto st = timeline.seek(f);
    FASCIA_FUZZ_CHECK(st.ok(), st.ok() ? "" : st.error().message);
    const auto& d = timeline.data();
    for (int e = 0; e < c.model->nelement; ++e) {
      const double t = d.element_tension[e];
      // Shear links may push; tissue only pulls.
      FASCIA_FUZZ_CHECK(std::isfinite(t) && (t >= 0 || c.model->element_link[e]),
                        "tension of element " + std::to_string(e) + ": " + std::to_string(t));
    }
  }
}

}  // namespace fascia::fuzz

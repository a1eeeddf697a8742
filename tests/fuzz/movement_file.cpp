// A pose or movement file: parse, then, when it loads, sample it across (and beyond) its duration.
// Whatever loads must give finite poses; whatever does not must say where, in a named file.
#include <cmath>
#include <string>

#include "body/movement.h"
#include "fuzz/targets.h"

namespace fascia::fuzz {

void movement_file(const uint8_t* data, size_t size) {
  static const body::Skeleton skeleton = body::make_skeleton({});
  constexpr std::string_view kSource = "fuzz_pose.json";
  auto doc = parse_json(std::string_view(reinterpret_cast<const char*>(data), size), kSource);
  if (!doc) return;
  auto m = body::parse_movement(*doc, std::string(kSource), skeleton);
  if (!m) {
    FASCIA_FUZZ_CHECK(m.error().message.starts_with(kSource), m.error().message);
    return;
  }
  FASCIA_FUZZ_CHECK(!m->key_time.empty(), "a movement that loads has a keyframe");
  FASCIA_FUZZ_CHECK(std::isfinite(m->duration()), "finite duration");
  const float d = m->duration();
  for (float t : {-1.0f, 0.0f, 0.37f * d, 0.5f * d, d, 2.5f * d + 0.1f}) {
    body::Pose pose = body::sample_movement(*m, skeleton, t);
    FASCIA_FUZZ_CHECK(pose.local_rotation.size() == skeleton.size(), "one rotation per joint");
    for (const quat& q : pose.local_rotation)
      FASCIA_FUZZ_CHECK(std::isfinite(q.w) && std::isfinite(q.x) && std::isfinite(q.y) && std::isfinite(q.z),
                        m->name);
    for (int a = 0; a < 3; ++a) FASCIA_FUZZ_CHECK(std::isfinite(pose.root_offset[a]), m->name);
  }
}

}  // namespace fascia::fuzz

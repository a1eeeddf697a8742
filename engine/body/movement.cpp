#include "body/movement.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/paths.h"

namespace fascia::body {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Result<vec3> parse_vec3(const JsonCursor& c) {
  auto n = c.array_size();
  if (!n) return n.error();
  if (*n != 3) return c.error("expected 3 numbers [x, y, z], found " + std::to_string(*n));
  vec3 v(0.0f);
  for (int i = 0; i < 3; ++i) {
    auto e = c.at(i);
    if (!e) return e.error();
    // Degrees and fractions of stature both lie far inside; the bound keeps the float finite.
    auto x = e->number_in(-1e4, 1e4);
    if (!x) return x.error();
    v[i] = static_cast<float>(*x);
  }
  return v;
}

}  // namespace

Result<Movement> parse_movement(const Json& json, const std::string& source, const Skeleton& skeleton) {
  JsonCursor root(json, source);
  FASCIA_TRY(root.expect_object());
  Movement m;
  auto name = root.string_field("name");
  if (!name) return name.error();
  m.name = *name;
  auto desc = root.string_field_or("description", "");
  if (!desc) return desc.error();
  m.description = *desc;
  auto loop = root.bool_field_or("loop", false);
  if (!loop) return loop.error();
  m.loop = *loop;
  auto grounded = root.bool_field_or("grounded", true);
  if (!grounded) return grounded.error();
  m.grounded = *grounded;

  auto keys = root.field("keyframes");
  if (!keys) return keys.error();
  auto nkey = keys->array_size();
  if (!nkey) return nkey.error();
  if (*nkey == 0) return keys->error("expected at least one keyframe");
  for (size_t k = 0; k < *nkey; ++k) {
    auto key = keys->at(k);
    if (!key) return key.error();
    FASCIA_TRY(key->expect_object());
    // Times are stored as float: bounded so they stay finite, compared as stored so they increase.
    auto t = key->has("time") ? key->field("time")->number_in(0.0, 1e5) : Result<double>(0.0);
    if (!t) return t.error();
    if (!m.key_time.empty() && static_cast<float>(*t) <= m.key_time.back())
      return key->error("time " + num(*t) + " is not after the previous keyframe's " +
                        num(m.key_time.back()));
    if (m.key_time.empty() && *t != 0.0) return key->error("the first keyframe must be at time 0");
    m.key_time.push_back(static_cast<float>(*t));

    vec3 offset{0.0f};
    if (key->has("root_offset")) {
      auto o = key->field("root_offset");
      auto v = parse_vec3(*o);
      if (!v) return v.error();
      offset = *v;
    }
    m.key_root_offset.push_back(offset);

    std::vector<vec3> angles(skeleton.size(), vec3(0.0f));
    if (key->has("joints")) {
      auto joints = key->field("joints");
      FASCIA_TRY(joints->expect_object());
      for (auto it = joints->json().begin(); it != joints->json().end(); ++it) {
        auto jc = joints->field(it.key());
        int j = skeleton.find(it.key());
        if (j < 0) return jc->error("unknown joint '" + it.key() + "'");
        auto v = parse_vec3(*jc);
        if (!v) return v.error();
        const Joint& joint = skeleton.joints[j];
        for (int a = 0; a < 3; ++a) {
          if ((*v)[a] < joint.limit_min_deg[a] - 1e-3f || (*v)[a] > joint.limit_max_deg[a] + 1e-3f)
            return jc->error(std::string(1, "XYZ"[a]) + " angle " + num((*v)[a]) +
                             " outside the joint's limits [" + num(joint.limit_min_deg[a]) + ", " +
                             num(joint.limit_max_deg[a]) + "]");
        }
        angles[j] = *v;
      }
    }
    m.key_angles.push_back(std::move(angles));
  }
  if (m.loop && m.key_time.size() < 2) return keys->error("a looping movement needs at least two keyframes");
  return m;
}

Result<Movement> load_movement(const std::filesystem::path& path, const Skeleton& skeleton) {
  auto json = load_json_file(path);
  if (!json) return json.error();
  return parse_movement(*json, path.string(), skeleton);
}

Result<std::vector<Movement>> load_movements(const std::filesystem::path& dir, const Skeleton& skeleton) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return bad_input(dir.string() + ": not a folder");
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Movement> out;
  for (const auto& f : files) {
    auto m = load_movement(f, skeleton);
    if (!m) return m.error();
    out.push_back(std::move(*m));
  }
  return out;
}

std::filesystem::path poses_dir() {
  return assets_dir() / "poses";
}

Pose sample_movement(const Movement& m, const Skeleton& skeleton, float t) {
  Pose pose = rest_pose(skeleton);
  const size_t nkey = m.key_time.size();
  if (nkey == 0) return pose;
  const float duration = m.duration();
  if (!std::isfinite(t)) t = 0.0f;
  if (m.loop && duration > 0.0f) {
    t = std::fmod(t, duration);
    if (t < 0.0f) t += duration;
  } else {
    t = std::clamp(t, 0.0f, duration);
  }
  size_t k = 0;
  while (k + 2 < nkey && t >= m.key_time[k + 1]) ++k;
  const size_t k1 = std::min(k + 1, nkey - 1);
  const float span = m.key_time[k1] - m.key_time[k];
  const float u = span > 0.0f ? std::clamp((t - m.key_time[k]) / span, 0.0f, 1.0f) : 0.0f;

  // Neighbouring keys for the spline. A loop's last key repeats its first, so step over it.
  auto key_at = [&](long i) -> size_t {
    if (m.loop) {
      const long period = static_cast<long>(nkey) - 1;
      return static_cast<size_t>(((i % period) + period) % period);
    }
    return static_cast<size_t>(std::clamp(i, 0L, static_cast<long>(nkey) - 1));
  };
  auto blend = [&](const vec3& p0, const vec3& p1, const vec3& p2, const vec3& p3) -> vec3 {
    if (!m.loop) return glm::mix(p1, p2, u);
    const float u2 = u * u, u3 = u2 * u;
    return 0.5f * ((2.0f * p1) + (-p0 + p2) * u + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * u2 +
                   (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * u3);
  };
  const long ki = static_cast<long>(k);
  const size_t a = key_at(ki - 1), b = key_at(ki), c = key_at(ki + 1), d = key_at(ki + 2);
  for (size_t j = 0; j < skeleton.size() && j < m.key_angles[b].size(); ++j) {
    vec3 deg = blend(m.key_angles[a][j], m.key_angles[b][j], m.key_angles[c][j], m.key_angles[d][j]);
    pose.local_rotation[j] = rotation_from_degrees(deg);
  }
  pose.root_offset =
      blend(m.key_root_offset[a], m.key_root_offset[b], m.key_root_offset[c], m.key_root_offset[d]) *
      skeleton.params.height;
  if (m.grounded) ground_pose(skeleton, pose);
  return pose;
}

void ground_pose(const Skeleton& skeleton, Pose& pose) {
  // Points under the foot in each foot joint's frame: heel, metatarsal heads, toe tips, derived from
  // the rest pose so they hold for any stature.
  const std::vector<mat4> rest = world_transforms(skeleton, Pose{});
  const std::vector<mat4> world = world_transforms(skeleton, pose);
  const float h = skeleton.params.height;
  float lowest = INFINITY;
  for (const char* side : {".l", ".r"}) {
    struct Probe {
      const char* joint;
      vec3 offset;  // from the joint, rest pose, fractions of stature
    };
    // An imported rig may have no heel or toe joints: then the sole under the ankle, the ankle's
    // height being 0.039 of stature (Winter, Biomechanics and Motor Control of Human Movement, 4th
    // ed., fig. 4.1).
    bool probed = false;
    for (Probe probe : {Probe{"heel", {0.0f, -0.020f, -0.012f}}, Probe{"toes", {0.0f, -0.011f, 0.0f}},
                        Probe{"toes", {0.0f, -0.009f, 0.022f}}, Probe{"talus", {0.0f, -0.039f, 0.0f}}}) {
      if (probed && std::string_view(probe.joint) == "talus") continue;
      int j = skeleton.find(std::string(probe.joint) + side);
      if (j < 0) continue;
      probed = true;
      vec3 rest_point = vec3(rest[j][3]) + probe.offset * h;
      vec3 local = vec3(glm::inverse(rest[j]) * vec4(rest_point, 1.0f));
      lowest = std::min(lowest, (world[j] * vec4(local, 1.0f)).y);
    }
  }
  if (std::isfinite(lowest)) pose.root_offset.y -= lowest;
}

}  // namespace fascia::body

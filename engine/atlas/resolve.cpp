#include "atlas/resolve.h"

#include <algorithm>
#include <cmath>

#include "atlas/ids.h"

namespace fascia::atlas {

namespace {

constexpr float kPi = 3.14159265358979f;

struct CoursePoint {
  vec3 position;
  vec3 outward;  // unit, away from the bone the landmark lies on
  std::string joint;
  bool midline;
};

// Lookups that explain a failure in terms of what needed the missing piece.
struct Body {
  const BodyFrame& frame;

  Result<Placement> landmark(const std::string& id, const std::string& needed_by) const {
    auto p = frame.landmark ? frame.landmark(id) : std::nullopt;
    if (!p) return bad_input("body: landmark '" + id + "' (needed by " + needed_by + ") is missing");
    return *p;
  }

  Result<mat4> joint(const std::string& id, const std::string& needed_by) const {
    auto m = frame.joint_world ? frame.joint_world(id) : std::nullopt;
    if (!m) return bad_input("body: joint '" + id + "' (needed by " + needed_by + ") is missing");
    return *m;
  }
};

vec3 unit_or(vec3 v, vec3 fallback) {
  float n = glm::length(v);
  return n > 1e-6f ? v / n : fallback;
}

// Landmarks sit on the bone surface, so the direction from the bone's joint to the landmark points
// out of the bone. A landmark at its joint's origin falls back to the radial direction of the body.
Result<CoursePoint> course_point(const Body& body, const std::string& landmark,
                                 const std::string& needed_by) {
  auto p = body.landmark(landmark, needed_by);
  if (!p) return p.error();
  auto m = body.joint(p->joint, needed_by);
  if (!m) return m.error();
  vec3 origin = vec3((*m)[3]);
  vec3 radial = unit_or(vec3(p->position.x, 0.0f, p->position.z), vec3(0, 0, 1));
  const LandmarkId* id = find_landmark(landmark.substr(0, landmark.find('.')));
  return CoursePoint{p->position, unit_or(p->position - origin, radial), p->joint, id && !id->paired};
}

Result<AttachedPoint> attach(const Body& body, const std::string& joint, vec3 world,
                             const std::string& needed_by) {
  auto m = body.joint(joint, needed_by);
  if (!m) return m.error();
  return AttachedPoint{joint, vec3(glm::inverse(*m) * vec4(world, 1.0f)), world};
}

// The outward direction with its component along the track removed, so the offset lifts the track
// off the bone instead of sliding it along itself.
vec3 lift(vec3 outward, vec3 along) {
  vec3 v = outward - glm::dot(outward, along) * along;
  return unit_or(v, outward);
}

Result<ResolvedTrack> resolve_track(const Body& body, const TrackInstance& t, const ResolveOptions& o) {
  ResolvedTrack rt;
  rt.id = t.id;
  rt.lines = t.lines;
  rt.tissues = t.tissues;
  rt.from = t.from;
  rt.to = t.to;
  std::string who = "track '" + t.id + "'";

  std::vector<std::string> ids = {t.from};
  ids.insert(ids.end(), t.via.begin(), t.via.end());
  ids.push_back(t.to);
  std::vector<CoursePoint> course;
  for (const auto& id : ids) {
    auto c = course_point(body, id, who);
    if (!c) return c.error();
    course.push_back(*c);
  }
  // A paired track between midline landmarks (erector spinae between sacrum and occiput) runs beside
  // the midline on its own side: +X is the body's left.
  float lateral = t.side == 'm' ? 0.0f : (t.side == 'l' ? 1.0f : -1.0f) * float(t.track->lateral_offset);

  int n = std::max(1, o.points_per_segment);
  for (size_t s = 0; s + 1 < course.size(); ++s) {
    const CoursePoint& a = course[s];
    const CoursePoint& b = course[s + 1];
    vec3 along = unit_or(b.position - a.position, vec3(0, 1, 0));
    float length = glm::length(b.position - a.position);
    float bulge = std::min(o.max_bulge, o.bulge * length);
    int first = s == 0 ? 0 : 1;  // shared course points appear once
    for (int i = first; i <= n; ++i) {
      float u = float(i) / float(n);
      vec3 outward = lift(unit_or(glm::mix(a.outward, b.outward, u), a.outward), along);
      vec3 p = glm::mix(a.position, b.position, u) + outward * (o.clearance + bulge * std::sin(kPi * u));
      bool at_end = (s == 0 && i == 0) || (s + 2 == course.size() && i == n);
      float side_a = a.midline ? 1.0f : 0.0f, side_b = b.midline ? 1.0f : 0.0f;
      if (!at_end) p.x += lateral * glm::mix(side_a, side_b, u);
      const std::string& joint = u < 0.5f ? a.joint : b.joint;
      auto ap = attach(body, joint, p, who);
      if (!ap) return ap.error();
      rt.path.push_back(std::move(*ap));
    }
  }
  return rt;
}

}  // namespace

const ResolvedStation* ResolvedAtlas::station(std::string_view id) const {
  for (const auto& s : stations)
    if (s.id == id) return &s;
  return nullptr;
}

const ResolvedTrack* ResolvedAtlas::track(std::string_view id) const {
  for (const auto& t : tracks)
    if (t.id == id) return &t;
  return nullptr;
}

Result<ResolvedAtlas> resolve(const Atlas& atlas, const BodyFrame& frame, const ResolveOptions& options) {
  Body body{frame};
  ExpandedAtlas ex = expand(atlas);
  ResolvedAtlas out;
  for (const LineInstance& li : ex.lines) {
    for (const PointInstance& pi : li.points) {
      std::string who = "station '" + pi.id + "'";
      // Every landmark of a station must exist, not only the one that places it: tracks end on them.
      for (const auto& l : pi.landmarks) {
        auto p = body.landmark(l, who);
        if (!p) return p.error();
      }
      auto c = course_point(body, pi.landmarks.front(), who);
      if (!c) return c.error();
      auto at = attach(body, c->joint, c->position, who);
      if (!at) return at.error();
      out.stations.push_back(
          {pi.id, li.id, pi.point->id, pi.point->kind, pi.landmarks.front(), std::move(*at)});
    }
    for (const TransitionInstance& ti : li.transitions) {
      out.transitions.push_back({li.id, ti.point, ti.tracks_in, ti.tracks_out, ti.transition->evidence,
                                 ti.transition->continuity, ti.continuity_joint});
    }
  }
  for (const TrackInstance& t : ex.tracks) {
    auto rt = resolve_track(body, t, options);
    if (!rt) return rt.error();
    out.tracks.push_back(std::move(*rt));
  }
  return out;
}

}  // namespace fascia::atlas

#include "scene/skinned_lines.h"

#include <algorithm>
#include <array>
#include <utility>

#include "scene/tube.h"

namespace fascia::scene {

namespace {

// Joint weights summed over several influences, folded to the four strongest and renormalised.
struct WeightSum {
  std::vector<std::pair<uint16_t, float>> joints;

  void add(uint16_t joint, float w) {
    if (w <= 0.0f) return;
    for (auto& [j, sum] : joints)
      if (j == joint) {
        sum += w;
        return;
      }
    joints.push_back({joint, w});
  }
  void add(const SkinInfluence& s, float scale) {
    for (int k = 0; k < 4; ++k) add(s.joints[k], s.weights[k] * scale);
  }
  SkinInfluence folded() {
    std::sort(joints.begin(), joints.end(), [](auto& a, auto& b) { return a.second > b.second; });
    SkinInfluence out;
    float total = 0;
    for (size_t k = 0; k < joints.size() && k < 4; ++k) total += joints[k].second;
    for (size_t k = 0; k < joints.size() && k < 4; ++k) {
      out.joints[int(k)] = joints[k].first;
      out.weights[int(k)] = total > 0 ? joints[k].second / total : 0.0f;
    }
    if (total <= 0) out.weights[0] = 1.0f;
    return out;
  }
};

vec3 skin_point(const std::vector<mat4>& palette, const SkinInfluence& s, vec3 p) {
  mat4 blend(0.0f);
  for (int k = 0; k < 4; ++k)
    if (s.weights[k] > 0.0f && s.joints[k] < palette.size()) blend += palette[s.joints[k]] * s.weights[k];
  return vec3(blend * vec4(p, 1.0f));
}

// The influences of smooth_path(points, per_segment)'s output: each inserted point blends the two
// it lies between by its place on the segment.
std::vector<SkinInfluence> smooth_influence(const std::vector<SkinInfluence>& in, int per_segment) {
  if (in.size() < 3 || per_segment <= 1) return in;
  std::vector<SkinInfluence> out;
  for (size_t i = 0; i + 1 < in.size(); ++i)
    for (int s = 0; s < per_segment; ++s)
      out.push_back(s == 0 ? in[i] : mix_influence(in[i], in[i + 1], float(s) / float(per_segment)));
  out.push_back(in.back());
  return out;
}

}  // namespace

SkinInfluence mix_influence(const SkinInfluence& a, const SkinInfluence& b, float t) {
  WeightSum sum;
  sum.add(a, 1.0f - t);
  sum.add(b, t);
  return sum.folded();
}

LineSkin skin_lines(const body::Body& body, const TrackAnchors& anchors,
                    const atlas::ResolvedAtlas& resolved) {
  LineSkin out;
  // The rest pose's points, lifted off their tissue (the skinning matrices of the rest pose are the
  // identity, so posing at rest seats each point without moving it).
  const std::vector<mat4> identity(body.skeleton.joints.size(), mat4(1.0f));
  const atlas::ResolvedAtlas seated = pose_tracks(body, anchors, resolved, identity);
  for (size_t i = 0; i < seated.tracks.size(); ++i) {
    const atlas::ResolvedTrack& t = seated.tracks[i];
    std::vector<vec3> points;
    std::vector<SkinInfluence> influence;
    for (size_t k = 0; k < t.path.size(); ++k) {
      points.push_back(t.path[k].world);
      WeightSum sum;
      const TrackAnchors::Anchor* a =
          i < anchors.tracks.size() && k < anchors.tracks[i].size() ? &anchors.tracks[i][k] : nullptr;
      if (a && a->mesh >= 0) {
        const body::BodyMesh& m = body.meshes[size_t(a->mesh)];
        for (int c = 0; c < 3; ++c)
          for (int j = 0; j < 4; ++j)
            sum.add(m.joints[a->vertex[c]][j], m.weights[a->vertex[c]][j] * a->bary[c]);
      } else {
        sum.add(uint16_t(std::max(0, body.skeleton.find(t.path[k].joint))), 1.0f);
      }
      influence.push_back(sum.folded());
    }
    out.rest_points.push_back(std::move(points));
    out.influence.push_back(std::move(influence));
  }
  for (const atlas::ResolvedStation& st : resolved.stations)
    out.station_joint.push_back(body.skeleton.find(st.at.joint));
  return out;
}

LineGeometry build_skinned_lines(const atlas::ResolvedAtlas& resolved, const LineSkin& skin, float radius) {
  LineGeometry g;
  g.radius = radius;
  g.marker = std::make_shared<Mesh>(make_sphere(1.0f, 6, 10));  // small on screen: few triangles
  for (size_t i = 0; i < resolved.tracks.size() && i < skin.rest_points.size(); ++i)
    g.tracks.push_back(line_track(resolved.tracks[i], resolved,
                                  smooth_path(skin.rest_points[i], kLineSmoothing),
                                  smooth_influence(skin.influence[i], kLineSmoothing), radius));
  for (const auto& s : resolved.stations)
    if (s.kind == atlas::PointKind::Station) g.stations.push_back({s.id, s.line, s.at.world});
  return g;
}

void pose_lines(LineGeometry& lines, const LineSkin& skin, const atlas::ResolvedAtlas& resolved,
                std::shared_ptr<const std::vector<mat4>> palette) {
  const std::vector<mat4>& m = *palette;
  std::vector<vec3> points;
  for (size_t i = 0; i < lines.tracks.size() && i < skin.rest_points.size(); ++i) {
    points.clear();
    for (size_t k = 0; k < skin.rest_points[i].size(); ++k)
      points.push_back(skin_point(m, skin.influence[i][k], skin.rest_points[i][k]));
    lines.tracks[i].path = smooth_path(points, kLineSmoothing);
  }
  // Stations sit on their bones (LineGeometry keeps the atlas's stations only, in order).
  size_t next = 0;
  for (size_t s = 0; s < resolved.stations.size(); ++s) {
    const atlas::ResolvedStation& st = resolved.stations[s];
    if (st.kind != atlas::PointKind::Station) continue;
    if (next >= lines.stations.size()) break;
    const int j = skin.station_joint[s];
    lines.stations[next++].position =
        j >= 0 && size_t(j) < m.size() ? vec3(m[size_t(j)] * vec4(st.at.world, 1.0f)) : st.at.world;
  }
  lines.palette = std::move(palette);
}

}  // namespace fascia::scene

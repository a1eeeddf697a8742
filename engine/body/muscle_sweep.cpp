#include <algorithm>
#include <cmath>

#include "body/mesher.h"
#include "body/muscles.h"

namespace fascia::body {

namespace {

// The body's axes (spine, limb bones, head), to tell "away from the body" from "into it".
struct Core {
  std::vector<std::pair<vec3, vec3>> segments;

  explicit Core(const AnatomyContext& c) {
    const Skeleton& s = c.skeleton;
    for (size_t i = 0; i < s.size(); ++i) {
      const Joint& j = s.joints[i];
      if (j.parent < 0) continue;
      const std::string& n = j.name;
      // Joints offset sideways or forward from their parent would point "outward" the wrong way.
      if (n.starts_with("clavicle") || n.starts_with("patella") || n.starts_with("heel") || n == "mandible" ||
          n.starts_with("femur") || n.starts_with("scapula"))
        continue;
      segments.emplace_back(c.joint_rest[j.parent], c.joint_rest[i]);
    }
    const vec3 skull = c.j("skull");
    segments.emplace_back(skull, skull + vec3(0, 0.07f * c.H, 0.01f * c.H));
  }

  // Unit direction from the nearest axis to p; `axis` receives the nearest axis point.
  vec3 outward(vec3 p, vec3* axis = nullptr, vec3* axis_dir = nullptr) const {
    float best = INFINITY;
    vec3 dir(0, 0, 1);
    if (axis) *axis = p - dir;
    for (const auto& [a, b] : segments) {
      const vec3 ab = b - a;
      const float l2 = glm::dot(ab, ab);
      const float t = l2 > 0 ? std::clamp(glm::dot(p - a, ab) / l2, 0.0f, 1.0f) : 0.0f;
      const vec3 d = p - (a + t * ab);
      const float dist = glm::dot(d, d);
      if (dist < best && dist > 1e-10f) {
        best = dist;
        dir = d / std::sqrt(dist);
        if (axis) *axis = a + t * ab;
        if (axis_dir) *axis_dir = l2 > 0 ? ab / std::sqrt(l2) : vec3(0, 1, 0);
      }
    }
    return dir;
  }
};

vec3 catmull_rom(const std::vector<MusclePoint>& pts, int k, float s) {
  const int n = static_cast<int>(pts.size());
  const vec3 p0 = pts[std::max(k - 1, 0)].pos, p1 = pts[k].pos, p2 = pts[std::min(k + 1, n - 1)].pos,
             p3 = pts[std::min(k + 2, n - 1)].pos;
  const float s2 = s * s, s3 = s2 * s;
  return 0.5f * ((2.0f * p1) + (-p0 + p2) * s + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * s2 +
                 (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * s3);
}

}  // namespace

BodyMesh sweep_muscle(const AnatomyContext& c, const MuscleShape& m, const SdfGrid& bones,
                      std::vector<TaggedPrim>* volume, const SdfGrid* skin) {
  const Core core_axes(c);
  const Core* core = &core_axes;
  BodyMesh mesh;
  mesh.name = m.name;
  mesh.layer = Layer::Muscle;
  const int npts = static_cast<int>(m.path.size());
  if (npts < 2) return mesh;

  float length = 0.0f;
  for (int k = 0; k + 1 < npts; ++k) length += glm::length(m.path[k + 1].pos - m.path[k].pos);
  const int nu = std::clamp(static_cast<int>(length / 0.012f), 8, 32);
  const int nv = 9;

  struct Station {
    vec3 centre, across, normal, axis, axis_dir;
    float half_width, thickness;
    int j0, j1;
    float w1;
  };
  std::vector<Station> st(nu + 1);
  for (int i = 0; i <= nu; ++i) {
    const float u = float(i) / float(nu);
    const float g = u * float(npts - 1);
    const int k = std::min(static_cast<int>(g), npts - 2);
    const float s = g - float(k);
    Station& q = st[i];
    q.centre = catmull_rom(m.path, k, s);
    const vec3 ahead =
        catmull_rom(m.path, k, std::min(s + 0.01f, 1.0f)) - catmull_rom(m.path, k, std::max(s - 0.01f, 0.0f));
    const vec3 tangent = glm::length(ahead) > 0 ? glm::normalize(ahead) : vec3(0, 1, 0);
    const float blend = s * s * (3.0f - 2.0f * s);
    q.half_width = glm::mix(m.path[k].half_width, m.path[k + 1].half_width, blend);
    // Thickness tapers to nothing at both ends so the surface closes there.
    const float taper = std::sqrt(std::clamp(std::min(u, 1.0f - u) / 0.12f, 0.0f, 1.0f));
    q.thickness = glm::mix(m.path[k].thickness, m.path[k + 1].thickness, blend) * taper;
    if (i == 0 || i == nu) q.thickness = 0.0f;
    q.j0 = m.path[k].joint;
    q.j1 = m.path[k + 1].joint;
    q.w1 = blend;

    const vec3 out = core->outward(q.centre, &q.axis, &q.axis_dir);
    vec3 across = m.across;
    if (glm::dot(across, across) > 0.0f)
      across = across - tangent * glm::dot(across, tangent);
    else
      across = glm::cross(tangent, out);
    if (glm::length(across) < 1e-6f) across = glm::cross(tangent, vec3(0, 0, 1));
    across = glm::normalize(across);
    if (i > 0 && glm::dot(across, st[i - 1].across) < 0.0f) across = -across;
    q.across = across;
    vec3 normal = glm::normalize(glm::cross(across, tangent));
    if (glm::dot(normal, out) < 0.0f) normal = -normal;
    q.normal = normal;
  }

  // Vertices: the outer surface on a (nu+1) x nv grid, the inner one on its interior; the rims
  // (first and last station, both edges) are shared, closing the shape.
  // A muscle whose width follows the body wraps round the nearest axis (a limb or the spine), so wide
  // sheets lie on the curved body instead of standing off it as flat planes.
  const bool wrap = glm::dot(m.across, m.across) == 0.0f;
  auto vertex = [&](const Station& q, float v, float lift) {
    const float x = 2.0f * v - 1.0f;
    const float e = std::sqrt(std::max(0.0f, 1.0f - x * x));
    if (wrap) {
      // Only the part of the width that goes round the axis wraps; the part along it stays straight.
      const vec3 radial = q.centre - q.axis;
      const float r = glm::length(radial);
      const float along = glm::dot(q.across, q.axis_dir);
      const vec3 round = q.across - q.axis_dir * along;
      const float round_len = glm::length(round);
      if (r > 1e-4f && round_len > 1e-3f) {
        const float angle = std::clamp(q.half_width * x * round_len / r, -1.2f, 1.2f);
        const vec3 dir = radial / r * std::cos(angle) + round / round_len * std::sin(angle);
        const vec3 n = glm::normalize(glm::mix(q.normal, dir, std::min(1.0f, std::abs(angle))));
        return q.axis + dir * r + q.axis_dir * (q.half_width * x * along) + n * (q.thickness * e * lift);
      }
    }
    return q.centre + q.across * (q.half_width * x) + q.normal * (q.thickness * e * lift);
  };
  std::vector<int> top((nu + 1) * nv), bottom((nu + 1) * nv);
  auto add_vertex = [&](vec3 p, const Station& q) {
    mesh.positions.push_back(p);
    if (q.j0 == q.j1 || q.w1 <= 0.0f) {
      mesh.joints.push_back(glm::u16vec4(std::max(q.j0, 0), 0, 0, 0));
      mesh.weights.push_back(vec4(1, 0, 0, 0));
    } else if (q.w1 >= 1.0f) {
      mesh.joints.push_back(glm::u16vec4(std::max(q.j1, 0), 0, 0, 0));
      mesh.weights.push_back(vec4(1, 0, 0, 0));
    } else if (q.w1 > 0.5f) {
      mesh.joints.push_back(glm::u16vec4(std::max(q.j1, 0), std::max(q.j0, 0), 0, 0));
      mesh.weights.push_back(vec4(q.w1, 1.0f - q.w1, 0, 0));
    } else {
      mesh.joints.push_back(glm::u16vec4(std::max(q.j0, 0), std::max(q.j1, 0), 0, 0));
      mesh.weights.push_back(vec4(1.0f - q.w1, q.w1, 0, 0));
    }
    return static_cast<int>(mesh.positions.size() - 1);
  };
  for (int i = 0; i <= nu; ++i)
    for (int j = 0; j < nv; ++j) {
      const float v = float(j) / float(nv - 1);
      top[i * nv + j] = add_vertex(vertex(st[i], v, 0.85f), st[i]);
      const bool rim = i == 0 || i == nu || j == 0 || j == nv - 1;
      bottom[i * nv + j] = rim ? top[i * nv + j] : add_vertex(vertex(st[i], v, -0.15f), st[i]);
    }
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j + 1 < nv; ++j) {
      const uint32_t a = top[i * nv + j], b = top[(i + 1) * nv + j], cc = top[(i + 1) * nv + j + 1],
                     d = top[i * nv + j + 1];
      mesh.indices.insert(mesh.indices.end(), {a, b, cc, a, cc, d});
      const uint32_t e = bottom[i * nv + j], f = bottom[(i + 1) * nv + j], g = bottom[(i + 1) * nv + j + 1],
                     h = bottom[i * nv + j + 1];
      mesh.indices.insert(mesh.indices.end(), {e, g, f, e, h, g});
    }
  // Degenerate triangles at the closed rims (two corners on one shared vertex) are dropped.
  std::vector<uint32_t> kept;
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], d = mesh.indices[t + 2];
    if (a != b && b != d && a != d) kept.insert(kept.end(), {a, b, d});
  }
  mesh.indices.swap(kept);

  // Sheets that must follow a bone's surface (the scalp on the skull) are drawn onto it.
  // The inner face is drawn onto the bone and the outer one moved with it, so the sheet keeps its
  // thickness (both faces drawn onto one surface would coincide and flicker).
  if (m.conform > 0.0f) {
    for (int i = 0; i <= nu; ++i)
      for (int j = 0; j < nv; ++j) {
        const int t = top[i * nv + j], b = bottom[i * nv + j];
        const vec3 start = mesh.positions[b];
        vec3 p = start;
        for (int it = 0; it < 4; ++it) {
          const float d = bones.sample(p, 1.0f);
          if (d > m.conform) break;
          const vec3 g = bones.gradient(p);
          if (glm::dot(g, g) == 0.0f) break;
          p -= g * (d - m.clearance - 0.0015f);
        }
        mesh.positions[b] = p;
        if (t != b) mesh.positions[t] += p - start;
      }
  }
  // Keep the tissue under the skin: where the outer face stands out of (or too near) the skin, the
  // cross-section's column is moved in along the skin's inward normal, its inner face with it, so
  // the muscle keeps its thickness and lies flat under the skin instead of poking through.
  if (skin) {
    const float depth = muscle_skin_depth(c.H);
    for (int i = 0; i <= nu; ++i)
      for (int j = 0; j < nv; ++j) {
        const int t = top[i * nv + j], b = bottom[i * nv + j];
        const vec3 start = mesh.positions[t];
        vec3 p = start;
        for (int it = 0; it < 8; ++it) {
          const float d = skin->sample(p, -1.0f);
          if (d <= -depth) break;
          const vec3 g = skin->gradient(p);
          if (glm::dot(g, g) == 0.0f) break;
          p -= g * (d + depth + 0.0002f);
        }
        mesh.positions[t] = p;
        if (b != t) mesh.positions[b] += p - start;
      }
  }
  // Keep the tissue on the bones, not through them.
  for (vec3& p : mesh.positions)
    for (int it = 0; it < 3; ++it) {
      const float d = bones.sample(p, 1.0f);
      if (d >= m.clearance) break;
      const vec3 g = bones.gradient(p);
      if (glm::dot(g, g) == 0.0f) break;
      p += g * (m.clearance - d + 0.0005f);
    }
  // Where the skin lies closer to the bone than the muscle is thick (the armpit's folds, the back of
  // the arm), the skin wins: a muscle showing through the skin is the worse error, as the bone hides
  // what enters it.
  if (skin)
    for (vec3& p : mesh.positions)
      for (int it = 0; it < 12; ++it) {
        const float d = skin->sample(p, -1.0f);
        if (d <= -0.5f * muscle_skin_depth(c.H)) break;
        const vec3 g = skin->gradient(p);
        if (glm::dot(g, g) == 0.0f) break;
        p -= g * (d + 0.75f * muscle_skin_depth(c.H));
      }

  // Orient the triangles by the outer surface: its faces must look away from the bone. (A thin,
  // curved sheet's signed volume is too small to decide this reliably.)
  float facing = 0.0f;
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j + 1 < nv; ++j) {
      const vec3 a = mesh.positions[top[i * nv + j]], b = mesh.positions[top[(i + 1) * nv + j]],
                 cc = mesh.positions[top[(i + 1) * nv + j + 1]];
      facing += glm::dot(glm::cross(b - a, cc - a), st[i].normal);
    }
  TriMesh tri{mesh.positions, mesh.indices};
  if (facing < 0.0f)
    for (size_t t = 0; t < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
  tri.indices = mesh.indices;
  mesh.normals = vertex_normals(tri);

  // The bulky muscles shape the skin over them; thin sheets and tendons do not.
  float thickest = 0.0f;
  for (const Station& q : st) thickest = std::max(thickest, q.thickness);
  if (volume && thickest > 0.008f * c.H) {
    for (int i = 0; i < nu; i += 2) {
      const int i1 = std::min(i + 2, nu);
      const vec3 a = st[i].centre + st[i].normal * (0.35f * st[i].thickness);
      const vec3 b = st[i1].centre + st[i1].normal * (0.35f * st[i1].thickness);
      const int joint = st[i].w1 < 0.5f ? st[i].j0 : st[i].j1;
      volume->push_back({joint, round_cone(a, b, 0.5f * st[i].thickness, 0.5f * st[i1].thickness, 0.0f)});
      // Wide muscles (fans) also fill out toward their edges.
      if (st[i].half_width > 1.5f * st[i].thickness)
        for (float x : {-0.55f, 0.55f}) {
          const float e = std::sqrt(1.0f - x * x);
          const vec3 ea = vertex(st[i], 0.5f + 0.5f * x, 0.35f * e),
                     eb = vertex(st[i1], 0.5f + 0.5f * x, 0.35f * e);
          volume->push_back(
              {joint, round_cone(ea, eb, 0.4f * st[i].thickness, 0.4f * st[i1].thickness, 0.0f)});
        }
    }
  }
  return mesh;
}

}  // namespace fascia::body

// Our skin against a real body: horizontal cross-sections of the MakeHuman base mesh (CC0, built from
// anthropometric data; ../shared/fixtures, a test input only), scaled to the same stature.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "body/body.h"
#include "support/skip.h"
#include "support/test_support.h"

using namespace fascia;
using namespace fascia::body;

namespace {

struct Extent {
  float width = 0, depth = 0;
};

struct Tris {
  std::vector<vec3> positions;
  std::vector<uint32_t> indices;
  std::vector<char> keep;  // (nvertex) vertices whose edges count
};

// The OBJ's "body" group as triangles, feet at y = 0, scaled to `height`.
Tris load_reference(const std::filesystem::path& obj, float height) {
  std::ifstream in(obj);
  Tris t;
  std::string line, group;
  while (std::getline(in, line)) {
    if (line.rfind("v ", 0) == 0) {
      std::istringstream s(line.substr(2));
      vec3 p;
      s >> p.x >> p.y >> p.z;
      t.positions.push_back(p);
    } else if (line.rfind("g ", 0) == 0) {
      group = line.substr(2);
    } else if (line.rfind("f ", 0) == 0 && group == "body") {
      std::istringstream s(line.substr(2));
      std::string tok;
      std::vector<uint32_t> f;
      while (s >> tok) f.push_back(static_cast<uint32_t>(std::stoi(tok) - 1));
      for (size_t k = 1; k + 1 < f.size(); ++k) t.indices.insert(t.indices.end(), {f[0], f[k], f[k + 1]});
    }
  }
  float lo = INFINITY, hi = -INFINITY;
  for (uint32_t i : t.indices) {
    lo = std::min(lo, t.positions[i].y);
    hi = std::max(hi, t.positions[i].y);
  }
  const float scale = height / (hi - lo);
  for (vec3& p : t.positions) p = vec3(p.x, p.y - lo, p.z) * scale;
  t.keep.assign(t.positions.size(), 1);
  return t;
}

// Extent of the mesh's section by the plane at height y: the points where edges cross it, keeping
// those with x in [xlo, 1] that join the cluster around x = xc without a gap wider than 15 mm (so
// the arms of an A-pose and the other leg drop out).
Extent section(const Tris& m, float y, float xc, float xlo, float gap = 0.015f) {
  std::vector<vec3> pts;
  for (size_t t = 0; t < m.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = m.indices[t + e], b = m.indices[t + (e + 1) % 3];
      if (!m.keep[a] || !m.keep[b]) continue;
      const vec3 pa = m.positions[a], pb = m.positions[b];
      if ((pa.y < y) == (pb.y < y)) continue;
      const vec3 p = pa + (pb - pa) * ((y - pa.y) / (pb.y - pa.y));
      if (p.x >= xlo) pts.push_back(p);
    }
  if (pts.empty()) return {};
  std::sort(pts.begin(), pts.end(), [](const vec3& a, const vec3& b) { return a.x < b.x; });
  size_t centre = 0;
  for (size_t i = 0; i < pts.size(); ++i)
    if (std::abs(pts[i].x - xc) < std::abs(pts[centre].x - xc)) centre = i;
  size_t a = centre, b = centre;
  while (a > 0 && pts[a].x - pts[a - 1].x < gap) --a;
  while (b + 1 < pts.size() && pts[b + 1].x - pts[b].x < gap) ++b;
  Extent e;
  float zlo = INFINITY, zhi = -INFINITY;
  for (size_t i = a; i <= b; ++i) {
    zlo = std::min(zlo, pts[i].z);
    zhi = std::max(zhi, pts[i].z);
  }
  e.width = pts[b].x - pts[a].x;
  e.depth = zhi - zlo;
  return e;
}

}  // namespace

TEST_CASE("shape: skin cross-sections within 15 % of the MakeHuman base mesh at the same stature") {
  const auto shared = test::shared_dir();
  if (shared.empty()) {
    FASCIA_SKIP("../shared absent");
  }
  const auto obj = shared / "fixtures" / "models" / "makehuman_base" / "base.obj";
  REQUIRE(std::filesystem::exists(obj));
  const float H = 1.75f;
  const Tris ref = load_reference(obj, H);
  REQUIRE(ref.indices.size() > 30000);

  static const Body body = build_body({H, 0.5f});
  const BodyMesh& skin = *body.find_mesh("skin");
  // Our skin, and the same without the arms for sections of the trunk (the reference holds its arms
  // away from the body).
  Tris ours{skin.positions, skin.indices, std::vector<char>(skin.positions.size(), 1)};
  Tris ours_no_arms = ours;
  for (size_t v = 0; v < skin.positions.size(); ++v)
    ours_no_arms.keep[v] = !on_arm(body.skeleton.joints[skin.joints[v][0]].name);

  struct Level {
    const char* name;
    float y;    // fraction of stature
    bool leg;   // one leg (x > 0) or the midline body
    bool arms;  // keep the arms (shoulder)
  };
  const Level levels[] = {{"ankle", 0.055f, true, false}, {"calf", 0.20f, true, false},
                          {"knee", 0.285f, true, false},  {"thigh", 0.42f, true, false},
                          {"hip", 0.53f, false, false},   {"waist", 0.61f, false, false},
                          {"chest", 0.72f, false, false}, {"shoulder", 0.80f, false, true},
                          {"neck", 0.855f, false, false}, {"head", 0.94f, false, false}};
  int within = 0, total = 0;
  for (const Level& l : levels) {
    const float y = l.y * H;
    const float xc = l.leg ? 0.09f : 0.0f;
    const float xlo = l.leg ? 0.0f : -1.0f;
    // At the hips the section joins both thighs and the pelvis across the crotch.
    const float gap = std::string(l.name) == "hip" ? 0.05f : 0.015f;
    const Extent r = section(ref, y, xc, xlo, gap);
    const Extent o = section(l.arms ? ours : ours_no_arms, y, xc, xlo, gap);
    const float dw = o.width / r.width - 1.0f, dd = o.depth / r.depth - 1.0f;
    MESSAGE(std::string(l.name) << ": width " << o.width << " vs " << r.width << " (" << int(dw * 100)
                                << " %), depth " << o.depth << " vs " << r.depth << " (" << int(dd * 100)
                                << " %)");
    for (float d : {dw, dd}) {
      ++total;
      within += std::abs(d) <= 0.15f;
      CHECK_MESSAGE(std::abs(d) <= 0.15f, l.name);
    }
  }
  MESSAGE(within << " of " << total << " widths and depths within 15 %");
  CHECK(within == total);
}

#include "body/import/bone_mapping.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "body/import/canonical_reference.h"

namespace fascia::body::import_detail {
namespace {

// Candidate matches of one scheme: canonical id → bone, the first bone (parent-first order) winning.
std::map<std::string, int> match_scheme(const NamingScheme& scheme, const std::vector<BoneName>& names,
                                        const std::vector<char>& kept) {
  std::map<std::string, int> out;
  for (int i = 0; i < static_cast<int>(names.size()); ++i) {
    if (!kept[i]) continue;
    for (const auto& [key, base] : scheme.table) {
      if (key != names[i].key) continue;
      auto id = canonical_id(base, names[i].side);
      if (id && !out.count(*id)) out[*id] = i;
      break;
    }
  }
  return out;
}

}  // namespace

BoneMapping map_by_names(const std::vector<BoneName>& names, const std::vector<char>& kept) {
  BoneMapping m;
  const auto& schemes = naming_schemes();
  // The scheme that explains most bones decides; the others only fill joints it leaves open, so
  // "spine01" means what the rig's own convention says (Unreal's lowest, MakeHuman's highest).
  std::vector<std::map<std::string, int>> matches;
  size_t best = 0;
  for (size_t s = 0; s < schemes.size(); ++s) {
    matches.push_back(match_scheme(schemes[s], names, kept));
    if (matches[s].size() > matches[best].size()) best = s;
  }
  if (matches.empty() || matches[best].empty()) return m;
  m.scheme = schemes[best].name;
  std::set<int> used;
  auto take = [&](const std::map<std::string, int>& match) {
    for (const auto& [id, bone] : match) {
      if (m.bone_of.count(id) || used.count(bone)) continue;
      m.bone_of[id] = bone;
      m.method[id] = "name";
      used.insert(bone);
    }
  };
  take(matches[best]);
  for (size_t s = 0; s < schemes.size(); ++s)
    if (s != best) take(matches[s]);
  return m;
}

namespace {

struct Tree {
  std::vector<std::vector<int>> children;  // kept children, dropped bones spliced out
  std::vector<float> min_y, max_y;         // over the subtree
  std::vector<vec3> far;                   // the subtree's position farthest from its root
};

Tree build_tree(const RawRig& rig, const std::vector<vec3>& p, const std::vector<char>& kept) {
  const int n = static_cast<int>(rig.bones.size());
  Tree t;
  t.children.resize(n);
  for (int i = 0; i < n; ++i) {
    if (!kept[i]) continue;
    int q = rig.bones[i].parent;
    while (q >= 0 && !kept[q]) q = rig.bones[q].parent;
    if (q >= 0) t.children[q].push_back(i);
  }
  t.min_y.resize(n);
  t.max_y.resize(n);
  t.far.resize(n);
  // Parents precede children, so a reverse sweep sees every child first.
  for (int i = n - 1; i >= 0; --i) {
    t.min_y[i] = t.max_y[i] = p[i].y;
    t.far[i] = p[i];
    for (int c : t.children[i]) {
      t.min_y[i] = std::min(t.min_y[i], t.min_y[c]);
      t.max_y[i] = std::max(t.max_y[i], t.max_y[c]);
      if (glm::distance(t.far[c], p[i]) > glm::distance(t.far[i], p[i])) t.far[i] = t.far[c];
    }
  }
  return t;
}

// Follows a branch from `start`, at each step to the child `better` prefers.
template <typename Better>
std::vector<int> follow(const Tree& t, int start, Better better) {
  std::vector<int> chain{start};
  int cur = start;
  while (!t.children[cur].empty()) {
    int next = t.children[cur][0];
    for (int c : t.children[cur])
      if (better(c, next)) next = c;
    chain.push_back(next);
    cur = next;
  }
  return chain;
}

}  // namespace

bool map_by_hierarchy(const RawRig& rig, const std::vector<vec3>& p, const std::vector<char>& kept,
                      BoneMapping& m) {
  const int n = static_cast<int>(rig.bones.size());
  float lo = INFINITY, hi = -INFINITY;
  for (int i = 0; i < n; ++i)
    if (kept[i]) lo = std::min(lo, p[i].y), hi = std::max(hi, p[i].y);
  const float h = hi - lo;
  if (!(h > 0)) return false;
  const Tree t = build_tree(rig, p, kept);

  std::set<int> used;
  for (const auto& [id, bone] : m.bone_of) used.insert(bone);
  bool any = false;
  auto assign = [&](const std::string& id, int bone) {
    if (bone < 0 || m.bone_of.count(id) || used.count(bone)) return;
    m.bone_of[id] = bone;
    m.method[id] = "hierarchy";
    used.insert(bone);
    any = true;
  };
  auto mapped = [&](const std::string& id) {
    auto it = m.bone_of.find(id);
    return it == m.bone_of.end() ? -1 : it->second;
  };

  // The hub: the first bone with two branches reaching well below it and one well above.
  int pelvis = mapped("pelvis");
  if (pelvis < 0) {
    for (int i = 0; i < n && pelvis < 0; ++i) {
      if (!kept[i]) continue;
      int down = 0, up = 0;
      for (int c : t.children[i]) {
        if (t.min_y[c] < p[i].y - 0.25f * h) ++down;
        if (t.max_y[c] > p[i].y + 0.2f * h) ++up;
      }
      if (down >= 2 && up >= 1) pelvis = i;
    }
    if (pelvis < 0) return false;
    assign("pelvis", pelvis);
  }
  const vec3 hub = p[pelvis];

  // Legs: the two branches reaching lowest, told apart by x.
  std::vector<int> legs;
  for (int c : t.children[pelvis])
    if (t.min_y[c] < hub.y - 0.25f * h) legs.push_back(c);
  std::sort(legs.begin(), legs.end(), [&](int a, int b) { return t.min_y[a] < t.min_y[b]; });
  if (legs.size() >= 2) {
    legs.resize(2);
    if (t.far[legs[0]].x < t.far[legs[1]].x) std::swap(legs[0], legs[1]);
    if (t.far[legs[0]].x > hub.x && t.far[legs[1]].x < hub.x) {
      for (int s = 0; s < 2; ++s) {
        const std::string side = s == 0 ? ".l" : ".r";
        std::vector<int> chain = follow(t, legs[s], [&](int a, int b) { return t.min_y[a] < t.min_y[b]; });
        chain.erase(std::remove_if(chain.begin(), chain.end(),
                                   [&](int b) { return glm::distance(p[b], hub) < 0.03f * h; }),
                    chain.end());
        if (chain.size() < 3) continue;
        const float lowest = t.min_y[chain.front()];
        const int hip = chain[0];
        // Knee: the joint nearest halfway down; ankle: the last joint clear of the floor.
        const float mid = 0.5f * (p[hip].y + lowest);
        size_t knee = 1;
        for (size_t k = 1; k < chain.size(); ++k)
          if (std::abs(p[chain[k]].y - mid) < std::abs(p[chain[knee]].y - mid)) knee = k;
        size_t ankle = 0;
        for (size_t k = knee + 1; k < chain.size(); ++k)
          if (p[chain[k]].y > lowest + 0.03f * h) ankle = k;
        assign("femur" + side, hip);
        assign("tibia" + side, chain[knee]);
        if (ankle > knee) {
          assign("talus" + side, chain[ankle]);
          if (ankle + 1 < chain.size()) assign("toes" + side, chain[ankle + 1]);
        }
      }
    }
  }

  // Spine: the branch reaching highest, up to the bone where two arms branch off.
  int up_branch = -1;
  for (int c : t.children[pelvis])
    if (up_branch < 0 || t.max_y[c] > t.max_y[up_branch]) up_branch = c;
  if (up_branch < 0 || t.max_y[up_branch] < hub.y + 0.2f * h) return any;
  std::vector<int> spine = follow(t, up_branch, [&](int a, int b) { return t.max_y[a] > t.max_y[b]; });
  const float reach = 0.07f * h;
  int chest_k = -1;
  int arm_l = -1, arm_r = -1;
  for (size_t k = 0; k < spine.size() && chest_k < 0; ++k) {
    int b = spine[k];
    int best_l = -1, best_r = -1;
    for (int c : t.children[b]) {
      float dx = t.far[c].x - p[b].x;
      if (dx > reach && (best_l < 0 || dx > t.far[best_l].x - p[b].x)) best_l = c;
      if (dx < -reach && (best_r < 0 || dx < t.far[best_r].x - p[b].x)) best_r = c;
    }
    if (best_l >= 0 && best_r >= 0) {
      chest_k = static_cast<int>(k);
      arm_l = best_l;
      arm_r = best_r;
    }
  }
  if (chest_k < 0) return any;
  const int chest = spine[chest_k];
  assign("thoracic_upper", chest);
  if (chest_k >= 1) assign("lumbar_3", spine[0]);
  if (chest_k >= 2) assign("thoracic_lower", spine[chest_k - 1]);

  // Neck and head: from the chest, the branch reaching highest that is neither arm.
  int neck = -1;
  for (int c : t.children[chest])
    if (c != arm_l && c != arm_r && (neck < 0 || t.max_y[c] > t.max_y[neck])) neck = c;
  if (neck >= 0) {
    std::vector<int> chain = follow(t, neck, [&](int a, int b) { return t.max_y[a] > t.max_y[b]; });
    size_t head = chain.size() - 1;
    for (size_t k = 0; k < chain.size(); ++k)
      if (t.children[chain[k]].size() >= 2) {
        head = k;
        break;
      }
    assign("skull", chain[head]);
    if (head >= 1) assign("cervical_lower", chain[0]);
  }

  // Arms: clavicle (when there is one), humerus, forearm, hand (where the fingers branch).
  for (auto [start, side] : {std::pair{arm_l, std::string(".l")}, std::pair{arm_r, std::string(".r")}}) {
    const vec3 base = p[chest];
    std::vector<int> chain = follow(t, start, [&](int a, int b) {
      return glm::distance(t.far[a], base) > glm::distance(t.far[b], base);
    });
    chain.erase(std::remove_if(chain.begin(), chain.end(),
                               [&](int b) { return glm::distance(p[b], base) < 0.02f * h; }),
                chain.end());
    size_t hand = chain.empty() ? 0 : chain.size() - 1;
    for (size_t k = 0; k < chain.size(); ++k)
      if (t.children[chain[k]].size() >= 2) {
        hand = k;
        break;
      }
    if (hand < 2) continue;
    size_t humerus = hand >= 3 ? 1 : 0;
    if (humerus == 1) assign("clavicle" + side, chain[0]);
    // The elbow: of the joints between shoulder and hand, the one nearest the middle of the reach.
    const vec3 mid = 0.5f * (p[chain[humerus]] + p[chain[hand]]);
    size_t elbow = humerus + 1;
    for (size_t k = humerus + 1; k < hand; ++k)
      if (glm::distance(p[chain[k]], mid) < glm::distance(p[chain[elbow]], mid)) elbow = k;
    assign("humerus" + side, chain[humerus]);
    assign("forearm" + side, chain[elbow]);
    assign("hand" + side, chain[hand]);
  }
  return any;
}

}  // namespace fascia::body::import_detail

#include "body/import/skeleton_structure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "body/import/canonical_reference.h"

namespace fascia::body::import_detail {
namespace {

// Fractions of the figure's height used to read the shape. They are judgement, not measurement:
// chosen so the rigs of the tests and fixtures read right with room on both sides, and written down
// here as the untuned constants they are.
constexpr float kFloorBand = 0.15f;       // a foot's end lies this close to the lowest bone
constexpr float kMidlineBand = 0.02f;     // a foot's end lies at least this far to its side
constexpr float kUpReach = 0.20f;         // the upward chain rises at least this far above the legs' meeting
constexpr float kHandReach = 0.08f;       // an arm's end lies at least this far from the midline
constexpr float kShoulderReach = 0.075f;  // a clavicle's first joint lies nearer the midline than this
constexpr float kHipHelper = 0.03f;       // leg bones this near the pelvis are helpers, not the hip
constexpr float kClavicleHelper = 0.02f;  // arm bones this near the chest are helpers
constexpr float kAnkleClear = 0.03f;      // the ankle is the last leg joint this far above the foot's end
constexpr float kHandFromShoulder = 0.33f;  // humerus + forearm (Winter's fractions 0.186 + 0.146)

struct Tree {
  std::vector<int> parent;  // nearest kept ancestor, -1 for a root
  std::vector<int> depth;
  std::vector<std::vector<int>> children;
};

Tree build_tree(const RawRig& rig, const std::vector<char>& kept) {
  const int n = static_cast<int>(rig.bones.size());
  Tree t;
  t.parent.assign(n, -1);
  t.depth.assign(n, 0);
  t.children.resize(n);
  for (int i = 0; i < n; ++i) {  // parents precede children
    if (!kept[i]) continue;
    int q = rig.bones[i].parent;
    while (q >= 0 && !kept[q]) q = rig.bones[q].parent;
    t.parent[i] = q;
    if (q >= 0) {
      t.children[q].push_back(i);
      t.depth[i] = t.depth[q] + 1;
    }
  }
  return t;
}

int common_ancestor(const Tree& t, int a, int b) {
  while (a != b) {
    if (a < 0 || b < 0) return -1;
    if (t.depth[a] >= t.depth[b])
      a = t.parent[a];
    else
      b = t.parent[b];
  }
  return a;
}

bool descends_from(const Tree& t, int b, int ancestor) {
  for (; b >= 0; b = t.parent[b])
    if (b == ancestor) return true;
  return false;
}

// The bones from `ancestor` (exclusive) down to `b` (inclusive); empty when `b` does not descend from it.
std::vector<int> path_down(const Tree& t, int ancestor, int b) {
  std::vector<int> out;
  for (; b >= 0 && b != ancestor; b = t.parent[b]) out.push_back(b);
  if (b != ancestor) return {};
  std::reverse(out.begin(), out.end());
  return out;
}

float length_along(const std::vector<vec3>& p, int from, const std::vector<int>& chain) {
  float len = 0;
  int prev = from;
  for (int b : chain) len += glm::distance(p[prev], p[b]), prev = b;
  return len;
}

float ratio(float a, float b) {
  return std::max(a, b) > 0 ? std::min(a, b) / std::max(a, b) : 0.0f;
}

std::string percent(float v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f %%", 100.0f * v);
  return buf;
}

struct Reader {
  SkeletonStructure& out;

  void put(const std::string& id, int bone, std::string how, float confidence) {
    if (bone < 0) return;
    for (const auto& [other, j] : out.joints)
      if (j.bone == bone) return;  // one bone, one joint
    out.joints[id] = {bone, std::move(how), std::clamp(confidence, 0.0f, 1.0f)};
  }
};

}  // namespace

SkeletonStructure infer_skeleton_structure(const RawRig& rig, const std::vector<vec3>& p,
                                           const std::vector<char>& kept, float figure_top) {
  SkeletonStructure out;
  const int n = static_cast<int>(rig.bones.size());
  const Tree t = build_tree(rig, kept);
  float lo = INFINITY, hi = -INFINITY, cx = 0;
  int nkept = 0, top_bone = -1;
  for (int i = 0; i < n; ++i) {
    if (!kept[i]) continue;
    lo = std::min(lo, p[i].y);
    if (p[i].y > hi) hi = p[i].y, top_bone = i;
    cx += p[i].x;
    ++nkept;
  }
  const float top = std::max(hi, figure_top);
  const float h = top - lo;
  if (nkept < 6) {
    out.refusal = "too few bones (" + std::to_string(nkept) + ") to make a figure";
    return out;
  }
  if (!(h > 0)) {
    out.refusal = "every bone lies at one height: nothing stands";
    return out;
  }
  cx /= static_cast<float>(nkept);
  Reader r{out};

  // 1. The feet: the lowest chain ends on either side; the legs meet at their common ancestor.
  std::vector<int> leaves;
  for (int i = 0; i < n; ++i)
    if (kept[i] && t.children[i].empty()) leaves.push_back(i);
  int foot_hint[2] = {-1, -1};  // left (+X), right
  for (int b : leaves) {
    if (p[b].y > lo + kFloorBand * h) continue;
    const float dx = p[b].x - cx;
    const int s = dx > kMidlineBand * h ? 0 : dx < -kMidlineBand * h ? 1 : -1;
    if (s >= 0 && (foot_hint[s] < 0 || p[b].y < p[foot_hint[s]].y)) foot_hint[s] = b;
  }
  for (int s = 0; s < 2; ++s)
    if (foot_hint[s] < 0) {
      out.refusal = std::string("no chain reaches the floor on the ") +
                    (s == 0 ? "left (+X)" : "right (-X)") + " side: no leg";
      return out;
    }
  const int legs_meet = common_ancestor(t, foot_hint[0], foot_hint[1]);
  if (legs_meet < 0) {
    out.refusal = "the two legs are not joined in one hierarchy";
    return out;
  }

  // 2. The pelvis: where the legs meet the chain going up to the topmost bone.
  if (p[top_bone].y < p[legs_meet].y + kUpReach * h) {
    out.refusal = "nothing rises above where the legs meet: no trunk";
    return out;
  }
  const int pelvis = common_ancestor(t, legs_meet, top_bone);
  if (pelvis < 0 || descends_from(t, top_bone, foot_hint[0]) || p[pelvis].y < lo + 0.3f * h) {
    out.refusal = "the legs and the chain going up do not meet at the hips";
    return out;
  }
  r.put("pelvis", pelvis,
        legs_meet == pelvis ? "where the two legs branch off the chain going up"
                            : "where the chain going up meets the bone joining the legs",
        legs_meet == pelvis ? 0.9f : 0.8f);

  // Each foot's end: of the low chain ends in its leg, the one farthest along the bones (the toes
  // rather than a heel bone).
  int leg_root[2], foot_end[2];
  for (int s = 0; s < 2; ++s) {
    leg_root[s] = path_down(t, legs_meet, foot_hint[s]).front();
    foot_end[s] = foot_hint[s];
    float best = length_along(p, legs_meet, path_down(t, legs_meet, foot_hint[s]));
    for (int b : leaves) {
      if (p[b].y > lo + kFloorBand * h || !descends_from(t, b, leg_root[s])) continue;
      const float len = length_along(p, legs_meet, path_down(t, legs_meet, b));
      if (len > best) best = len, foot_end[s] = b;
    }
  }
  auto in_leg = [&](int b) {
    return descends_from(t, b, leg_root[0]) || descends_from(t, b, leg_root[1]) ||
           (legs_meet != pelvis && descends_from(t, b, legs_meet));
  };

  // 3. The hands: the bones reaching farthest out on either side, outside the legs; the chest is
  // where their chains meet, and it must lie on the chain going up.
  const std::vector<int> spine = path_down(t, pelvis, top_bone);
  int hand_end[2] = {-1, -1};
  for (int b = 0; b < n; ++b) {
    if (!kept[b] || !descends_from(t, b, pelvis) || b == pelvis || in_leg(b)) continue;
    if (std::find(spine.begin(), spine.end(), b) != spine.end()) continue;
    const float dx = p[b].x - cx;
    if (dx > kHandReach * h && (hand_end[0] < 0 || dx > p[hand_end[0]].x - cx)) hand_end[0] = b;
    if (dx < -kHandReach * h && (hand_end[1] < 0 || dx < p[hand_end[1]].x - cx)) hand_end[1] = b;
  }
  for (int s = 0; s < 2; ++s)
    if (hand_end[s] < 0) {
      out.refusal = std::string("no chain reaches out to the ") + (s == 0 ? "left (+X)" : "right (-X)") +
                    " from the trunk: no arm";
      return out;
    }
  const int chest = common_ancestor(t, hand_end[0], hand_end[1]);
  const auto chest_at = std::find(spine.begin(), spine.end(), chest);
  if (chest_at == spine.end()) {
    out.refusal = chest == pelvis ? "the arms branch from the hips, not from a spine above them"
                                  : "the arms do not branch from the chain going up to the head";
    return out;
  }
  const std::vector<int> lower(spine.begin(), chest_at);
  const std::vector<int> upper(chest_at + 1, spine.end());

  // Arm lengths, shoulder to hand, for the symmetry that the confidences of the arm joints carry.
  struct Arm {
    std::vector<int> chain;  // chest (exclusive) to the arm's end, helpers near the chest left out
    size_t humerus = 0, hand = 0;
    bool hand_by_fingers = false;
  };
  Arm arms[2];
  for (int s = 0; s < 2; ++s) {
    Arm& a = arms[s];
    for (int b : path_down(t, chest, hand_end[s]))
      if (glm::distance(p[b], p[chest]) >= kClavicleHelper * h) a.chain.push_back(b);
    // A clavicle when the first arm joint stays near the midline and the next is well out (twist
    // bones along a hanging arm are not: they lie as far out as the shoulder).
    auto lateral = [&](size_t k) { return std::abs(p[a.chain[k]].x - p[chest].x); };
    a.humerus =
        a.chain.size() >= 4 && lateral(0) < kShoulderReach * h && lateral(0) < 0.6f * lateral(1) ? 1 : 0;
    if (a.humerus + 3 > a.chain.size()) {
      out.refusal = std::string("the ") + (s == 0 ? "left" : "right") +
                    " arm has too few joints (a shoulder, an elbow and a hand are needed)";
      return out;
    }
    // The hand: where the fingers branch, at least a forearm's length on; else the joint nearest an
    // upper arm and forearm along the bones from the shoulder.
    float along = 0, best = INFINITY;
    for (size_t k = a.humerus + 1; k < a.chain.size(); ++k) {
      along += glm::distance(p[a.chain[k - 1]], p[a.chain[k]]);
      if (!a.hand_by_fingers && t.children[a.chain[k]].size() >= 2 && along >= 0.2f * h &&
          k >= a.humerus + 2) {
        a.hand = k;
        a.hand_by_fingers = true;
      }
      if (!a.hand_by_fingers && std::abs(along - kHandFromShoulder * h) < best && k >= a.humerus + 2) {
        best = std::abs(along - kHandFromShoulder * h);
        a.hand = k;
      }
    }
    if (a.hand == 0) {
      out.refusal = std::string("the ") + (s == 0 ? "left" : "right") +
                    " arm has no joint between the shoulder and the hand (no elbow)";
      return out;
    }
  }
  const float arm_symmetry = ratio(length_along(p, arms[0].chain[arms[0].humerus],
                                                std::vector<int>(arms[0].chain.begin() + arms[0].humerus + 1,
                                                                 arms[0].chain.begin() + arms[0].hand + 1)),
                                   length_along(p, arms[1].chain[arms[1].humerus],
                                                std::vector<int>(arms[1].chain.begin() + arms[1].humerus + 1,
                                                                 arms[1].chain.begin() + arms[1].hand + 1)));

  // 4. The chain going up: the head, then the spine and neck joints around the chest.
  if (upper.empty()) {
    out.refusal = "nothing rises above where the arms branch: no head";
    return out;
  }
  int head = -1;
  std::string head_how;
  float head_confidence = 0;
  for (int b : upper)
    if (t.children[b].size() >= 2 && p[b].y > p[chest].y) {
      head = b;
      head_how = "where the face bones branch off the chain going up";
      head_confidence = 0.85f;
      break;
    }
  if (head < 0) {
    // The skull joint where our own skeleton has it, scaled by the shoulders' height above the floor
    // (canonical_reference: skull over humerus heights), so that neither a neck joint below nor a
    // crown bone above is taken for it.
    const CanonicalReference& ref = canonical_reference();
    const float ratio_skull = ref.joint("skull")->position.y / ref.joint("humerus.l")->position.y;
    const float shoulders =
        0.5f * (p[arms[0].chain[arms[0].humerus]].y + p[arms[1].chain[arms[1].humerus]].y) - lo;
    const float expected = lo + ratio_skull * shoulders;
    for (int b : upper)
      if (head < 0 || std::abs(p[b].y - expected) < std::abs(p[head].y - expected)) head = b;
    const float miss = std::abs(p[head].y - expected) / h;
    head_how = head == upper.back() ? "topmost bone of the chain going up, at the height of a skull"
                                    : "the bone of the chain going up at the height of a skull";
    head_confidence = 0.9f - 4.0f * miss;
  }
  r.put("skull", head, head_how, head_confidence);
  r.put("thoracic_upper", chest, "where the two arms branch off the chain going up",
        0.5f + 0.4f * arm_symmetry);
  if (!lower.empty()) r.put("lumbar_3", lower.front(), "first bone of the chain going up", 0.6f);
  if (lower.size() >= 2) r.put("thoracic_lower", lower.back(), "the bone below where the arms branch", 0.6f);
  std::vector<int> neck;
  for (int b : upper) {
    if (b == head) break;
    neck.push_back(b);
  }
  if (!neck.empty())
    r.put("cervical_lower", neck.front(), "first bone between the chest and the head", 0.65f);
  if (neck.size() >= 2) r.put("cervical_upper", neck.back(), "the bone below the head", 0.6f);

  // 5. The legs: hip, knee halfway to the floor, ankle the last joint clear of it, then the toes.
  std::vector<int> legs[2];
  for (int s = 0; s < 2; ++s) {
    for (int b : path_down(t, legs_meet, foot_end[s])) {
      if (glm::distance(p[b], p[pelvis]) < kHipHelper * h) continue;
      // A bone both legs pass through (a separate hip bone below the pelvis) is neither hip.
      if (descends_from(t, foot_end[1 - s], b)) continue;
      legs[s].push_back(b);
    }
    if (legs[s].size() < 2) {
      out.refusal = std::string("the ") + (s == 0 ? "left" : "right") +
                    " leg has fewer than two joints (a hip and a knee are needed)";
      return out;
    }
  }
  const float leg_symmetry =
      ratio(length_along(p, legs[0].front(), legs[0]), length_along(p, legs[1].front(), legs[1]));
  for (int s = 0; s < 2; ++s) {
    const std::string side = s == 0 ? ".l" : ".r";
    const std::vector<int>& chain = legs[s];
    const float lowest = p[foot_end[s]].y;
    const float hip_y = p[chain[0]].y;
    const float mid = 0.5f * (hip_y + lowest);
    size_t knee = 1;
    for (size_t k = 1; k < chain.size(); ++k)
      if (std::abs(p[chain[k]].y - mid) < std::abs(p[chain[knee]].y - mid)) knee = k;
    const float knee_fit = 1.0f - 2.0f * std::abs(p[chain[knee]].y - mid) / std::max(hip_y - lowest, 1e-6f);
    const float side_fit = 0.5f + 0.45f * leg_symmetry;
    r.put("femur" + side, chain[0],
          "first joint of the chain reaching the floor, symmetry of the legs " + percent(leg_symmetry),
          side_fit);
    r.put("tibia" + side, chain[knee], "the leg joint nearest halfway from hip to floor",
          side_fit * (0.6f + 0.4f * std::max(knee_fit, 0.0f)));
    size_t ankle = 0;
    for (size_t k = knee + 1; k < chain.size(); ++k)
      if (p[chain[k]].y > lowest + kAnkleClear * h) ankle = k;
    if (ankle <= knee && knee + 1 < chain.size()) ankle = knee + 1;  // no toes: the chain ends at the ankle
    if (ankle > knee) {
      r.put("talus" + side, chain[ankle], "the last leg joint clear of the floor", 0.7f * side_fit + 0.2f);
      if (ankle + 1 < chain.size())
        r.put("toes" + side, chain[ankle + 1], "the joint past the ankle towards the toes",
              0.6f * side_fit + 0.2f);
    }
  }

  // 6. The arms: clavicle (when there is a joint before the shoulder), humerus, elbow, hand.
  for (int s = 0; s < 2; ++s) {
    const std::string side = s == 0 ? ".l" : ".r";
    const Arm& a = arms[s];
    const float side_fit = 0.5f + 0.45f * arm_symmetry;
    if (a.humerus >= 1)
      r.put("clavicle" + side, a.chain[a.humerus - 1], "the arm joint between the chest and the shoulder",
            0.7f);
    r.put("humerus" + side, a.chain[a.humerus],
          "first arm joint out at the shoulder, symmetry of the arms " + percent(arm_symmetry), side_fit);
    const vec3 mid = 0.5f * (p[a.chain[a.humerus]] + p[a.chain[a.hand]]);
    const float reach = glm::distance(p[a.chain[a.humerus]], p[a.chain[a.hand]]);
    size_t elbow = a.humerus + 1;
    for (size_t k = a.humerus + 1; k < a.hand; ++k)
      if (glm::distance(p[a.chain[k]], mid) < glm::distance(p[a.chain[elbow]], mid)) elbow = k;
    const float elbow_fit = 1.0f - 2.0f * glm::distance(p[a.chain[elbow]], mid) / std::max(reach, 1e-6f);
    r.put("forearm" + side, a.chain[elbow], "the arm joint nearest halfway from shoulder to hand",
          side_fit * (0.6f + 0.4f * std::max(elbow_fit, 0.0f)));
    r.put("hand" + side, a.chain[a.hand],
          a.hand_by_fingers ? "where the fingers branch" : "an upper arm and a forearm from the shoulder",
          a.hand_by_fingers ? 0.85f : 0.6f);
  }
  return out;
}

}  // namespace fascia::body::import_detail

#include "sim/atlas_network.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "atlas/atlas.h"
#include "atlas/body_frame.h"
#include "body/landmarks.h"
#include "core/paths.h"
#include "sim/joint_ranges.h"

namespace fascia::sim {
namespace {

std::string base_id(const std::string& id) {
  if (id.size() > 2 && (id.ends_with(".l") || id.ends_with(".r"))) return id.substr(0, id.size() - 2);
  return id;
}
bool right_side(const std::string& id) {
  return id.ends_with(".r");
}

// The joints that move in the simulation, for the left side (the right mirrors the axis as an axial
// vector), with passive stiffness about neutral (N·m/rad), the torque at which `rom` stops (N·m)
// and the standing posture stiffness (N·m/rad, below).
struct HingeDefault {
  const char* joint;
  Vec3d axis;
  double stiffness, rom_torque;
  const char* motion;
  double posture;
};
// Posture stiffness m·g·h: the body a joint carries (its mass m, its centre of mass h from the
// joint), a 70 kg, 1.75 m body after Winter's segment table (Biomechanics and Motor Control of Human
// Movement, 4th ed. 2009, Table 4.1: mass fractions, centre-of-mass positions, segment lengths).
// Standing is an inverted pendulum: it stays up only if the ankles are about as stiff as m·g·h
// (Loram & Lakie 2002, J Physiol 545:1041, intrinsic ankle stiffness 91 ± 23 % of m·g·h in quiet
// standing); the same rule is taken for the knees, hips and spine above (not measured there). Paired
// joints carry half each. The hanging arm is a pendulum: gravity itself gives it m·g·h. Ankle: 68 kg
// at 0.89 m, 596 / 2; knee: 61 kg at 0.56 m, 340 / 2; hip: head, arms and trunk 47 kg at 0.32 m,
// 147 / 2; the spine's joints by the mass above them (33, 28, 20 kg; head and neck 5.7, 4.9, 4.8 kg);
// shoulder, elbow, wrist by the arm below (3.5, 1.5, 0.4 kg). The toes: none (no floor in the model).
constexpr HingeDefault kHinges[] = {
    {"lumbar_3", {1, 0, 0}, 150, 20, "flexion", 83},
    {"thoracic_lower", {1, 0, 0}, 250, 20, "flexion", 63},
    {"thoracic_upper", {1, 0, 0}, 300, 20, "flexion", 35},
    {"cervical_lower", {1, 0, 0}, 25, 4, "flexion", 7.8},
    {"cervical_upper", {1, 0, 0}, 15, 3, "flexion", 4.3},
    {"skull", {1, 0, 0}, 12, 2, "flexion", 1.9},
    {"humerus", {-1, 0, 0}, 20, 8, "flexion", 10.3},
    {"forearm", {-1, 0, 0}, 12, 5, "flexion", 2.65},
    {"hand", {0, 0, -1}, 4, 2, "flexion", 0.39},
    {"femur", {-1, 0, 0}, 90, 25, "flexion", 73},
    {"tibia", {1, 0, 0}, 70, 20, "flexion", 170},
    {"talus", {-1, 0, 0}, 60, 15, "dorsiflexion", 298},
    {"toes", {-1, 0, 0}, 6, 3, "extension", 0},
};

// Stiffness of a whole track (N/mm) by its first tissue: tendons, ligaments and fascial sheets
// stiff (plantar aponeurosis 203.7 ± 50.5 N/mm, Kitaoka 1994), passive muscle soft. The erector
// tapers from its thick lumbar part to its thin neck part.
struct TissueStiffness {
  const char* tissue;
  double stiffness, stiffness_top;
  double toe_strain = 0;  // Blankevoort ε_t (0: the model's, 0.06)
};
constexpr TissueStiffness kTissues[] = {
    {"plantar_fascia", 200, 0},
    {"flexor_digitorum_brevis", 200, 0},
    {"gastrocnemius", 100, 0},
    {"achilles_tendon", 100, 0},
    {"biceps_femoris", 30, 0},
    {"semitendinosus", 30, 0},
    {"sacrotuberous_ligament", 100, 0},
    {"erector_spinae", 40, 1},
    {"thoracolumbar_fascia", 40, 0},
    {"galea_aponeurotica", 4, 0},
    {"scalp_fascia", 3, 0},
    {"tibialis_anterior", 4, 0},
    {"extensor_digitorum_longus", 4, 0},
    {"patellar_tendon", 300, 0},
    {"rectus_femoris", 3, 0},
    {"rectus_abdominis", 5, 0},
    {"sternalis_fascia", 5, 0},
    {"sternocleidomastoid", 1, 0},
    {"fibularis_longus", 20, 0},
    {"fibularis_brevis", 20, 0},
    {"anterior_fibular_head_ligament", 100, 0},
    {"iliotibial_tract", 20, 0},
    {"tensor_fasciae_latae", 20, 0},
    {"gluteus_maximus", 10, 0},
    {"external_oblique", 5, 0},
    {"internal_oblique", 5, 0},
    {"intercostals", 10, 0},
    {"splenius_capitis", 1, 0},
    {"splenius_cervicis", 1, 0},
    {"rhomboids", 2, 0},
    {"serratus_anterior", 2, 0},
    {"linea_alba", 10, 0},
    {"latissimus_dorsi", 3, 0},
    {"vastus_lateralis", 3, 0},
    {"pectoralis_major", 3, 0},
    {"adductor_longus", 15, 0},
    {"sartorius", 5, 0},
    {"tibialis_posterior", 30, 0},
    {"flexor_digitorum_longus", 30, 0},
    {"popliteus", 20, 0},
    {"adductor_magnus", 5, 0},
    {"pelvic_floor", 5, 0},
    {"anterior_longitudinal_ligament", 10, 0},
    {"adductor_brevis", 15, 0},
    {"psoas", 10, 0},
    {"iliacus", 10, 0},
    {"pectineus", 10, 0},
    {"longus_colli", 1, 0},
    {"diaphragm", 5, 0},
    {"transversus_thoracis", 5, 0},
    {"infrahyoids", 0.25, 0},
    {"suprahyoids", 0.25, 0},
    {"scalenes", 1, 0},
    {"levator_scapulae", 1, 0},
    {"medial_intermuscular_septum", 10, 0},
    {"lateral_intermuscular_septum", 10, 0},
    {"forearm_flexors", 3, 0},
    {"forearm_extensors", 3, 0},
    {"pectoralis_minor", 2, 0},
    {"biceps_brachii", 3, 0},
    {"coracobrachialis", 3, 0},
    {"radial_periosteum", 60, 0},
    {"ulnar_periosteum", 60, 0},
    {"thenar_muscles", 5, 0},
    {"hypothenar_muscles", 5, 0},
    {"trapezius", 2, 0},
    {"deltoid", 3, 0},
    {"infraspinatus", 2, 0},
    {"teres_minor", 2, 0},
    {"triceps_brachii", 3, 0},
};

// Outward motion of the ribcage stations at full inspiration (m).
const std::map<std::string, double>& breath_depth() {
  static const std::map<std::string, double> b = {{"manubrium", 0.004},
                                                  {"posterior_manubrium", 0.004},
                                                  {"xiphoid", 0.010},
                                                  {"rib_1_2", 0.003},
                                                  {"ribs_3_5", 0.008},
                                                  {"rib_5", 0.010},
                                                  {"ribs_5_6_cartilage", 0.010},
                                                  {"lateral_ribs", 0.012},
                                                  {"lower_ribs", 0.012},
                                                  {"costal_cartilages", 0.010}};
  return b;
}

Grade grade_of(atlas::Grade g) {
  switch (g) {
    case atlas::Grade::Strong:
      return Grade::Strong;
    case atlas::Grade::Moderate:
      return Grade::Moderate;
    case atlas::Grade::Limited:
      return Grade::Limited;
    case atlas::Grade::None:
      return Grade::None;
    case atlas::Grade::NotAssessed:
      return Grade::Unassessed;
  }
  return Grade::Unassessed;
}

Vec3d to_vec(vec3 v) {
  return {v.x, v.y, v.z};
}

int joint_index(const body::Skeleton& s, const std::string& name) {
  for (size_t j = 0; j < s.joints.size(); ++j)
    if (s.joints[j].name == name) return int(j);
  return -1;
}

float distance_to_segment(vec3 p, vec3 a, vec3 b) {
  vec3 ab = b - a;
  float len2 = glm::dot(ab, ab);
  float u = len2 > 0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + u * ab));
}

// The bone a point along a track rides on: of the bones between the track's two ends (the chain of
// joints from one end's bone to the other's), the one whose shaft the point lies nearest. The atlas
// gives each interior point the bone of the nearer course point, which puts the upper half of the
// calf on the femur; the tissue lies along the tibia, so knee flexion slackens the gastrocnemius.
std::string carrying_bone(const body::Skeleton& s, const std::vector<mat4>& world,
                          const atlas::AttachedPoint& from, const atlas::AttachedPoint& to, vec3 p) {
  int a = joint_index(s, from.joint), b = joint_index(s, to.joint);
  if (a < 0 || b < 0 || a == b) return from.joint;
  auto ancestors = [&](int j) {
    std::vector<int> up;
    for (; j >= 0; j = s.joints[size_t(j)].parent) up.push_back(j);
    return up;
  };
  std::vector<int> ua = ancestors(a), ub = ancestors(b);
  std::vector<int> chain;  // a ... common ... b
  size_t ia = 0;
  for (; ia < ua.size(); ++ia)
    if (std::find(ub.begin(), ub.end(), ua[ia]) != ub.end()) break;
  if (ia == ua.size()) return from.joint;
  chain.assign(ua.begin(), ua.begin() + long(ia) + 1);
  auto ib = std::find(ub.begin(), ub.end(), ua[ia]);
  for (auto it = std::make_reverse_iterator(ib); it != ub.rend(); ++it) chain.push_back(*it);
  auto centre = [&](int j) { return vec3(world[size_t(j)][3]); };
  float best = 1e30f;
  int pick = a;
  for (size_t k = 0; k < chain.size(); ++k) {
    int j = chain[k];
    // The shaft of j's bone runs from its centre to its child on the chain, or to the track's end.
    vec3 end = j == a ? from.world : j == b ? to.world : centre(j);
    for (size_t n = 0; n < chain.size(); ++n)
      if (s.joints[size_t(chain[n])].parent == j) end = centre(chain[n]);
    float dist = distance_to_segment(p, centre(j), end);
    if (dist < best) best = dist, pick = j;
  }
  return s.joints[size_t(pick)].name;
}

// Midline landmarks where each side's line ends on its own half of the bone: the left
// sacrotuberous ligament and the left erector spinae attach left of the median sacral crest, so the
// left back line's sacrum is its own station (one node per side). Shared, a left calf's pull spread
// into both sides' erectors and was halved before it reached the spine. A line crossing the
// midline there (the back functional line) keeps the one shared station.
bool sided_midline(const atlas::ResolvedStation& st, const atlas::Atlas* atlas) {
  static const std::set<std::string> kSided = {"sacrum"};
  if (!atlas || !kSided.count(st.landmark) || !(st.line.ends_with(".l") || st.line.ends_with(".r")))
    return false;
  const atlas::Line* line = atlas->line(base_id(st.line));
  const atlas::Point* pt = line ? line->point(st.point) : nullptr;
  return pt && !pt->crossing;
}

}  // namespace

Result<AtlasInput> atlas_input(const atlas::ResolvedAtlas& r, const body::Skeleton& skeleton,
                               const body::Pose& pose, const atlas::Atlas* atlas) {
  AtlasInput in;
  std::vector<mat4> world = body::world_transforms(skeleton, pose);
  for (size_t j = 0; j < skeleton.joints.size(); ++j) {
    const body::Joint& bj = skeleton.joints[j];
    AtlasInput::Joint jt;
    jt.id = bj.name;
    jt.parent = bj.parent >= 0 ? skeleton.joints[size_t(bj.parent)].name : "";
    jt.centre = to_vec(vec3(world[j][3]));
    for (const HingeDefault& h : kHinges) {
      if (base_id(bj.name) != h.joint) continue;
      jt.hinge = true;
      jt.axis = right_side(bj.name) ? Vec3d{h.axis.x, -h.axis.y, -h.axis.z} : h.axis;
      jt.stiffness = h.stiffness;
      jt.rom_torque = h.rom_torque;
      jt.motion = h.motion;
      jt.posture_stiffness = h.posture;
      // End stops at the clinical range; through the range the joint is soft, so the tissue that
      // crosses it, not the joint, shapes the posture (the linear part reaches 30 % of the end
      // torque at the far end of the range: not cited, tuned).
      HoldRange range;
      if (clinical_range(bj.name, &range)) {
        jt.range_min = range.min;
        jt.range_max = range.max;
        jt.stiffness = 0.3 * h.rom_torque / std::max(-range.min, range.max);
      }
    }
    in.joints.push_back(jt);
  }

  // One station per landmark (several lines share it); junctions without a landmark by their id.
  std::map<std::string, std::string> key_of;  // station id or landmark -> station key
  std::set<std::string> have;
  double rib_z = 0;
  int nrib = 0;
  for (const auto& st : r.stations) {
    if (breath_depth().count(base_id(st.landmark))) rib_z += st.at.world.z, nrib++;
  }
  rib_z = nrib ? rib_z / nrib - 0.08 : 0;  // the thorax's axis lies behind its front
  auto add_station = [&](const std::string& key, const atlas::AttachedPoint& at) {
    if (!have.insert(key).second) return;
    AtlasInput::Station s;
    s.id = key;
    s.joint = at.joint;
    // The patella rides with the tibia: the patellar tendon hardly stretches as the knee bends, the
    // quadriceps above it does.
    if (base_id(at.joint) == "patella") s.joint = "tibia" + at.joint.substr(std::string("patella").size());
    s.position = to_vec(at.world);
    auto b = breath_depth().find(base_id(key));
    if (b != breath_depth().end()) {
      double dx = s.position.x, dz = s.position.z - rib_z;
      double len = std::max(1e-6, std::sqrt(dx * dx + dz * dz));
      s.breath = {b->second * dx / len, 0, b->second * dz / len};
    }
    in.stations.push_back(s);
  };
  for (const auto& st : r.stations) {
    std::string key = st.landmark.empty() ? st.id : st.landmark;
    if (sided_midline(st, atlas)) key += st.line.substr(st.line.size() - 2);
    key_of[st.id] = key;
    key_of[key] = key;
    add_station(key, st.at);
  }
  // A track's end is the station of one of its own lines at that landmark (the left erector ends on
  // the left sacrum station); ends no line of the track places keep the landmark's station.
  auto end_key = [&](const atlas::ResolvedTrack& t, const std::string& landmark) {
    for (const auto& st : r.stations)
      if (st.landmark == landmark && std::find(t.lines.begin(), t.lines.end(), st.line) != t.lines.end())
        return key_of[st.id];
    return key_of.count(landmark) ? key_of[landmark] : landmark;
  };

  std::map<std::string, std::vector<std::string>> line_tracks;
  for (const auto& t : r.tracks) {
    if (t.path.size() < 2) return bad_input("sim network: track '" + t.id + "' has fewer than 2 path points");
    AtlasInput::Track tr;
    tr.id = t.id;
    tr.tissues = t.tissues;
    tr.from = end_key(t, t.from);
    tr.to = end_key(t, t.to);
    add_station(tr.from, t.path.front());
    add_station(tr.to, t.path.back());
    for (size_t i = 1; i + 1 < t.path.size(); ++i) {
      tr.via.push_back({carrying_bone(skeleton, world, t.path.front(), t.path.back(), t.path[i].world),
                        to_vec(t.path[i].world)});
    }
    // Resolved tissues carry the side ("gastrocnemius.l"); the stiffness table is by tissue.
    std::string first = base_id(t.tissues.empty() ? t.id : t.tissues.front());
    for (const TissueStiffness& ts : kTissues) {
      if (first != ts.tissue) continue;
      tr.stiffness = ts.stiffness;
      tr.toe_strain = ts.toe_strain;
      if (ts.stiffness_top > 0) {
        // Taper towards the upper end, whichever end the atlas starts from.
        bool up = t.path.back().world.y > t.path.front().world.y;
        tr.stiffness = up ? ts.stiffness : ts.stiffness_top;
        tr.stiffness_to = up ? ts.stiffness_top : ts.stiffness;
      }
    }
    for (const auto& l : t.lines) line_tracks[l].push_back(t.id);
    in.tracks.push_back(tr);
  }
  // Shear links between the landmarks of one station (both ends must carry tracks).
  if (atlas) {
    std::map<std::string, size_t> link_index;
    for (const auto& line : atlas->lines) {
      for (const char* side : {".l", ".r"}) {
        std::string lid = line.id + side;
        for (const auto& pt : line.points) {
          if (pt.landmarks.size() < 2) continue;
          // Only where the dissections verified the transition: the link is that continuity.
          const atlas::Transition* tn = line.transition(pt.id);
          if (!tn ||
              !(tn->evidence.grade == atlas::Grade::Strong || tn->evidence.grade == atlas::Grade::Moderate))
            continue;
          const atlas::ResolvedStation* rs = r.station(lid + "/" + pt.id);
          if (!rs || rs->landmark.empty()) continue;
          std::string main = rs->landmark;
          std::string suffix = main.ends_with(".l") ? ".l" : main.ends_with(".r") ? ".r" : "";
          for (size_t i = 1; i < pt.landmarks.size(); ++i) {
            std::string other = pt.landmarks[i] + suffix;
            if (!have.count(other) || other == main) continue;
            // Only where the landmarks lie on different bones close together (the tendons that meet
            // around the knee); landmarks far apart or on one bone are joined by the bone already.
            auto find_station = [&](const std::string& key) {
              return std::find_if(in.stations.begin(), in.stations.end(),
                                  [&](const auto& st) { return st.id == key; });
            };
            auto a = find_station(main), b = find_station(other);
            double dx = a->position.x - b->position.x, dy = a->position.y - b->position.y,
                   dz = a->position.z - b->position.z;
            if (a->joint == b->joint || std::sqrt(dx * dx + dy * dy + dz * dz) > 0.08) continue;
            std::string id = "link." + base_id(main) + "." + base_id(other) + suffix;
            auto it = link_index.find(id);
            if (it == link_index.end()) {
              AtlasInput::Track tr;
              tr.id = id;
              tr.tissues = {"fascia"};
              tr.from = main;
              tr.to = other;
              tr.stiffness = 30;  // N/mm: passes the line's pull without locking the joint it spans
              tr.link = true;
              link_index[id] = in.tracks.size();
              in.tracks.push_back(tr);
            }
            auto& lt = line_tracks[lid];
            if (std::find(lt.begin(), lt.end(), id) == lt.end()) lt.push_back(id);
          }
        }
      }
    }
  }
  for (auto& [id, tracks] : line_tracks) in.lines.push_back({id, tracks});

  for (const auto& tn : r.transitions) {
    AtlasInput::Transition t;
    t.line = tn.line;
    auto k = key_of.find(tn.station);
    if (k == key_of.end())
      return bad_input("sim network: transition of " + tn.line + " at unknown station '" + tn.station + "'");
    t.station = k->second;
    t.grade = grade_of(tn.evidence.grade);
    if (tn.continuity) {
      t.posture_joint = tn.continuity_joint.empty() ? tn.continuity->joint : tn.continuity_joint;
      t.full_below_deg = tn.continuity->full_below_deg;
      t.none_above_deg = tn.continuity->none_above_deg;
    }
    in.transitions.push_back(t);
    // The other landmarks of a station share its evidence (not its continuity joint).
    if (atlas) {
      auto slash = tn.station.find('/');
      const atlas::Line* line = atlas->line(base_id(tn.line));
      const atlas::Point* pt =
          line && slash != std::string::npos ? line->point(tn.station.substr(slash + 1)) : nullptr;
      std::string suffix = t.station.ends_with(".l") ? ".l" : t.station.ends_with(".r") ? ".r" : "";
      for (size_t i = 1; pt && i < pt->landmarks.size(); ++i) {
        std::string other = pt->landmarks[i] + suffix;
        if (!have.count(other)) continue;
        AtlasInput::Transition o = t;
        o.station = other;
        o.posture_joint.clear();
        in.transitions.push_back(o);
      }
    }
  }
  return in;
}

Result<AtlasInput> default_atlas_input() {
  auto a = atlas::load_atlas(assets_dir() / "atlas");
  if (!a) return a.error();
  body::Skeleton skeleton = body::make_skeleton({});
  body::Pose rest = body::rest_pose(skeleton);
  auto frame = atlas::body_frame(skeleton, body::make_landmarks(skeleton), rest);
  auto resolved = atlas::resolve(*a, frame);
  if (!resolved) return resolved.error();
  return atlas_input(*resolved, skeleton, rest, &*a);
}

}  // namespace fascia::sim

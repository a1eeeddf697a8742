#include "atlas/expand.h"

#include <algorithm>
#include <map>

#include "atlas/ids.h"

namespace fascia::atlas {

namespace {

SideChar other(SideChar s) {
  return s == 'l' ? 'r' : 'l';
}

SideChar side_of(Side s, SideChar line_side) {
  return s == Side::Ipsilateral ? line_side : other(line_side);
}

bool track_is_paired(const Track& t) {
  auto paired_tissue = [](const std::string& id) { return find_tissue(id)->paired; };
  auto paired_landmark = [](const std::string& id) { return find_landmark(id)->paired; };
  return std::any_of(t.tissues.begin(), t.tissues.end(), paired_tissue) || paired_landmark(t.from) ||
         paired_landmark(t.to);
}

}  // namespace

std::string landmark_on_side(std::string_view landmark, SideChar side) {
  const LandmarkId* l = find_landmark(landmark);
  std::string out(landmark);
  if (l && l->paired && side != 'm') (out += '.') += side;
  return out;
}

std::string tissue_on_side(std::string_view tissue, SideChar side) {
  const TissueId* t = find_tissue(tissue);
  std::string out(tissue);
  if (t && t->paired && side != 'm') (out += '.') += side;
  return out;
}

bool joint_is_paired(std::string_view joint) {
  static const char* kAxial[] = {"pelvis",         "lumbar_5",       "lumbar_4",       "lumbar_3",
                                 "lumbar_2",       "lumbar_1",       "thoracic_lower", "thoracic_upper",
                                 "cervical_lower", "cervical_upper", "skull",          "mandible"};
  return std::none_of(std::begin(kAxial), std::end(kAxial), [&](const char* a) { return joint == a; });
}

const LineInstance* ExpandedAtlas::line(std::string_view id) const {
  for (const auto& l : lines)
    if (l.id == id) return &l;
  return nullptr;
}

const TrackInstance* ExpandedAtlas::track(std::string_view id) const {
  for (const auto& t : tracks)
    if (t.id == id) return &t;
  return nullptr;
}

ExpandedAtlas expand(const Atlas& atlas) {
  ExpandedAtlas out;
  std::map<std::string, TrackInstance> tracks;

  auto track_instance = [&](const Track& t, SideChar side, const std::string& line_id) -> std::string {
    SideChar s = track_is_paired(t) ? side : 'm';
    std::string id = s == 'm' ? t.id : t.id + "." + s;
    auto [it, fresh] = tracks.try_emplace(id);
    TrackInstance& ti = it->second;
    if (fresh) {
      ti.id = id;
      ti.track = &t;
      ti.side = s;
      ti.from = landmark_on_side(t.from, s);
      ti.to = landmark_on_side(t.to, s);
      for (const auto& v : t.via) ti.via.push_back(landmark_on_side(v, s));
      for (const auto& x : t.tissues) ti.tissues.push_back(tissue_on_side(x, s));
    }
    if (std::find(ti.lines.begin(), ti.lines.end(), line_id) == ti.lines.end()) ti.lines.push_back(line_id);
    return id;
  };

  for (const Line& line : atlas.lines) {
    for (SideChar side : {'l', 'r'}) {
      LineInstance li;
      li.id = line.id + "." + side;
      li.line = &line;
      li.side = side;
      for (const Point& p : line.points) {
        PointInstance pi;
        pi.id = li.id + "/" + p.id;
        pi.point = &p;
        bool midline = std::none_of(p.landmarks.begin(), p.landmarks.end(),
                                    [](const std::string& l) { return find_landmark(l)->paired; });
        pi.side = midline ? 'm' : side_of(p.side, side);
        for (const auto& l : p.landmarks) pi.landmarks.push_back(landmark_on_side(l, pi.side));
        li.points.push_back(std::move(pi));
      }
      for (const Step& s : line.steps) {
        StepInstance si;
        si.step = &s;
        si.from = li.id + "/" + s.from;
        si.to = li.id + "/" + s.to;
        si.side = side_of(s.side, side);
        for (const auto& t : s.tracks) si.tracks.push_back(track_instance(*atlas.track(t), si.side, li.id));
        li.steps.push_back(std::move(si));
      }
      for (const Transition& t : line.transitions) {
        TransitionInstance ti;
        ti.point = li.id + "/" + t.at;
        ti.transition = &t;
        for (const StepInstance& s : li.steps) {
          if (s.to == ti.point) ti.tracks_in.insert(ti.tracks_in.end(), s.tracks.begin(), s.tracks.end());
          if (s.from == ti.point) ti.tracks_out.insert(ti.tracks_out.end(), s.tracks.begin(), s.tracks.end());
        }
        if (t.continuity) {
          const Point* p = line.point(t.at);
          SideChar ps = side_of(p->side, side);
          ti.continuity_joint = t.continuity->joint;
          if (joint_is_paired(ti.continuity_joint)) (ti.continuity_joint += '.') += ps;
        }
        li.transitions.push_back(std::move(ti));
      }
      out.lines.push_back(std::move(li));
    }
  }

  // Deterministic order: as the atlas defines the tracks, midline first, then left, then right.
  for (const Track& t : atlas.tracks) {
    for (const std::string& id : {t.id, t.id + ".l", t.id + ".r"}) {
      auto it = tracks.find(id);
      if (it != tracks.end()) out.tracks.push_back(std::move(it->second));
    }
  }
  return out;
}

}  // namespace fascia::atlas

#include "learn/describe.h"

#include <algorithm>

#include "learn/follow.h"

namespace fascia::learn {
namespace {

std::string side_words(char side) {
  if (side == 'l') return " (left)";
  if (side == 'r') return " (right)";
  return "";
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
  return s;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// "sbl.l/calcaneus" -> line "sbl", point "calcaneus".
bool split_station(std::string_view id, std::string& line, std::string& point) {
  const size_t slash = id.find('/');
  if (slash == std::string_view::npos) return false;
  line = strip_side(id.substr(0, slash));
  point = std::string(id.substr(slash + 1));
  return true;
}

std::string track_name(const Anatomy& anatomy, const atlas::Track& t) {
  const AnatomyEntry* e = anatomy.find(EntryKind::Track, t.id);
  return e && !e->name.empty() ? e->name : capitalised(t.name);
}

// One transition's evidence in words; `with_line` names the line first (for a muscle or a track,
// which may belong to several).
std::string evidence_line(const atlas::Line& line, const atlas::Transition& t, bool with_line = true) {
  const atlas::Point* p = line.point(t.at);
  std::string s = (with_line ? line.name + " at " : std::string()) + capitalised(p ? p->name : t.at) + ": " +
                  grade_badge(t.evidence.grade).label;
  if (t.evidence.force_transfer == atlas::ForceTransfer::Shown) s += ", force transfer shown";
  if (!t.evidence.sources.empty()) {
    s += " (";
    for (size_t i = 0; i < t.evidence.sources.size(); ++i) s += (i ? ", " : "") + t.evidence.sources[i];
    s += ")";
  }
  if (t.continuity)
    s += "; depends on posture (" + joint_words(t.continuity->joint) + " " + t.continuity->motion + ")";
  return s;
}

}  // namespace

Badge grade_badge(atlas::Grade grade) {
  switch (grade) {
    case atlas::Grade::Strong:
      return {"strong", "several dissection studies show this continuity (Wilke 2016)"};
    case atlas::Grade::Moderate:
      return {"moderate", "some dissection studies show this continuity (Wilke 2016)"};
    case atlas::Grade::Limited:
      return {"limited", "one or few studies show this continuity; treat it as likely, not settled"};
    case atlas::Grade::None:
      return {"none", "dissection studies did not confirm this continuity (Wilke 2016)"};
    case atlas::Grade::NotAssessed:
      return {"not assessed", "no systematic review has examined this transition yet"};
  }
  return {"?", ""};
}

Badge force_badge(atlas::ForceTransfer force) {
  switch (force) {
    case atlas::ForceTransfer::Shown:
      return {"force shown", "experiments measured tension passing this transition (Krause 2016)"};
    case atlas::ForceTransfer::NotShown:
      return {"force not shown", "experiments looked for tension passing here and found little"};
    case atlas::ForceTransfer::NotExamined:
      return {"force not examined", "no experiment has measured tension passing here"};
  }
  return {"?", ""};
}

IdKind id_kind(const Anatomy& anatomy, const atlas::Atlas& atlas, std::string_view id) {
  if (id == "skin") return IdKind::Skin;
  std::string line, point;
  if (split_station(id, line, point)) {
    const atlas::Line* l = atlas.line(line);
    return l && l->point(point) ? IdKind::Station : IdKind::Unknown;
  }
  const std::string base = strip_side(id);
  if (atlas.line(base)) return IdKind::Line;
  // A body part and a single-tissue track may share an id (biceps_femoris.l): the muscle wins, and
  // its inspection lists the track, its lines and their evidence too.
  if (anatomy.find(EntryKind::Tissue, base)) return IdKind::Tissue;
  if (atlas.track(base)) return IdKind::Track;
  if (anatomy.find(EntryKind::Bone, base)) return IdKind::Bone;
  return IdKind::Unknown;
}

std::string display_name(const Anatomy& anatomy, const atlas::Atlas& atlas, std::string_view id) {
  const std::string base = strip_side(id);
  const std::string side = side_words(side_of(id));
  switch (id_kind(anatomy, atlas, id)) {
    case IdKind::Skin:
      return "Skin";
    case IdKind::Line: {
      const AnatomyEntry* e = anatomy.find(EntryKind::Line, base);
      return (e ? e->name : atlas.line(base)->name) + side;
    }
    case IdKind::Station: {
      std::string line, point;
      split_station(id, line, point);
      const atlas::Point* p = atlas.line(line)->point(point);
      const AnatomyEntry* e =
          p->landmarks.empty() ? nullptr : anatomy.find(EntryKind::Landmark, p->landmarks.front());
      const size_t slash = id.find('/');
      return (e ? e->name : capitalised(p->name)) + side_words(side_of(id.substr(0, slash)));
    }
    case IdKind::Track:
      return track_name(anatomy, *atlas.track(base)) + side;
    case IdKind::Tissue:
      return anatomy.find(EntryKind::Tissue, base)->name + side;
    case IdKind::Bone:
      return anatomy.find(EntryKind::Bone, base)->name + side;
    case IdKind::Unknown:
      break;
  }
  return std::string(id);
}

std::vector<std::string> track_tissues(const atlas::Atlas& atlas, std::string_view track_id) {
  const atlas::Track* t = atlas.track(strip_side(track_id));
  return t ? t->tissues : std::vector<std::string>{};
}

Inspection inspect(const Anatomy& anatomy, const atlas::Atlas& atlas, std::string_view id) {
  Inspection out;
  out.id = std::string(id);
  out.kind = id_kind(anatomy, atlas, id);
  out.name = display_name(anatomy, atlas, id);
  const std::string base = strip_side(id);
  const AnatomyEntry* entry = nullptr;
  auto cite = [&](const AnatomyEntry* e) {
    if (!e) return;
    for (const std::string& s : e->sources) {
      auto it = anatomy.sources.find(s);
      add_unique(out.sources, it != anatomy.sources.end() ? it->second : s);
    }
  };
  switch (out.kind) {
    case IdKind::Line: {
      out.kind_label = "line";
      entry = anatomy.find(EntryKind::Line, base);
      const atlas::Line* l = atlas.line(base);
      out.description = entry ? entry->description : l->text.what.student;
      for (const atlas::Step& s : l->steps)
        for (const std::string& t : s.tracks) add_unique(out.tracks, t);
      for (const atlas::Transition& t : l->transitions) out.evidence.push_back(evidence_line(*l, t, false));
      out.lines.push_back(base);
      break;
    }
    case IdKind::Station: {
      out.kind_label = "station";
      std::string line, point;
      split_station(id, line, point);
      const atlas::Line* l = atlas.line(line);
      const atlas::Point* p = l->point(point);
      if (!p->landmarks.empty()) entry = anatomy.find(EntryKind::Landmark, p->landmarks.front());
      out.description = entry ? entry->description : p->name;
      out.lines.push_back(line);
      for (const atlas::Step& s : l->steps)
        if (s.from == point || s.to == point)
          for (const std::string& t : s.tracks) add_unique(out.tracks, t);
      if (const atlas::Transition* t = l->transition(point))
        out.evidence.push_back(evidence_line(*l, *t, false));
      // The same landmark is a station of other lines too.
      for (const atlas::Line& other : atlas.lines)
        for (const atlas::Point& q : other.points)
          if (!p->landmarks.empty() && !q.landmarks.empty() && q.landmarks.front() == p->landmarks.front())
            add_unique(out.lines, other.id);
      break;
    }
    case IdKind::Track: {
      out.kind_label = "track";
      entry = anatomy.find(EntryKind::Track, base);
      const atlas::Track* t = atlas.track(base);
      out.description = entry ? entry->description : t->name;
      out.tracks.push_back(base);
      for (const atlas::Line& l : atlas.lines)
        for (const atlas::Step& s : l.steps)
          if (std::find(s.tracks.begin(), s.tracks.end(), base) != s.tracks.end()) {
            add_unique(out.lines, l.id);
            for (const std::string& at : {s.from, s.to})
              if (const atlas::Transition* tr = l.transition(at))
                add_unique(out.evidence, evidence_line(l, *tr));
          }
      // A single-tissue track is also a muscle: show its attachments.
      if (t->tissues.size() == 1)
        if (const AnatomyEntry* m = anatomy.find(EntryKind::Tissue, t->tissues.front())) {
          out.origin = m->origin;
          out.insertion = m->insertion;
          out.action = m->action;
          cite(m);
        }
      break;
    }
    case IdKind::Tissue: {
      entry = anatomy.find(EntryKind::Tissue, base);
      out.kind_label = entry->tissue_kind;
      out.description = entry->description;
      out.origin = entry->origin;
      out.insertion = entry->insertion;
      out.action = entry->action;
      for (const atlas::Track& t : atlas.tracks)
        if (std::find(t.tissues.begin(), t.tissues.end(), base) != t.tissues.end()) {
          add_unique(out.tracks, t.id);
          for (const atlas::Line& l : atlas.lines)
            for (const atlas::Step& s : l.steps)
              if (std::find(s.tracks.begin(), s.tracks.end(), t.id) != s.tracks.end()) {
                add_unique(out.lines, l.id);
                for (const std::string& at : {s.from, s.to})
                  if (const atlas::Transition* tr = l.transition(at))
                    add_unique(out.evidence, evidence_line(l, *tr));
              }
        }
      break;
    }
    case IdKind::Bone:
      out.kind_label = "bone";
      entry = anatomy.find(EntryKind::Bone, base);
      out.description = entry->description;
      break;
    case IdKind::Skin:
      out.kind_label = "skin";
      out.description = "The skin and the fat beneath it, drawn as one surface.";
      break;
    case IdKind::Unknown:
      out.kind_label = "unknown";
      break;
  }
  cite(entry);
  return out;
}

}  // namespace fascia::learn

#include "atlas/report.h"

#include <algorithm>
#include <cstdio>

#include "atlas/expand.h"

namespace fascia::atlas {

namespace {

Json evidence_json(const Evidence& e) {
  Json j = {
      {"grade", to_string(e.grade)}, {"force_transfer", to_string(e.force_transfer)}, {"sources", e.sources}};
  if (!e.assessed_as.empty()) j["assessed_as"] = e.assessed_as;
  if (!e.assessed_in.empty()) j["assessed_in"] = e.assessed_in;
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

Json text_json(const LineText& t) {
  auto pair = [](const Text& x) { return Json{{"student", x.student}, {"client", x.client}}; };
  return {{"what", pair(t.what)},
          {"movement", pair(t.movement)},
          {"stretches", pair(t.stretches)},
          {"when_short", pair(t.when_short)},
          {"feels", pair(t.feels)}};
}

std::string evidence_text(const Evidence& e) {
  std::string s = to_string(e.grade);
  std::replace(s.begin(), s.end(), '_', ' ');
  s += "; force transfer ";
  s += e.force_transfer == ForceTransfer::Shown      ? "shown"
       : e.force_transfer == ForceTransfer::NotShown ? "not shown"
                                                     : "not examined";
  s += " (";
  for (size_t i = 0; i < e.sources.size(); ++i) s += (i ? ", " : "") + e.sources[i];
  s += ")";
  return s;
}

}  // namespace

Json atlas_json(const Atlas& atlas) {
  ExpandedAtlas ex = expand(atlas);
  Json lines = Json::array();
  for (const LineInstance& li : ex.lines) {
    Json stations = Json::array();
    for (const PointInstance& p : li.points) {
      stations.push_back({{"id", p.id},
                          {"point", p.point->id},
                          {"kind", to_string(p.point->kind)},
                          {"name", p.point->name},
                          {"side", std::string(1, p.side)},
                          {"crossing", p.point->crossing},
                          {"landmarks", p.landmarks}});
    }
    Json steps = Json::array();
    for (const StepInstance& s : li.steps) {
      Json j = {{"from", s.from},
                {"to", s.to},
                {"tracks", s.tracks},
                {"side", std::string(1, s.side)},
                {"mechanical_only", s.step->mechanical_only}};
      if (!s.step->branch.empty()) j["branch"] = s.step->branch;
      steps.push_back(std::move(j));
    }
    Json transitions = Json::array();
    for (const TransitionInstance& t : li.transitions) {
      Json j = {{"station", t.point},
                {"tracks_in", t.tracks_in},
                {"tracks_out", t.tracks_out},
                {"evidence", evidence_json(t.transition->evidence)}};
      if (const auto& k = t.transition->continuity) {
        j["continuity"] = {{"joint", t.continuity_joint},
                           {"motion", k->motion},
                           {"full_below_deg", k->full_below_deg},
                           {"none_above_deg", k->none_above_deg},
                           {"note", k->note}};
      }
      transitions.push_back(std::move(j));
    }
    lines.push_back({{"id", li.id},
                     {"line", li.line->id},
                     {"side", std::string(1, li.side)},
                     {"name", li.line->name},
                     {"crosses_midline", li.line->crosses_midline()},
                     {"stations", std::move(stations)},
                     {"steps", std::move(steps)},
                     {"transitions", std::move(transitions)},
                     {"text", text_json(li.line->text)}});
  }
  Json tracks = Json::array();
  for (const TrackInstance& t : ex.tracks) {
    Json j = {{"id", t.id},
              {"track", t.track->id},
              {"name", t.track->name},
              {"side", std::string(1, t.side)},
              {"tissues", t.tissues},
              {"from", t.from},
              {"to", t.to},
              {"lines", t.lines},
              {"shared", t.lines.size() > 1}};
    if (!t.via.empty()) j["via"] = t.via;
    tracks.push_back(std::move(j));
  }
  Json sources = Json::array();
  for (const Source& s : atlas.sources) sources.push_back({{"key", s.key}, {"reference", s.reference}});
  return {{"format", kAtlasJsonFormat},
          {"lines", std::move(lines)},
          {"tracks", std::move(tracks)},
          {"sources", std::move(sources)}};
}

Json resolved_json(const ResolvedAtlas& r) {
  auto point = [](const AttachedPoint& p) {
    return Json{{"joint", p.joint},
                {"local", {p.local.x, p.local.y, p.local.z}},
                {"world", {p.world.x, p.world.y, p.world.z}}};
  };
  Json stations = Json::array();
  for (const ResolvedStation& s : r.stations)
    stations.push_back({{"id", s.id}, {"line", s.line}, {"landmark", s.landmark}, {"at", point(s.at)}});
  Json tracks = Json::array();
  for (const ResolvedTrack& t : r.tracks) {
    Json path = Json::array();
    for (const AttachedPoint& p : t.path) path.push_back(point(p));
    tracks.push_back(
        {{"id", t.id}, {"lines", t.lines}, {"from", t.from}, {"to", t.to}, {"path", std::move(path)}});
  }
  Json transitions = Json::array();
  for (const ResolvedTransition& t : r.transitions) {
    Json j = {{"line", t.line},
              {"station", t.station},
              {"grade", to_string(t.evidence.grade)},
              {"force_transfer", to_string(t.evidence.force_transfer)}};
    if (t.continuity) j["continuity_joint"] = t.continuity_joint;
    transitions.push_back(std::move(j));
  }
  return {{"format", "fascia-atlas-resolved/1"},
          {"stations", std::move(stations)},
          {"tracks", std::move(tracks)},
          {"transitions", std::move(transitions)}};
}

std::string atlas_text(const Atlas& atlas) {
  ExpandedAtlas ex = expand(atlas);
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "Fascia Atlas: %zu lines, each on the left and the right (%zu), %zu tracks.\n"
                "Evidence grades after Wilke et al. 2016; force transfer after Krause et al. 2016.\n"
                "An illustrative model, not a clinical measurement.\n",
                atlas.lines.size(), ex.lines.size(), ex.tracks.size());
  out += buf;
  for (const Line& line : atlas.lines) {
    const LineInstance& left = *ex.line(line.id + ".l");
    out += "\n" + line.id + "  " + line.name + "  (" + line.id + ".l, " + line.id + ".r)";
    if (line.crosses_midline()) out += ", crosses the midline";
    out += "\n";
    for (size_t i = 0; i < line.points.size(); ++i) {
      const Point& p = line.points[i];
      std::snprintf(buf, sizeof buf, "  %-8s %-28s %s", to_string(p.kind), p.id.c_str(), p.name.c_str());
      out += buf;
      if (left.points[i].side != 'm' && p.side == Side::Contralateral) out += "  [other side]";
      out += "\n";
      if (const Transition* t = line.transition(p.id)) {
        out += "           transition: " + evidence_text(t->evidence) + "\n";
        if (t->continuity) {
          std::snprintf(buf, sizeof buf,
                        "           continuous only while %s %s <= %g deg, none from %g deg\n",
                        t->continuity->joint.c_str(), t->continuity->motion.c_str(),
                        t->continuity->full_below_deg, t->continuity->none_above_deg);
          out += buf;
        }
      }
    }
    out += "  tracks:\n";
    for (const Step& s : line.steps) {
      out += "    " + s.from + " -> " + s.to;
      if (!s.branch.empty()) out += " (" + s.branch + ")";
      out += ": ";
      if (s.mechanical_only) out += "mechanical link through the bone, no tissue";
      for (size_t i = 0; i < s.tracks.size(); ++i) {
        const Track* t = atlas.track(s.tracks[i]);
        out += (i ? "; " : "") + t->name + " [" + t->id + "]";
        if (t->lines.size() > 1) {
          out += " shared with";
          for (const auto& l : t->lines)
            if (l != line.id) out += " " + l;
        }
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace fascia::atlas

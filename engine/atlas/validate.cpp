#include "atlas/validate.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "atlas/ids.h"
#include "core/json.h"

namespace fascia::atlas {

namespace {

std::string idx(std::string_view base, size_t i) {
  return std::string(base) + "[" + std::to_string(i) + "]";
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "'" : ", '") + s + "'";
  return out;
}

Status check_tracks(const Atlas& atlas) {
  std::map<std::string, const Track*> seen;
  for (const Track& t : atlas.tracks) {
    auto [it, fresh] = seen.emplace(t.id, &t);
    if (!fresh)
      return json_error(t.file, t.json_path + ".id",
                        "duplicate track id '" + t.id + "' (first defined in " + it->second->file + ")");
    for (size_t i = 0; i < t.lines.size(); ++i) {
      const std::string& l = t.lines[i];
      bool known =
          std::any_of(std::begin(kLineIds), std::end(kLineIds), [&](const char* k) { return l == k; });
      if (!known) return json_error(t.file, idx(t.json_path + ".lines", i), "unknown line id '" + l + "'");
      if (std::count(t.lines.begin(), t.lines.end(), l) > 1)
        return json_error(t.file, idx(t.json_path + ".lines", i), "line '" + l + "' listed twice");
    }
    if (t.shared && t.lines.size() < 2)
      return json_error(t.file, t.json_path + ".lines",
                        "a track in tracks.json is shared by two or more lines; define a one-line track in "
                        "its line's file");
  }
  return ok_status();
}

// Points reachable from the first one through the steps.
std::vector<bool> reached(const Line& line) {
  std::vector<size_t> parent(line.points.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto index = [&](const std::string& id) {
    for (size_t i = 0; i < line.points.size(); ++i)
      if (line.points[i].id == id) return i;
    return size_t(0);
  };
  for (const Step& s : line.steps) parent[find(index(s.from))] = find(index(s.to));
  std::vector<bool> out(line.points.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = find(i) == find(0);
  return out;
}

Status check_points(const Line& line) {
  std::set<std::string> ids;
  for (size_t i = 0; i < line.points.size(); ++i) {
    const Point& p = line.points[i];
    if (!ids.insert(p.id).second)
      return json_error(line.file, idx("$.points", i) + ".id", "duplicate point id '" + p.id + "'");
    if (p.crossing) {
      for (const auto& l : p.landmarks) {
        if (find_landmark(l)->paired)
          return json_error(line.file, idx("$.points", i),
                            "'" + p.id + "' is marked as a crossing but its landmark '" + l +
                                "' is paired; a line crosses the midline only at a midline point");
      }
    }
  }
  if (line.points.size() < 2) return json_error(line.file, "$.points", "a line needs at least two points");
  return ok_status();
}

Status check_steps(const Atlas& atlas, Line& line) {
  for (size_t i = 0; i < line.steps.size(); ++i) {
    Step& s = line.steps[i];
    std::string at = idx("$.steps", i);
    const Point* a = line.point(s.from);
    const Point* b = line.point(s.to);
    if (!a) return json_error(line.file, at + ".from", "unknown point '" + s.from + "'");
    if (!b) return json_error(line.file, at + ".to", "unknown point '" + s.to + "'");
    if (a == b) return json_error(line.file, at, "a step from '" + s.from + "' to itself");
    for (size_t j = 0; j < s.tracks.size(); ++j) {
      std::string tat = idx(at + ".tracks", j);
      const Track* t = atlas.track(s.tracks[j]);
      if (!t) return json_error(line.file, tat, "unknown track '" + s.tracks[j] + "'");
      if (!contains(t->lines, line.id)) {
        return json_error(line.file, tat,
                          t->shared ? "track '" + t->id + "' in tracks.json is not labelled with line '" +
                                          line.id + "' (it lists " + joined(t->lines) + ")"
                                    : "track '" + t->id + "' belongs to line '" + t->lines.front() + "'");
      }
      bool forward = contains(a->landmarks, t->from) && contains(b->landmarks, t->to);
      bool backward = contains(a->landmarks, t->to) && contains(b->landmarks, t->from);
      if (!forward && !backward) {
        return json_error(line.file, tat,
                          "track '" + t->id + "' runs from '" + t->from + "' to '" + t->to +
                              "', which are not landmarks of this step's points '" + a->id + "' (" +
                              joined(a->landmarks) + ") and '" + b->id + "' (" + joined(b->landmarks) + ")");
      }
    }
  }
  auto ok = reached(line);
  for (size_t i = 0; i < ok.size(); ++i) {
    if (!ok[i])
      return json_error(line.file, "$.steps",
                        "the line does not connect: no steps lead from '" + line.points.front().id +
                            "' to '" + line.points[i].id + "'");
  }
  return ok_status();
}

// Each step lies on one side; sides change only across a crossing, and every crossing changes side.
Status check_sides(Line& line) {
  for (size_t i = 0; i < line.steps.size(); ++i) {
    Step& s = line.steps[i];
    const Point* a = line.point(s.from);
    const Point* b = line.point(s.to);
    if (a->crossing && b->crossing)
      return json_error(line.file, idx("$.steps", i),
                        "a step between two crossings, '" + a->id + "' and '" + b->id + "'");
    if (a->crossing)
      s.side = b->side;
    else if (b->crossing)
      s.side = a->side;
    else if (a->side != b->side)
      return json_error(
          line.file, idx("$.steps", i),
          std::string("the line changes side between '") + a->id + "' (" + to_string(a->side) + ") and '" +
              b->id + "' (" + to_string(b->side) +
              ") without crossing the midline; mark a midline point between them as a crossing");
    else
      s.side = a->side;
  }
  for (size_t i = 0; i < line.points.size(); ++i) {
    const Point& p = line.points[i];
    if (!p.crossing) continue;
    std::vector<Side> sides;
    for (const Step& s : line.steps)
      if (s.from == p.id || s.to == p.id) sides.push_back(s.side);
    if (sides.size() != 2)
      return json_error(
          line.file, idx("$.points", i),
          "the crossing '" + p.id + "' must join exactly two steps, found " + std::to_string(sides.size()));
    if (sides[0] == sides[1])
      return json_error(line.file, idx("$.points", i),
                        "the crossing at '" + p.id + "' leads to the same side (" + to_string(sides[0]) +
                            " on both sides of it); give the points beyond it the other side");
  }
  return ok_status();
}

Status check_transitions(const Atlas& atlas, const Line& line) {
  std::map<std::string, int> degree;
  for (const Step& s : line.steps) {
    ++degree[s.from];
    ++degree[s.to];
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < line.transitions.size(); ++i) {
    const Transition& t = line.transitions[i];
    std::string at = idx("$.transitions", i);
    if (!line.point(t.at)) return json_error(line.file, at + ".at", "unknown point '" + t.at + "'");
    if (degree[t.at] < 2)
      return json_error(line.file, at + ".at", "'" + t.at + "' is an end of the line, not a transition");
    if (!seen.insert(t.at).second)
      return json_error(line.file, at + ".at", "a second transition at '" + t.at + "'");
    for (size_t j = 0; j < t.evidence.sources.size(); ++j) {
      const std::string& src = t.evidence.sources[j];
      bool known = std::any_of(atlas.sources.begin(), atlas.sources.end(),
                               [&](const Source& s) { return s.key == src; });
      if (!known)
        return json_error(line.file, idx(at + ".evidence.sources", j),
                          "unknown source '" + src + "' (see sources.json)");
    }
    const std::string& in = t.evidence.assessed_in;
    if (!in.empty() &&
        !std::any_of(std::begin(kLineIds), std::end(kLineIds), [&](const char* k) { return in == k; }))
      return json_error(line.file, at + ".evidence.assessed_in", "unknown line id '" + in + "'");
  }
  for (const Point& p : line.points) {
    if (degree[p.id] >= 2 && !seen.count(p.id))
      return json_error(line.file, "$.transitions",
                        "no transition at '" + p.id +
                            "', where the line's steps meet; every transition needs its evidence");
  }
  return ok_status();
}

// Every line a track is labelled with runs along it.
Status check_track_use(const Atlas& atlas) {
  for (const Track& t : atlas.tracks) {
    for (size_t i = 0; i < t.lines.size(); ++i) {
      const Line* line = atlas.line(t.lines[i]);
      bool used = line && std::any_of(line->steps.begin(), line->steps.end(),
                                      [&](const Step& s) { return contains(s.tracks, t.id); });
      if (!used) {
        std::string where = t.shared ? idx(t.json_path + ".lines", i) : t.json_path;
        return json_error(t.file, where,
                          "track '" + t.id + "' is labelled with line '" + t.lines[i] +
                              "', but no step of that line uses it");
      }
    }
  }
  return ok_status();
}

}  // namespace

bool is_midline(const Point& p) {
  return std::none_of(p.landmarks.begin(), p.landmarks.end(),
                      [](const std::string& l) { return find_landmark(l)->paired; });
}

Status validate(Atlas& atlas) {
  FASCIA_TRY(check_tracks(atlas));
  for (Line& line : atlas.lines) {
    FASCIA_TRY(check_points(line));
    FASCIA_TRY(check_steps(atlas, line));
    FASCIA_TRY(check_sides(line));
    FASCIA_TRY(check_transitions(atlas, line));
  }
  FASCIA_TRY(check_track_use(atlas));
  return ok_status();
}

}  // namespace fascia::atlas

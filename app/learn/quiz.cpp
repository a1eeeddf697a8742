#include "learn/quiz.h"

#include <algorithm>
#include <set>

#include "atlas/ids.h"
#include "learn/describe.h"

namespace fascia::learn {
namespace {

constexpr size_t kOrderWindow = 6;  // stations in one ordering question
constexpr size_t kLineChoices = 4;  // options offered when naming a line

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

bool branched(const atlas::Line& l) {
  return std::any_of(l.steps.begin(), l.steps.end(), [](const atlas::Step& s) { return !s.branch.empty(); });
}

std::string join_names(const std::vector<std::string>& ids, const atlas::Atlas& atlas,
                       const Anatomy& anatomy) {
  std::string s;
  for (size_t i = 0; i < ids.size(); ++i)
    s += (i ? (i + 1 == ids.size() ? " and " : ", ") : "") + display_name(anatomy, atlas, ids[i]);
  return s;
}

// The structure a picked id stands for, side-agnostic: a body part's tissue, a track's tissues, a
// station's first landmark.
std::vector<std::string> picked_structures(std::string_view picked, const atlas::Atlas& atlas) {
  std::vector<std::string> out{strip_side(picked)};
  const size_t slash = picked.find('/');
  if (slash != std::string_view::npos) {
    if (const atlas::Line* l = atlas.line(strip_side(picked.substr(0, slash))))
      if (const atlas::Point* p = l->point(picked.substr(slash + 1)); p && !p->landmarks.empty())
        out.push_back(p->landmarks.front());
    return out;
  }
  if (const atlas::Track* t = atlas.track(strip_side(picked)))
    out.insert(out.end(), t->tissues.begin(), t->tissues.end());
  return out;
}

std::optional<QuizItem> name_line(const std::string& line_id, const atlas::Atlas& atlas,
                                  const Anatomy& anatomy, QuizRandom& rng) {
  if (!atlas.line(line_id)) return std::nullopt;
  QuizItem q;
  q.kind = QuizKind::NameLine;
  q.key = "name_line:" + line_id;
  q.subject = line_id;
  q.prompt = "Which line is highlighted?";
  const std::string instance = line_id + (rng.below(2) ? ".r" : ".l");
  q.highlight = {instance};
  q.show_lines = {instance};
  q.hide_names = true;
  q.answer = {line_id};
  std::vector<std::string> others;
  for (const atlas::Line& l : atlas.lines)
    if (l.id != line_id) others.push_back(l.id);
  rng.shuffle(others);
  q.choices = {line_id};
  for (size_t i = 0; i + 1 < kLineChoices && i < others.size(); ++i) q.choices.push_back(others[i]);
  rng.shuffle(q.choices);
  const AnatomyEntry* e = anatomy.find(EntryKind::Line, line_id);
  q.explanation = e ? e->description : "";
  return q;
}

std::optional<QuizItem> order_stations(const std::string& line_id, size_t start, const atlas::Atlas& atlas,
                                       const Anatomy& anatomy, QuizRandom& rng) {
  const atlas::Line* l = atlas.line(line_id);
  if (!l || branched(*l) || start >= l->points.size()) return std::nullopt;
  const size_t end = std::min(l->points.size(), start + kOrderWindow);
  if (end - start < 3) return std::nullopt;
  QuizItem q;
  q.kind = QuizKind::OrderStations;
  q.key = "order_stations:" + line_id + ":" + std::to_string(start);
  q.subject = line_id;
  const std::string instance = line_id + ".l";
  q.show_lines = {instance};
  q.highlight = {instance};
  q.hide_names = true;  // labels beside the stations would give the order away
  for (size_t i = start; i < end; ++i) q.answer.push_back(instance + "/" + l->points[i].id);
  q.choices = q.answer;
  // A shuffle that leaves the order as it was asks nothing: rotate it instead.
  rng.shuffle(q.choices);
  if (q.choices == q.answer) std::rotate(q.choices.begin(), q.choices.begin() + 1, q.choices.end());
  q.prompt = "Put these stations of the " + display_name(anatomy, atlas, line_id) +
             " in order, from where it starts (" + display_name(anatomy, atlas, q.answer.front()) +
             ") onward.";
  q.explanation = "In order: " + join_names(q.answer, atlas, anatomy) + ".";
  return q;
}

std::optional<QuizItem> click_structure(const std::string& tissue, const atlas::Atlas& atlas,
                                        const Anatomy& anatomy, QuizRandom& rng) {
  const AnatomyEntry* e = anatomy.find(EntryKind::Tissue, tissue);
  const atlas::TissueId* ti = atlas::find_tissue(tissue);
  if (!e || !ti) return std::nullopt;
  QuizItem q;
  q.kind = QuizKind::ClickStructure;
  q.key = "click_structure:" + tissue;
  q.subject = tissue;
  const std::string side = ti->paired ? (rng.below(2) ? ".r" : ".l") : "";
  q.prompt = "Click the " + display_name(anatomy, atlas, tissue + side) + ".";
  q.answer = {tissue};
  q.hide_names = true;
  q.explanation = e->description;
  return q;
}

std::optional<QuizItem> shared_track(const std::string& track_id, const atlas::Atlas& atlas,
                                     const Anatomy& anatomy) {
  const atlas::Track* t = atlas.track(track_id);
  if (!t || t->lines.size() < 2) return std::nullopt;
  QuizItem q;
  q.kind = QuizKind::SharedTrack;
  q.key = "shared_track:" + track_id;
  q.subject = track_id;
  q.prompt =
      "Which lines run along the " + display_name(anatomy, atlas, track_id) + "? Choose all that apply.";
  q.highlight = {track_id + ".l"};
  q.show_lines = {};
  for (const atlas::Line& l : atlas.lines) q.choices.push_back(l.id);
  for (const atlas::Line& l : atlas.lines)
    if (std::find(t->lines.begin(), t->lines.end(), l.id) != t->lines.end()) q.answer.push_back(l.id);
  q.explanation = "One piece of tissue, shared by the " + join_names(q.answer, atlas, anatomy) + ".";
  return q;
}

}  // namespace

uint64_t QuizRandom::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

const char* to_string(QuizKind k) {
  switch (k) {
    case QuizKind::NameLine:
      return "name_line";
    case QuizKind::OrderStations:
      return "order_stations";
    case QuizKind::ClickStructure:
      return "click_structure";
    case QuizKind::SharedTrack:
      return "shared_track";
    case QuizKind::Choice:
      return "choice";
  }
  return "?";
}

std::optional<QuizKind> quiz_kind_from(std::string_view s) {
  for (auto k : {QuizKind::NameLine, QuizKind::OrderStations, QuizKind::ClickStructure, QuizKind::SharedTrack,
                 QuizKind::Choice})
    if (s == to_string(k)) return k;
  return std::nullopt;
}

std::vector<std::string> quiz_keys(const atlas::Atlas& atlas, const Anatomy& anatomy) {
  std::vector<std::string> keys;
  for (const atlas::Line& l : atlas.lines) keys.push_back("name_line:" + l.id);
  for (const atlas::Line& l : atlas.lines) {
    if (branched(l) || l.points.size() < 3) continue;
    keys.push_back("order_stations:" + l.id + ":0");
    if (l.points.size() > kOrderWindow)
      keys.push_back("order_stations:" + l.id + ":" + std::to_string(l.points.size() - kOrderWindow));
  }
  for (const atlas::TissueId& t : atlas::tissue_ids()) {
    const AnatomyEntry* e = anatomy.find(EntryKind::Tissue, t.id);
    if (t.from_body && e && e->tissue_kind == "muscle") keys.push_back("click_structure:" + t.id);
  }
  for (const atlas::Track& t : atlas.tracks)
    if (t.lines.size() >= 2) keys.push_back("shared_track:" + t.id);
  return keys;
}

std::optional<QuizItem> make_item(std::string_view key, const atlas::Atlas& atlas, const Anatomy& anatomy,
                                  uint64_t seed) {
  const std::vector<std::string> parts = split(key, ':');
  auto kind = quiz_kind_from(parts[0]);
  if (!kind) return std::nullopt;
  QuizRandom rng(seed);
  switch (*kind) {
    case QuizKind::NameLine:
      if (parts.size() == 2) return name_line(parts[1], atlas, anatomy, rng);
      break;
    case QuizKind::OrderStations:
      if (parts.size() == 3 && !parts[2].empty() && parts[2].size() < 4 &&
          std::all_of(parts[2].begin(), parts[2].end(), [](char c) { return c >= '0' && c <= '9'; }))
        return order_stations(parts[1], std::stoul(parts[2]), atlas, anatomy, rng);
      break;
    case QuizKind::ClickStructure:
      if (parts.size() == 2) return click_structure(parts[1], atlas, anatomy, rng);
      break;
    case QuizKind::SharedTrack:
      if (parts.size() == 2) return shared_track(parts[1], atlas, anatomy);
      break;
    case QuizKind::Choice:
      break;  // lesson questions only: their text lives in the lesson
  }
  return std::nullopt;
}

QuizGrade grade(const QuizItem& item, const QuizAnswer& answer, const atlas::Atlas& atlas,
                const Anatomy& anatomy) {
  QuizGrade g;
  switch (item.kind) {
    case QuizKind::NameLine:
    case QuizKind::Choice: {
      g.correct = answer.size() == 1 && !item.answer.empty() &&
                  (item.kind == QuizKind::Choice ? answer[0] == item.answer[0]
                                                 : strip_side(answer[0]) == strip_side(item.answer[0]));
      g.score = g.correct ? 1 : 0;
      const std::string right = item.kind == QuizKind::NameLine ? display_name(anatomy, atlas, item.answer[0])
                                                                : (item.answer.empty() ? "" : item.answer[0]);
      g.feedback = g.correct ? "Right: " + right + "." : "Not quite: it is " + right + ".";
      if (!g.correct && answer.size() == 1 && item.kind == QuizKind::NameLine)
        g.feedback += " You chose " + display_name(anatomy, atlas, answer[0]) + ".";
      break;
    }
    case QuizKind::OrderStations: {
      // Part marks: the share of stations in the right place.
      size_t in_place = 0;
      for (size_t i = 0; i < item.answer.size() && i < answer.size(); ++i)
        in_place += answer[i] == item.answer[i];
      g.correct = answer == item.answer;
      g.score = item.answer.empty() ? 0 : double(in_place) / double(item.answer.size());
      g.feedback = g.correct ? "Right: that is the order of the line."
                             : "Not quite: " + std::to_string(in_place) + " of " +
                                   std::to_string(item.answer.size()) + " in place. " + item.explanation;
      break;
    }
    case QuizKind::ClickStructure: {
      const std::vector<std::string> picked =
          answer.empty() ? std::vector<std::string>{} : picked_structures(answer[0], atlas);
      g.correct =
          !item.answer.empty() && std::find(picked.begin(), picked.end(), item.answer[0]) != picked.end();
      g.score = g.correct ? 1 : 0;
      g.feedback = g.correct ? "Right: that is the " + display_name(anatomy, atlas, item.answer[0]) + "."
                             : "Not quite: you clicked " +
                                   (answer.empty() ? std::string("nothing")
                                                   : display_name(anatomy, atlas, answer[0])) +
                                   "; it is highlighted now.";
      break;
    }
    case QuizKind::SharedTrack: {
      std::set<std::string> want(item.answer.begin(), item.answer.end()), got;
      for (const std::string& a : answer) got.insert(strip_side(a));
      size_t hits = 0, wrong = 0;
      for (const std::string& a : got) (want.count(a) ? hits : wrong) += 1;
      g.correct = hits == want.size() && wrong == 0;
      g.score = want.empty() ? 0 : std::max(0.0, double(hits) - double(wrong)) / double(want.size());
      g.feedback = (g.correct ? "Right. " : "Not quite. ") + item.explanation;
      break;
    }
  }
  return g;
}

}  // namespace fascia::learn

#include "learn/lesson.h"

#include <algorithm>

#include "atlas/expand.h"
#include "core/file_io.h"
#include "core/json.h"
#include "learn/describe.h"

namespace fascia::learn {
namespace {

constexpr const char* kCameras[] = {"front", "back", "left", "right"};
constexpr const char* kSides[] = {"left", "right", "both"};
// The order lessons are listed in (docs/lessons.md); ids not named here follow by name.
constexpr const char* kLessonOrder[] = {"intro", "sbl",  "sfl", "ll",  "spl", "sfal", "dfal",
                                        "sbal",  "dbal", "bfl", "ffl", "ifl", "dfl",  "restriction"};
constexpr size_t kMaxSteps = 200;
constexpr size_t kMaxText = 4000;

template <size_t N>
bool one_of(const std::string& s, const char* const (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return s == x; });
}

Result<std::vector<std::string>> strings(const JsonCursor& parent, std::string_view key) {
  std::vector<std::string> out;
  if (!parent.has(key)) return out;
  auto list = parent.field(key);
  if (!list) return list.error();
  auto n = list->array_size();
  if (!n) return n.error();
  for (size_t i = 0; i < *n; ++i) {
    auto item = list->at(i);
    if (!item) return item.error();
    auto s = item->string();
    if (!s) return s.error();
    out.push_back(*s);
  }
  return out;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s);
  out += '"';
  return out;
}

Result<std::string> text(const JsonCursor& c, std::string_view key, bool required) {
  auto s = required ? c.string_field(key) : c.string_field_or(key, "");
  if (!s) return s.error();
  if (required && s->empty()) return c.error(quoted(key) + " is empty");
  if (s->size() > kMaxText)
    return c.error(quoted(key) + " is longer than " + std::to_string(kMaxText) + " characters");
  return s;
}

// A line id to show: "sbl", "sbl.l" or "sbl.r".
bool known_line(const atlas::Atlas& atlas, const std::string& id) {
  return atlas.line(strip_side(id)) && (id.find('.') == std::string::npos || side_of(id));
}

// The context with the side-suffixed instances the scene draws, made once a lesson.
struct Checked {
  const LessonContext& ctx;
  atlas::ExpandedAtlas expanded;
};

Status check_id(const JsonCursor& at, const Checked& chk, const std::string& id) {
  const IdKind kind = id_kind(*chk.ctx.anatomy, *chk.ctx.atlas, id);
  if (kind == IdKind::Unknown)
    return at.error("\"" + id + "\" is not a line, station, track, muscle or bone id (docs/ids.md)");
  if (kind == IdKind::Track && !chk.expanded.track(id))
    return at.error("\"" + id +
                    "\" is not a track the scene draws: a paired track takes .l or .r, a midline one none");
  return ok_status();
}

Result<QuizItem> parse_question(const JsonCursor& c, const LessonContext& ctx, const std::string& lesson_id,
                                size_t step) {
  FASCIA_TRY(c.expect_object());
  auto kind_s = c.string_field("kind");
  if (!kind_s) return kind_s.error();
  auto kind = quiz_kind_from(*kind_s);
  if (!kind)
    return c.error("unknown question kind \"" + *kind_s +
                   "\" (expected name_line, order_stations, click_structure, shared_track or choice)");
  // Lesson questions are fixed: the seed is the step, so the choices do not change between visits.
  const uint64_t seed = uint64_t(step) + 1;
  std::string key;
  switch (*kind) {
    case QuizKind::NameLine: {
      auto line = c.string_field("line");
      if (!line) return line.error();
      key = "name_line:" + *line;
      break;
    }
    case QuizKind::OrderStations: {
      auto line = c.string_field("line");
      if (!line) return line.error();
      auto start = c.number_field_or("start", 0);
      if (!start) return start.error();
      if (*start < 0 || *start > 99 || *start != double(int(*start)))
        return c.error("\"start\" must be a whole number from 0 to 99");
      key = "order_stations:" + *line + ":" + std::to_string(int(*start));
      break;
    }
    case QuizKind::ClickStructure: {
      auto s = c.string_field("structure");
      if (!s) return s.error();
      key = "click_structure:" + *s;
      break;
    }
    case QuizKind::SharedTrack: {
      auto t = c.string_field("track");
      if (!t) return t.error();
      key = "shared_track:" + *t;
      break;
    }
    case QuizKind::Choice: {
      QuizItem q;
      q.kind = QuizKind::Choice;
      q.key = "lesson:" + lesson_id + ":" + std::to_string(step);
      auto prompt = text(c, "prompt", true);
      if (!prompt) return prompt.error();
      q.prompt = *prompt;
      auto choices = strings(c, "choices");
      if (!choices) return choices.error();
      if (choices->size() < 2 || choices->size() > 8) return c.error("\"choices\" must hold 2 to 8 answers");
      q.choices = *choices;
      auto answer = c.field("answer");
      if (!answer) return answer.error();
      auto index = answer->number_in(0, double(q.choices.size() - 1));
      if (!index) return index.error();
      if (*index != double(int(*index))) return answer->error("expected the index of the right choice");
      q.answer = {q.choices[size_t(*index)]};
      auto explanation = text(c, "explanation", false);
      if (!explanation) return explanation.error();
      q.explanation = *explanation;
      return q;
    }
  }
  auto item = make_item(key, *ctx.atlas, *ctx.anatomy, seed);
  if (!item)
    return c.error("cannot ask \"" + key +
                   "\": the line, track or structure is unknown or does not fit this kind");
  if (c.has("prompt")) {
    auto prompt = text(c, "prompt", true);
    if (!prompt) return prompt.error();
    item->prompt = *prompt;
  }
  return *item;
}

Result<LessonStep> parse_step(const JsonCursor& c, const Checked& chk, const std::string& lesson_id,
                              size_t index) {
  const LessonContext& ctx = chk.ctx;
  FASCIA_TRY(c.expect_object());
  LessonStep s;
  s.json_path = c.path();
  auto title = text(c, "title", true);
  if (!title) return title.error();
  s.title = *title;
  auto body = text(c, "text", true);
  if (!body) return body.error();
  s.text = *body;

  auto lines = strings(c, "lines");
  if (!lines) return lines.error();
  for (size_t i = 0; i < lines->size(); ++i)
    if (!known_line(*ctx.atlas, (*lines)[i]))
      return json_error(c.file(), c.path() + ".lines[" + std::to_string(i) + "]",
                        "\"" + (*lines)[i] + "\" is not a line id (sbl, sfl, ll, ... with .l or .r)");
  s.lines = *lines;

  auto side = c.string_field_or("side", "both");
  if (!side) return side.error();
  if (!one_of(*side, kSides)) return c.error("\"side\" must be left, right or both, not \"" + *side + "\"");
  s.side = *side;

  auto highlight = strings(c, "highlight");
  if (!highlight) return highlight.error();
  for (size_t i = 0; i < highlight->size(); ++i) {
    JsonCursor at(c.json(), c.file(), c.path() + ".highlight[" + std::to_string(i) + "]");
    FASCIA_TRY(check_id(at, chk, (*highlight)[i]));
  }
  s.highlight = *highlight;

  auto frame = c.string_field_or("frame", "");
  if (!frame) return frame.error();
  if (!frame->empty()) FASCIA_TRY(check_id(JsonCursor(c.json(), c.file(), c.path() + ".frame"), chk, *frame));
  s.frame = *frame;

  auto camera = c.string_field_or("camera", "front");
  if (!camera) return camera.error();
  if (!one_of(*camera, kCameras))
    return c.error("\"camera\" must be front, back, left or right, not \"" + *camera + "\"");
  s.camera = *camera;

  auto pose = c.string_field_or("pose", "");
  if (!pose) return pose.error();
  if (!pose->empty() && !ctx.poses.empty() &&
      std::find(ctx.poses.begin(), ctx.poses.end(), *pose) == ctx.poses.end())
    return c.error("\"pose\": no pose \"" + *pose + "\" in assets/poses");
  s.pose = *pose;

  if (c.has("restrict")) {
    auto list = c.field("restrict");
    if (!list) return list.error();
    auto n = list->array_size();
    if (!n) return n.error();
    for (size_t i = 0; i < *n; ++i) {
      auto r = list->at(i);
      if (!r) return r.error();
      FASCIA_TRY(r->expect_object());
      LessonRestriction lr;
      auto target = r->string_field("target");
      if (!target) return target.error();
      const IdKind k = id_kind(*ctx.anatomy, *ctx.atlas, *target);
      if (k != IdKind::Track && k != IdKind::Tissue && k != IdKind::Line)
        return r->error("\"target\": \"" + *target + "\" is not a track, tissue or line");
      lr.target = *target;
      // The ranges of the restriction panel and of `fascia sim --restrict`.
      auto stiff = r->field("stiffness");
      if (!stiff) return stiff.error();
      auto sv = stiff->number_in(0.1, 10);
      if (!sv) return sv.error();
      lr.stiffness = *sv;
      if (r->has("shorten_pct")) {
        auto sh = r->field("shorten_pct");
        if (!sh) return sh.error();
        auto v = sh->number_in(0, 10);
        if (!v) return v.error();
        lr.shorten_pct = *v;
      }
      s.restrictions.push_back(lr);
    }
  }
  auto labels = c.bool_field_or("labels", true);
  if (!labels) return labels.error();
  s.labels = *labels;

  if (c.has("question")) {
    auto q = c.field("question");
    if (!q) return q.error();
    auto item = parse_question(*q, ctx, lesson_id, index);
    if (!item) return item.error();
    s.question = std::move(*item);
  }
  return s;
}

}  // namespace

Result<Lesson> parse_lesson(std::string_view text_in, const std::string& file, const LessonContext& ctx) {
  auto doc = parse_json(text_in, file);
  if (!doc) return doc.error();
  JsonCursor root(*doc, file);
  FASCIA_TRY(root.expect_object());
  Lesson l;
  l.file = file;
  auto id = text(root, "id", true);
  if (!id) return id.error();
  l.id = *id;
  auto title = text(root, "title", true);
  if (!title) return title.error();
  l.title = *title;
  auto summary = text(root, "summary", false);
  if (!summary) return summary.error();
  l.summary = *summary;
  auto line = root.string_field_or("line", "");
  if (!line) return line.error();
  if (!line->empty() && !ctx.atlas->line(*line))
    return root.error("\"line\": \"" + *line + "\" is not a line id");
  l.line = *line;
  auto sources = strings(root, "sources");
  if (!sources) return sources.error();
  for (size_t i = 0; i < sources->size(); ++i)
    if (!ctx.anatomy->sources.count((*sources)[i]))
      return json_error(file, "$.sources[" + std::to_string(i) + "]",
                        "source \"" + (*sources)[i] + "\" is not in assets/anatomy/sources.json");
  l.sources = *sources;

  auto steps = root.field("steps");
  if (!steps) return steps.error();
  auto n = steps->array_size();
  if (!n) return n.error();
  if (*n == 0) return steps->error("a lesson needs at least one step");
  if (*n > kMaxSteps) return steps->error("more than " + std::to_string(kMaxSteps) + " steps");
  const Checked chk{ctx, atlas::expand(*ctx.atlas)};
  for (size_t i = 0; i < *n; ++i) {
    auto c = steps->at(i);
    if (!c) return c.error();
    auto s = parse_step(*c, chk, l.id, i);
    if (!s) return s.error();
    l.steps.push_back(std::move(*s));
  }
  return l;
}

Result<Lesson> load_lesson(const std::filesystem::path& path, const LessonContext& ctx) {
  auto t = read_file(path);
  if (!t) return t.error();
  auto l = parse_lesson(*t, path.string(), ctx);
  if (!l) return l.error();
  if (l->id != path.stem().string())
    return json_error(path.string(), "$.id",
                      "\"" + l->id + "\" differs from the file name \"" + path.stem().string() + "\"");
  return l;
}

Result<std::vector<Lesson>> load_lessons(const std::filesystem::path& dir, const LessonContext& ctx) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  if (ec) return bad_input(dir.string() + ": cannot list the lessons: " + ec.message());
  auto rank = [](const std::filesystem::path& p) {
    const std::string stem = p.stem().string();
    for (size_t i = 0; i < std::size(kLessonOrder); ++i)
      if (stem == kLessonOrder[i]) return i;
    return std::size(kLessonOrder);
  };
  std::sort(files.begin(), files.end(), [&](const auto& a, const auto& b) {
    return std::pair(rank(a), a.filename().string()) < std::pair(rank(b), b.filename().string());
  });
  std::vector<Lesson> out;
  for (const auto& f : files) {
    auto l = load_lesson(f, ctx);
    if (!l) return l.error();
    out.push_back(std::move(*l));
  }
  return out;
}

LessonPlayer::LessonPlayer(const Lesson& lesson, int start_step) : lesson_(&lesson) {
  if (start_step > 0)
    index_ = std::min(size_t(start_step), lesson.steps.empty() ? 0 : lesson.steps.size() - 1);
}

void LessonPlayer::next() {
  if (!at_end()) ++index_;
}
void LessonPlayer::back() {
  if (index_ > 0) --index_;
}
std::string LessonPlayer::progress_text() const {
  return "Step " + std::to_string(index_ + 1) + " of " + std::to_string(size());
}
double LessonPlayer::progress_fraction() const {
  return size() > 1 ? double(index_) / double(size() - 1) : 1.0;
}

}  // namespace fascia::learn

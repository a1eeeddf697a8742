#include "common/names.h"

#include <cctype>

#include "common/labels.h"

namespace fascia::app {
namespace {

std::string side_word(const std::string& id) {
  if (id.size() > 2 && id.compare(id.size() - 2, 2, ".l") == 0) return "left";
  if (id.size() > 2 && id.compare(id.size() - 2, 2, ".r") == 0) return "right";
  return "";
}

std::string without_side(const std::string& id) {
  return side_word(id).empty() ? id : id.substr(0, id.size() - 2);
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string with_side(const std::string& name, const std::string& id) {
  std::string side = side_word(id);
  return side.empty() ? name : name + " (" + side + ")";
}

}  // namespace

std::string line_full_name(const AppModel& model, const std::string& line_side_id) {
  std::string base = line_side_id.substr(0, line_side_id.find('.'));
  const atlas::Line* l = model.atlas.line(base);
  return with_side(l && !l->name.empty() ? l->name : base, line_side_id);
}

std::string full_name(const AppModel& model, const std::string& id) {
  if (id.empty()) return id;
  if (auto slash = id.find('/'); slash != std::string::npos) {
    // A station: its point's name on its line.
    std::string line = id.substr(0, slash), point = id.substr(slash + 1);
    const atlas::Line* l = model.atlas.line(line.substr(0, line.find('.')));
    const atlas::Point* p = l ? l->point(point) : nullptr;
    return capitalised(p && !p->name.empty() ? p->name : pretty_name(point)) + ", " +
           line_full_name(model, line);
  }
  if (const atlas::ResolvedTrack* t = model.resolved.track(id)) {
    const atlas::Track* at = model.atlas.track(without_side(id));
    std::string name =
        at && !at->name.empty() ? at->name : pretty_name(without_side(id).substr(id.find('.') + 1));
    std::string out = with_side(capitalised(name), id);
    for (size_t i = 0; i < t->lines.size(); ++i) {
      const atlas::Line* l = model.atlas.line(t->lines[i].substr(0, t->lines[i].find('.')));
      out += (i ? " / " : ", ") + (l && !l->name.empty() ? l->name : t->lines[i]);
    }
    return out;
  }
  std::string base = without_side(id);
  if (model.atlas.line(base)) return line_full_name(model, id);
  return with_side(capitalised(pretty_name(base)), id);
}

}  // namespace fascia::app

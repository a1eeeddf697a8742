#include "session/session.h"

#include <algorithm>
#include <cstdio>

namespace fascia::session {

const std::vector<std::string>& all_line_ids() {
  static const std::vector<std::string> ids = {"sbl",  "sfl",  "ll",  "spl", "sfal", "dfal",
                                               "sbal", "dbal", "bfl", "ffl", "ifl",  "dfl"};
  return ids;
}

Session default_session() {
  Session s;
  s.visibility.lines = all_line_ids();
  return s;
}

std::string restrict_option_text(const Restriction& r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "=%.6g,%.6g", r.stiffness_x, r.shorten_pct);
  return r.target + buf;
}

std::vector<std::string> restrict_option_texts(const std::vector<Restriction>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(restrict_option_text(r));
  return out;
}

const Restriction* find_restriction(const Session& s, const std::string& target) {
  auto it = std::find_if(s.restrictions.begin(), s.restrictions.end(),
                         [&](const Restriction& r) { return r.target == target; });
  return it == s.restrictions.end() ? nullptr : &*it;
}

const Hold* find_hold(const Session& s, const std::string& joint) {
  auto it = std::find_if(s.holds.begin(), s.holds.end(), [&](const Hold& h) { return h.joint == joint; });
  return it == s.holds.end() ? nullptr : &*it;
}

}  // namespace fascia::session

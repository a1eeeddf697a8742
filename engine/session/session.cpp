#include "session/session.h"

#include <algorithm>

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

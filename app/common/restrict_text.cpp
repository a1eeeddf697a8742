#include "common/restrict_text.h"

#include <cstdlib>

#include "session/actions.h"

namespace fascia::app {
namespace {

Result<double> number(const std::string& text, const std::string& what, const std::string& whole) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size())
    return bad_input("--restrict '" + whole + "': " + what + " is not a number: '" + text + "'");
  return v;
}

}  // namespace

Result<session::Restriction> parse_restriction_text(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    return bad_input("--restrict: expected TRACK=STIFFNESS_X[,SHORTEN_PCT], got '" + text + "'");
  session::Restriction r;
  r.target = text.substr(0, eq);
  std::string rest = text.substr(eq + 1);
  auto comma = rest.find(',');
  auto k = number(rest.substr(0, comma), "the stiffness multiplier", text);
  if (!k) return k.error();
  r.stiffness_x = *k;
  if (comma != std::string::npos) {
    auto s = number(rest.substr(comma + 1), "the shortening", text);
    if (!s) return s.error();
    r.shorten_pct = *s;
  }
  return r;
}

Result<session::Session> session_with_restrictions(const std::vector<std::string>& texts) {
  session::Session s = session::default_session();
  for (const auto& t : texts) {
    auto r = parse_restriction_text(t);
    if (!r) return r.error();
    auto next = session::reduce(s, session::SetRestriction{*r});
    if (!next) return bad_input("--restrict '" + t + "': " + next.error().message);
    s = std::move(*next);
  }
  return s;
}

}  // namespace fascia::app

// `--restrict TARGET=STIFFNESS_X[,SHORTEN_PCT]` of `fascia sim/trace/rom`: each line of the input is
// one value; those that parse are resolved against the reference model and applied to its data.
// What parses lies in the documented ranges; what is refused says so with a bad-input error.
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/targets.h"
#include "sim/commands.h"

namespace fascia::fuzz {

void restrict_option(const uint8_t* data, size_t size) {
  static const sim::Model& model = sim::default_model();
  std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<sim::RestrictOption> parsed;
  for (std::string line; std::getline(lines, line) && parsed.size() < 8;) {
    auto r = sim::parse_restrict(line);
    if (!r) {
      FASCIA_FUZZ_CHECK(r.error().kind == ErrorKind::BadInput, r.error().message);
      FASCIA_FUZZ_CHECK(r.error().message.find("--restrict") != std::string::npos, r.error().message);
      continue;
    }
    FASCIA_FUZZ_CHECK(r->stiffness_x >= 0.1 && r->stiffness_x <= 10, line);
    FASCIA_FUZZ_CHECK(r->shorten_pct >= 0 && r->shorten_pct <= 10, line);
    auto els = sim::restrict_elements(model, r->target);
    if (els)
      for (int e : *els) FASCIA_FUZZ_CHECK(e >= 0 && e < model.nelement, r->target);
    parsed.push_back(*r);
  }
  sim::Data d = sim::make_data(model);
  auto s = sim::apply_restrictions(model, d, parsed);
  if (!s) FASCIA_FUZZ_CHECK(s.error().kind == ErrorKind::BadInput, s.error().message);
}

}  // namespace fascia::fuzz

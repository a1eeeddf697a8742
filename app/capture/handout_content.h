#pragma once
// What a client handout says, in plain words, worked out from a session: the restricted places and
// the lines they load, the treatments given, the range of movement before and after, the notes.
// Only the client label the therapist typed identifies anyone.
#include <string>
#include <vector>

#include "common/app_model.h"
#include "core/result.h"
#include "session/session.h"

namespace fascia::app {

inline constexpr const char* kHandoutCaveat =
    "This picture comes from an illustrative computer model of the body's connective-tissue lines. It shows "
    "ideas, not a measurement or a diagnosis of your body; the numbers are the model's, not yours.";

struct RangeLine {
  std::string joint;  // "ankle (left), bending the foot up"
  double before_deg = 0, after_deg = 0;
};

struct HandoutContent {
  std::string client_label;
  std::string notes;
  std::vector<std::string> restricted;  // one sentence per restricted place
  std::vector<std::string> treatments;  // one sentence per treatment or release
  std::vector<RangeLine> ranges;
  // The restrictions as they act before and after the treatments (--restrict syntax), for the stills.
  std::vector<std::string> before_restrict, after_restrict;
  std::string view = "front";      // the side of the body the stills show
  std::vector<std::string> lines;  // line ids the stills show
};

// Times of the session's treatments: from the first start to the last end (both 0 without any).
struct TreatmentSpan {
  double start_s = 0, end_s = 0;
};
TreatmentSpan treatment_span(const session::Session& s);

// "gastrocnemius.l" -> "gastrocnemius (left)"; "sbl.l" -> "Superficial Back Line (left)".
std::string plain_target(const AppModel& model, const std::string& target);

// The lines a restriction loads most, by name with their side, strongest first (at most three).
Result<std::vector<std::string>> loaded_line_names(const AppModel& model, const session::Restriction& r);

Result<HandoutContent> handout_content(const AppModel& model, const session::Session& s);

}  // namespace fascia::app

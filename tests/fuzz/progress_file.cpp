// The student's progress file (app/learn/progress.h): it parses or gives an error naming the file;
// what parses writes back to text that parses to the same progress.
#include <string>

#include "fuzz/targets.h"
#include "learn/progress.h"

namespace fascia::fuzz {

void progress_file(const uint8_t* data, size_t size) {
  const std::string file = "progress.json";
  auto p = learn::parse_progress(std::string_view(reinterpret_cast<const char*>(data), size), file);
  if (!p) {
    FASCIA_FUZZ_CHECK(p.error().message.starts_with(file + ":"), p.error().message);
    FASCIA_FUZZ_CHECK(p.error().kind == ErrorKind::BadInput, p.error().message);
    return;
  }
  const std::string text = learn::serialize_progress(*p);
  auto again = learn::parse_progress(text, file);
  FASCIA_FUZZ_CHECK(again.ok(), again.ok() ? "" : again.error().message);
  FASCIA_FUZZ_CHECK(learn::serialize_progress(*again) == text, "a round trip changes the progress");
  FASCIA_FUZZ_CHECK(again->quizzes_taken == p->quizzes_taken, "quizzes_taken");
}

}  // namespace fascia::fuzz

// parse_json and JsonCursor over arbitrary bytes: errors are Results that name the source, never
// exceptions or crashes, and a document that parses survives a walk with every accessor.
#include <string>

#include "core/json.h"
#include "fuzz/targets.h"

namespace fascia::fuzz {
namespace {

constexpr std::string_view kSource = "fuzz.json";

void expect_named(const Error& e) {
  FASCIA_FUZZ_CHECK(e.message.starts_with(kSource), e.message);
  FASCIA_FUZZ_CHECK(e.kind == ErrorKind::BadInput, e.message);
}

template <typename T>
void touch(const Result<T>& r) {
  if (!r) expect_named(r.error());
}

void walk(const JsonCursor& c, int depth) {
  FASCIA_FUZZ_CHECK(depth <= kMaxJsonDepth + 1, c.path());
  touch(c.string());
  touch(c.number());
  touch(c.number_in(-1.0, 1.0));
  touch(c.boolean());
  touch(c.expect_object());
  touch(c.field("name"));
  touch(c.string_field_or("name", ""));
  touch(c.number_field_or("time", 0.0));
  touch(c.bool_field_or("loop", false));
  if (c.json().is_object()) {
    for (auto it = c.json().begin(); it != c.json().end(); ++it) {
      auto f = c.field(it.key());
      FASCIA_FUZZ_CHECK(f.ok(), "a present key must be found: " + it.key());
      touch(c.string_field(it.key()));
      touch(c.number_field(it.key()));
      walk(*f, depth + 1);
    }
  }
  auto n = c.array_size();
  if (n) {
    for (size_t i = 0; i < *n; ++i) {
      auto e = c.at(i);
      FASCIA_FUZZ_CHECK(e.ok(), c.path());
      walk(*e, depth + 1);
    }
    auto past = c.at(*n);
    FASCIA_FUZZ_CHECK(!past.ok(), "index past the end must be an error");
    expect_named(past.error());
  } else {
    expect_named(n.error());
  }
}

}  // namespace

void json_document(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = parse_json(text, kSource);
  if (!doc) {
    expect_named(doc.error());
    return;
  }
  walk(JsonCursor(*doc, std::string(kSource)), 0);
  // What we parsed, written out, parses to the same document.
  auto again = parse_json(doc->dump(), kSource);
  FASCIA_FUZZ_CHECK(again.ok(), again.ok() ? "" : again.error().message);
  FASCIA_FUZZ_CHECK(*again == *doc, doc->dump());
}

}  // namespace fascia::fuzz

#include <doctest/doctest.h>

#include <string>

#include "core/json.h"

using namespace fascia;

// Random bytes and binary files are "not JSON" where they start, not a nesting error deep inside.
TEST_CASE("json: random bytes are not JSON at 1:1, brackets in garbage are a syntax error where it is") {
  auto binary = parse_json(std::string("\xbc[[[[[[[[[[", 11) + std::string(100, '['), "r.json");
  REQUIRE_FALSE(binary.ok());
  CHECK(binary.error().message ==
        "r.json:1:1: not JSON: it starts with byte 0xbc, expected a JSON document such as an object '{'");
  auto text = parse_json("  hello", "t.json");
  CHECK(text.error().message.find("t.json:1:3: not JSON: it starts with 'h'") == 0);
  // Starts like JSON, then garbage before any deep nesting: the syntax error, at its place.
  auto early = parse_json("[1, \x01" + std::string(200, '['), "e.json");
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().message.find("e.json:1:5: invalid JSON: syntax error") == 0);
  // Real deep nesting is still reported as such, at the bracket that goes too deep.
  auto deep = parse_json(std::string(70, '[') + std::string(70, ']'), "d.json");
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().message == "d.json:1:65: nesting deeper than 64 levels");
  // A number too large for a double has a place now too.
  auto huge = parse_json("{\"a\": 1e400}", "h.json");
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.error().message.find("h.json:1:") == 0);
  CHECK(huge.error().message.find("number overflow") != std::string::npos);
  CHECK(parse_json("{\"ok\": [1, 2, {\"x\": null}]}", "ok.json").ok());
}

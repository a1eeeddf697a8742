#include <doctest/doctest.h>

#include "core/json.h"

using namespace fascia;

TEST_CASE("json: a syntax error names the source, line and column") {
  auto r = parse_json("{\n  \"a\": 1,\n  \"b\": ]\n}", "atlas.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("atlas.json:3:") == 0);
  CHECK(r.error().exit_status() == 2);
}

TEST_CASE("json: empty input and deep nesting are refused with a reason") {
  auto empty = parse_json("  \n", "x.json");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().message == "x.json: empty file, expected a JSON document");

  std::string deep(1000, '[');
  auto r = parse_json(deep, "deep.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("nesting deeper than 64") != std::string::npos);
}

TEST_CASE("json: cursor errors carry the JSON path") {
  auto doc = parse_json(R"({"lines": [{"id": "sbl", "stiffness": "high"}]})", "a.json");
  REQUIRE(doc.ok());
  JsonCursor root(*doc, "a.json");
  auto line = root.field("lines").value().at(0).value();
  CHECK(line.string_field("id").value() == "sbl");
  auto k = line.number_field("stiffness");
  REQUIRE_FALSE(k.ok());
  CHECK(k.error().message == "a.json: at $.lines[0].stiffness: expected a number, found string");
  auto missing = line.string_field("name");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "a.json: at $.lines[0]: missing required field 'name'");
  CHECK(line.number_field_or("gain", 0.5).value() == 0.5);
}

TEST_CASE("json: numbers out of range are named with their bounds") {
  auto doc = parse_json(R"({"x": 1e300})", "n.json");
  JsonCursor root(*doc, "n.json");
  auto v = root.field("x").value().number_in(0, 10);
  REQUIRE_FALSE(v.ok());
  CHECK(v.error().message.find("out of range [0, 10]") != std::string::npos);
}

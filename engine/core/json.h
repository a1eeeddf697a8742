#pragma once
// JSON loading with errors that name the file, the place (JSON path or line:column) and the problem.
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace fascia {

using Json = nlohmann::json;

// "FILE: at PATH: WHAT", the one format of every input error.
Error json_error(std::string_view file, std::string_view path, std::string_view what);

// Parses text; a syntax error names `source` and the line and column. Nesting deeper than
// kMaxJsonDepth is refused rather than risking the stack.
inline constexpr int kMaxJsonDepth = 64;
Result<Json> parse_json(std::string_view text, std::string_view source);
Result<Json> load_json_file(const std::filesystem::path& path);

// A cursor into a parsed document that remembers its path, so lookups explain themselves.
class JsonCursor {
 public:
  JsonCursor(const Json& j, std::string file, std::string path = "$")
      : j_(&j), file_(std::move(file)), path_(std::move(path)) {}

  const Json& json() const { return *j_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  Error error(std::string_view what) const { return json_error(file_, path_, what); }

  bool has(std::string_view key) const { return j_->is_object() && j_->contains(key); }
  Result<JsonCursor> field(std::string_view key) const;  // required member of an object
  Result<JsonCursor> at(size_t index) const;             // element of an array
  Status expect_object() const;
  Result<size_t> array_size() const;  // errors unless an array

  Result<std::string> string() const;
  Result<double> number() const;  // finite numbers only: NaN and infinity are refused
  Result<double> number_in(double lo, double hi) const;
  Result<bool> boolean() const;

  Result<std::string> string_field(std::string_view key) const;
  Result<double> number_field(std::string_view key) const;
  // Optional members: the fallback when absent, an error when present with the wrong type.
  Result<std::string> string_field_or(std::string_view key, std::string fallback) const;
  Result<double> number_field_or(std::string_view key, double fallback) const;
  Result<bool> bool_field_or(std::string_view key, bool fallback) const;

 private:
  const Json* j_;
  std::string file_;
  std::string path_;
};

}  // namespace fascia

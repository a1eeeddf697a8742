#include "core/json.h"

#include <cmath>

#include "core/file_io.h"

namespace fascia {

Error json_error(std::string_view file, std::string_view path, std::string_view what) {
  std::string m(file);
  m += ": at ";
  m += path;
  m += ": ";
  m += what;
  return bad_input(std::move(m));
}

namespace {

const char* type_name(const Json& j) {
  return j.type_name();
}

// Line and column (1-based) of a byte offset.
std::pair<size_t, size_t> line_col(std::string_view text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

Result<Json> parse_json(std::string_view text, std::string_view source) {
  // Depth check first: nlohmann's parser recurses, so pathological nesting could overflow the stack.
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        auto [l, col] = line_col(text, i);
        return bad_input(std::string(source) + ":" + std::to_string(l) + ":" + std::to_string(col) +
                         ": nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
      }
    } else if (c == ']' || c == '}')
      --depth;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return bad_input(std::string(source) + ": empty file, expected a JSON document");
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    auto [l, col] = line_col(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line..": keep its tail.
    if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
    return bad_input(std::string(source) + ":" + std::to_string(l) + ":" + std::to_string(col) +
                     ": invalid JSON: " + what);
  } catch (const Json::exception& e) {
    // A number beyond a double's range ("1e400") throws out_of_range, which carries no position.
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return bad_input(std::string(source) + ": invalid JSON: " + what);
  }
}

Result<Json> load_json_file(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_json(*text, path.string());
}

Status JsonCursor::expect_object() const {
  if (!j_->is_object()) return error(std::string("expected an object, found ") + type_name(*j_));
  return ok_status();
}

Result<JsonCursor> JsonCursor::field(std::string_view key) const {
  FASCIA_TRY(expect_object());
  auto it = j_->find(key);
  if (it == j_->end()) return error("missing required field '" + std::string(key) + "'");
  return JsonCursor(*it, file_, path_ + "." + std::string(key));
}

Result<size_t> JsonCursor::array_size() const {
  if (!j_->is_array()) return error(std::string("expected an array, found ") + type_name(*j_));
  return j_->size();
}

Result<JsonCursor> JsonCursor::at(size_t index) const {
  auto n = array_size();
  if (!n) return n.error();
  if (index >= *n) return error("index " + std::to_string(index) + " out of range");
  return JsonCursor((*j_)[index], file_, path_ + "[" + std::to_string(index) + "]");
}

Result<std::string> JsonCursor::string() const {
  if (!j_->is_string()) return error(std::string("expected a string, found ") + type_name(*j_));
  return j_->get<std::string>();
}

Result<double> JsonCursor::number() const {
  if (!j_->is_number()) return error(std::string("expected a number, found ") + type_name(*j_));
  double v = j_->get<double>();
  if (!std::isfinite(v)) return error("expected a finite number");
  return v;
}

Result<double> JsonCursor::number_in(double lo, double hi) const {
  auto v = number();
  if (!v) return v;
  if (*v < lo || *v > hi) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "value %g out of range [%g, %g]", *v, lo, hi);
    return error(buf);
  }
  return v;
}

Result<bool> JsonCursor::boolean() const {
  if (!j_->is_boolean()) return error(std::string("expected true or false, found ") + type_name(*j_));
  return j_->get<bool>();
}

Result<std::string> JsonCursor::string_field(std::string_view key) const {
  auto f = field(key);
  if (!f) return f.error();
  return f->string();
}

Result<double> JsonCursor::number_field(std::string_view key) const {
  auto f = field(key);
  if (!f) return f.error();
  return f->number();
}

Result<std::string> JsonCursor::string_field_or(std::string_view key, std::string fallback) const {
  if (!has(key)) return fallback;
  return string_field(key);
}

Result<double> JsonCursor::number_field_or(std::string_view key, double fallback) const {
  if (!has(key)) return fallback;
  return number_field(key);
}

Result<bool> JsonCursor::bool_field_or(std::string_view key, bool fallback) const {
  if (!has(key)) return fallback;
  auto f = field(key);
  if (!f) return f.error();
  return f->boolean();
}

}  // namespace fascia

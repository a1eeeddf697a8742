#include "core/json.h"

#include <cmath>
#include <cstdio>

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

// One pass that builds the document and also finds the first syntax error where it really is
// (random bytes fail at 1:1, not at some bracket deep inside them), and stops at kMaxJsonDepth so
// pathological nesting never reaches code that walks the document recursively. nlohmann's own DOM
// builder does the building; this wrapper adds the depth limit and keeps the error's position.
struct DepthLimitedDom {
  explicit DepthLimitedDom(Json& result) : dom(result, false) {}
  nlohmann::detail::json_sax_dom_parser<Json> dom;
  int depth = 0;
  bool too_deep = false;
  size_t error_byte = 0;
  std::string error;

  bool null() { return dom.null(); }
  bool boolean(bool v) { return dom.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return dom.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return dom.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const Json::string_t& s) { return dom.number_float(v, s); }
  bool string(Json::string_t& v) { return dom.string(v); }
  bool binary(Json::binary_t& v) { return dom.binary(v); }
  bool start_object(std::size_t n) { return enter() && dom.start_object(n); }
  bool key(Json::string_t& k) { return dom.key(k); }
  bool end_object() { return --depth, dom.end_object(); }
  bool start_array(std::size_t n) { return enter() && dom.start_array(n); }
  bool end_array() { return --depth, dom.end_array(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error_byte = position;
    error = e.what();
    return false;
  }
  bool enter() {
    if (++depth <= kMaxJsonDepth) return true;
    too_deep = true;
    return false;
  }
};

// Where the nesting first goes deeper than kMaxJsonDepth (the text is valid JSON up to there).
size_t too_deep_at(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return 0;
}

std::string at(std::string_view source, std::string_view text, size_t offset) {
  auto [l, col] = line_col(text, offset);
  return std::string(source) + ":" + std::to_string(l) + ":" + std::to_string(col);
}

}  // namespace

Result<Json> parse_json(std::string_view text, std::string_view source) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return bad_input(std::string(source) + ": empty file, expected a JSON document");
  // A JSON document starts with a value; anything else is not JSON at all (a binary file, random bytes).
  if (std::string_view("{[\"-0123456789tfn").find(text[first]) == std::string_view::npos) {
    char found[32];
    const auto byte = static_cast<unsigned char>(text[first]);
    if (byte >= 0x20 && byte < 0x7f)
      std::snprintf(found, sizeof found, "'%c'", byte);
    else
      std::snprintf(found, sizeof found, "byte 0x%02x", byte);
    return bad_input(at(source, text, first) + ": not JSON: it starts with " + found +
                     ", expected a JSON document such as an object '{'");
  }
  Json doc;
  DepthLimitedDom builder(doc);
  bool parsed = false;
  try {
    parsed = Json::sax_parse(text, &builder);
  } catch (const Json::exception& e) {
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return bad_input(std::string(source) + ": invalid JSON: " + what);
  }
  if (parsed) return doc;
  if (builder.too_deep)
    return bad_input(at(source, text, too_deep_at(text)) + ": nesting deeper than " +
                     std::to_string(kMaxJsonDepth) + " levels");
  std::string what = builder.error;
  const size_t offset = builder.error_byte > 0 ? builder.error_byte - 1 : 0;
  // nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 2: ...";
  // keep what follows the place, which we give ourselves.
  if (auto p = what.find("column "); p != std::string::npos && what.find(": ", p) != std::string::npos)
    what = what.substr(what.find(": ", p) + 2);
  else if (auto q = what.find("] "); q != std::string::npos)
    what = what.substr(q + 2);
  return bad_input(at(source, text, offset) + ": invalid JSON: " + what);
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

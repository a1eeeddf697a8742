// The atlas as `fascia atlas` loads it: the shipped files of assets/atlas, with one of them (the
// first byte picks which) replaced by the rest of the input. Only that file is parsed each run
// (parse_json, as load_atlas would); the others were parsed once, and parse_atlas takes the
// documents, so a run costs no file system work and no re-parsing of the untouched 70 KB (writing
// and re-reading the whole folder held it near 200 runs a second). Errors name a file of the folder.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "atlas/atlas.h"
#include "core/file_io.h"
#include "core/json.h"
#include "core/paths.h"
#include "fuzz/targets.h"

namespace fascia::fuzz {
namespace fs = std::filesystem;

void atlas_files(const uint8_t* data, size_t size) {
  struct Shipped {
    fs::path dir;
    std::map<std::string, Json> docs;
    std::vector<std::string> names;
  };
  static Shipped shipped = [] {
    Shipped s;
    s.dir = assets_dir() / "atlas";
    for (const auto& e : fs::directory_iterator(s.dir)) {
      if (e.path().extension() != ".json") continue;
      auto doc = load_json_file(e.path());
      if (!doc) invariant_failed("reading the shipped atlas", doc.error().message);
      s.names.push_back(e.path().filename().string());
      s.docs[s.names.back()] = std::move(*doc);
    }
    std::sort(s.names.begin(), s.names.end());
    return s;
  }();
  if (size == 0 || shipped.names.empty()) return;
  const std::string& name = shipped.names[data[0] % shipped.names.size()];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  auto check_error = [&](const Error& e) {
    FASCIA_FUZZ_CHECK(e.message.starts_with(shipped.dir.string()), e.message);
    FASCIA_FUZZ_CHECK(e.kind == ErrorKind::BadInput, e.message);
  };
  auto doc = parse_json(text, (shipped.dir / name).string());
  if (!doc) return check_error(doc.error());
  Json original = std::move(shipped.docs[name]);
  shipped.docs[name] = std::move(*doc);
  auto atlas = atlas::parse_atlas(shipped.dir, shipped.docs);
  shipped.docs[name] = std::move(original);
  if (!atlas) return check_error(atlas.error());
  FASCIA_FUZZ_CHECK(atlas->lines.size() == std::size(atlas::kLineIds),
                    "an atlas that loads has all twelve lines");
  for (const atlas::Line& line : atlas->lines) FASCIA_FUZZ_CHECK(!line.points.empty(), line.id);
}

}  // namespace fascia::fuzz

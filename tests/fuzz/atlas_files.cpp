// The atlas as `fascia atlas` loads it: a copy of assets/atlas in a scratch folder, with one file
// (the first byte picks which) replaced by the rest of the input. Errors name a file of the folder.
#include <algorithm>
#include <string>
#include <vector>

#include "atlas/atlas.h"
#include "core/file_io.h"
#include "core/paths.h"
#include "fuzz/targets.h"

namespace fascia::fuzz {
namespace fs = std::filesystem;

void atlas_files(const uint8_t* data, size_t size) {
  struct Copy {
    fs::path dir;
    std::vector<fs::path> files;
    std::vector<std::string> original;
  };
  static const Copy copy = [] {
    Copy c;
    c.dir = scratch_dir("atlas");
    for (const auto& e : fs::directory_iterator(assets_dir() / "atlas"))
      if (e.path().extension() == ".json") c.files.push_back(e.path().filename());
    std::sort(c.files.begin(), c.files.end());
    for (const fs::path& f : c.files) {
      auto text = read_file(assets_dir() / "atlas" / f);
      if (!text) invariant_failed("reading the shipped atlas", text.error().message);
      fs::copy_file(assets_dir() / "atlas" / f, c.dir / f);
      c.original.push_back(*text);
    }
    return c;
  }();
  if (size == 0 || copy.files.empty()) return;
  const size_t which = data[0] % copy.files.size();
  const fs::path file = copy.dir / copy.files[which];
  if (!write_file_atomic(file, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1)))
    invariant_failed("writing the scratch atlas", file.string());

  auto atlas = atlas::load_atlas(copy.dir);
  if (!atlas) {
    FASCIA_FUZZ_CHECK(atlas.error().message.starts_with(copy.dir.string()), atlas.error().message);
    FASCIA_FUZZ_CHECK(atlas.error().kind == ErrorKind::BadInput, atlas.error().message);
  } else {
    FASCIA_FUZZ_CHECK(atlas->lines.size() == std::size(atlas::kLineIds),
                      "an atlas that loads has all twelve lines");
    for (const atlas::Line& line : atlas->lines) FASCIA_FUZZ_CHECK(!line.points.empty(), line.id);
  }
  if (!write_file_atomic(file, copy.original[which]))
    invariant_failed("restoring the scratch atlas", file.string());
}

}  // namespace fascia::fuzz

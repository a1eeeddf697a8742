#pragma once
// Text for people about every structure the atlas and the body name: full English name, a short
// description, search synonyms, and for a muscle its origin, insertion and action. Loaded from
// assets/anatomy/ (lines, tracks, tissues, landmarks, bones; format in docs/lessons.md) and checked
// against the atlas so that nothing the app can show lacks a name.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "atlas/atlas.h"
#include "core/result.h"

namespace fascia::learn {

// What an entry describes. A station is described through its first landmark.
enum class EntryKind { Line, Track, Tissue, Landmark, Bone };
const char* to_string(EntryKind k);  // "line", "track", "tissue", "landmark", "bone"

struct AnatomyEntry {
  std::string id;  // side-agnostic: "gastrocnemius", "sbl", "sbl.galea", "femur"
  EntryKind kind = EntryKind::Tissue;
  std::string tissue_kind;  // tissues only: "muscle", "tendon", "ligament", "fascia"
  std::string name;         // full English name, capitalised: "Gastrocnemius"
  std::string description;  // one or two sentences
  std::vector<std::string> synonyms;
  std::string origin, insertion, action;  // muscles only (required for them)
  std::vector<std::string> sources;       // keys of Anatomy::sources
  std::string file, json_path;            // where it was defined, for messages
};

struct Anatomy {
  std::vector<AnatomyEntry> entries;
  std::map<std::string, std::string> sources;  // "Moore 2018" -> full reference

  // Looks up a side-agnostic id; ".l"/".r" suffixes are stripped first. nullptr when absent.
  const AnatomyEntry* find(EntryKind kind, std::string_view id) const;
};

// "gastrocnemius.l" -> "gastrocnemius"; ids without a side come back unchanged.
std::string strip_side(std::string_view id);
// 'l', 'r' or 0 for an id without a side suffix.
char side_of(std::string_view id);

// Parses one anatomy file (its "kind" field says which kind its entries are) into `into`.
// Errors name the file, the JSON path and the problem.
Status parse_anatomy_file(std::string_view text, const std::string& file, Anatomy& into);
// Loads sources.json and the five entry files in `dir`, checks that every source an entry cites is
// listed and that no id appears twice within a kind.
Result<Anatomy> load_anatomy(const std::filesystem::path& dir);

// The ids the atlas uses that have no entry, as "kind id" strings (empty when complete): every line,
// every track, every tissue and landmark of docs/ids.md.
std::vector<std::string> missing_entries(const Anatomy& anatomy, const atlas::Atlas& atlas);

}  // namespace fascia::learn

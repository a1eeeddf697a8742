#pragma once
// What the window says about a structure: its full name for any id the app shows (line, station,
// track or body part, with side), what the inspector lists for it, and the evidence badge of a
// transition. Pure functions over the atlas and the anatomy text; the window only lays them out.
#include <string>
#include <string_view>
#include <vector>

#include "atlas/atlas.h"
#include "learn/anatomy.h"

namespace fascia::learn {

// An evidence grade as a short badge and the one line that explains it.
struct Badge {
  std::string label;        // "strong", "moderate", "limited", "none", "not assessed"
  std::string explanation;  // "several dissection studies show the link (Wilke 2016)"
};
Badge grade_badge(atlas::Grade grade);
Badge force_badge(atlas::ForceTransfer force);

// What an id the app shows refers to.
enum class IdKind { Unknown, Line, Station, Track, Tissue, Bone, Skin };

// The full name of any id the app shows, with its side in words: "sbl.l" -> "Superficial Back Line
// (left)", "sbl.l/femoral_condyles" -> "Femoral condyles (posterior)", "biceps_femoris.r" ->
// "Biceps femoris (long head) (right)", "femur.l" -> "Femur (left)". Unknown ids come back as given.
std::string display_name(const Anatomy& anatomy, const atlas::Atlas& atlas, std::string_view id);
IdKind id_kind(const Anatomy& anatomy, const atlas::Atlas& atlas, std::string_view id);

// Everything the inspector shows for one structure.
struct Inspection {
  std::string id;  // as given (developer tooltip only)
  IdKind kind = IdKind::Unknown;
  std::string kind_label;  // "muscle", "line", "station", "track", "bone", ...
  std::string name;
  std::string description;
  std::string origin, insertion, action;  // muscles
  std::vector<std::string> lines;         // side-agnostic line ids it belongs to
  std::vector<std::string> tracks;        // side-agnostic track ids it belongs to or starts/ends
  std::vector<std::string> evidence;      // one line per transition it takes part in
  std::vector<std::string> sources;       // full references of the text
};
Inspection inspect(const Anatomy& anatomy, const atlas::Atlas& atlas, std::string_view id);

// The tissue ids (side-agnostic) a track is made of, for framing and highlighting.
std::vector<std::string> track_tissues(const atlas::Atlas& atlas, std::string_view track_id);

}  // namespace fascia::learn

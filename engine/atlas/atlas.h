#pragma once
// The twelve myofascial lines (after Myers, Anatomy Trains) as data: stations, the tracks of tissue
// between them, branches, midline crossings, mechanical-only links, posture-dependent continuity and
// the evidence for every transition. Loaded from assets/atlas/ (format: docs/atlas-format.md).
//
// The data is side-agnostic: a Line describes "the" superficial back line; expand() makes the
// left and right instances (sbl.l, sbl.r) with landmark, tissue and track ids suffixed by side.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/result.h"

namespace fascia::atlas {

// How well dissection studies support a transition (Wilke et al. 2016 and the arm-line review).
enum class Grade { Strong, Moderate, Limited, None, NotAssessed };
// Whether an experiment showed tension passing the transition (Krause et al. 2016).
enum class ForceTransfer { Shown, NotShown, NotExamined };
// Side of a point relative to the line's own side; crossing lines switch at midline points.
enum class Side { Ipsilateral, Contralateral };
// A station is one of Myers' bony stations; a junction is a point where two tracks meet that his
// tables do not list as a station (where a line crosses the linea alba, where latissimus turns into
// the lumbodorsal fascia).
enum class PointKind { Station, Junction };

const char* to_string(Grade g);          // "strong", ..., "not_assessed"
const char* to_string(ForceTransfer f);  // "shown", "not_shown", "not_examined"
const char* to_string(Side s);           // "ipsilateral", "contralateral"
const char* to_string(PointKind k);      // "station", "junction"

struct Evidence {
  Grade grade = Grade::NotAssessed;
  std::vector<std::string> sources;  // keys of Atlas::sources: "Wilke 2016", "Krause 2016", ...
  ForceTransfer force_transfer = ForceTransfer::NotExamined;
  std::string assessed_as;  // the transition as the review counted it; several points may share one
  std::string assessed_in;  // the line whose review assessed it, when not this one ("ll")
  std::string note;
};

// Posture-dependent continuity: 1 when the joint's angle in `motion` is at or below full_below_deg,
// 0 at or above none_above_deg, linear between. Joint ids are the child bone's (docs/ids.md): the
// knee is "tibia", the hip "femur".
struct Continuity {
  std::string joint;
  std::string motion;  // "flexion"
  double full_below_deg = 0;
  double none_above_deg = 0;
  std::string note;

  double factor(double angle_deg) const;
};

struct Point {
  std::string id;  // unique within its line
  PointKind kind = PointKind::Station;
  std::string name;
  std::vector<std::string> landmarks;  // side-agnostic landmark ids; the first places the point
  Side side = Side::Ipsilateral;
  bool crossing = false;  // the line changes side here (midline points only)
};

struct Track {
  std::string id;  // unique in the atlas: "biceps_femoris" (shared) or "sbl.plantar_fascia"
  std::string name;
  std::vector<std::string> tissues;  // tissue ids
  std::string from, to;              // landmark ids of its two ends
  std::vector<std::string> via;      // landmarks its course passes between them (drawing only)
  std::vector<std::string> lines;    // the lines that run along it: ["sbl", "spl"]
  double lateral_offset = 0;         // metres off the midline, for a paired track between midline landmarks
  std::string file;                  // where it was defined, for messages
  std::string json_path;             // "$.tracks[3]"
  bool shared = false;               // defined in tracks.json
};

struct Step {
  std::string from, to;             // point ids, in the order the line is written
  std::vector<std::string> tracks;  // parallel tracks from a landmark of `from` to one of `to`
  std::string branch;               // "lower posterior", ...; empty on unbranched lines
  bool mechanical_only = false;     // no tissue: the bone between carries the pull (sfl AIIS -> pubis)
  Side side = Side::Ipsilateral;    // derived by the loader from its points and the crossings
};

// Where one step of a line hands over to the next: at every point with two or more steps.
struct Transition {
  std::string at;  // point id
  Evidence evidence;
  std::optional<Continuity> continuity;
};

// Text for people, each in the terms of anatomy (student) and in plain words (client).
struct Text {
  std::string student, client;
};
struct LineText {
  Text what;        // what the line is
  Text movement;    // what it does in movement
  Text stretches;   // which movements stretch it
  Text when_short;  // common patterns when it is short or restricted
  Text feels;       // what a client might feel
};

struct Line {
  std::string id;  // "sbl"
  std::string name;
  std::string file;
  std::vector<Point> points;  // in the order of science.md
  std::vector<Step> steps;
  std::vector<Transition> transitions;
  LineText text;

  bool crosses_midline() const;
  const Point* point(std::string_view id) const;
  const Transition* transition(std::string_view at) const;
};

struct Source {
  std::string key;  // "Wilke 2016"
  std::string reference;
};

struct Atlas {
  std::vector<Line> lines;    // in the canonical order kLineIds
  std::vector<Track> tracks;  // shared ones first, then each line's own
  std::vector<Source> sources;

  const Line* line(std::string_view id) const;
  const Track* track(std::string_view id) const;
};

// The twelve line ids, in the order of design.md.
inline constexpr const char* kLineIds[] = {"sbl",  "sfl",  "ll",  "spl", "sfal", "dfal",
                                           "sbal", "dbal", "bfl", "ffl", "ifl",  "dfl"};

// Loads and validates sources.json, tracks.json and the twelve <line>.json in `dir`. Every problem is
// reported as "FILE: at $.json.path: what is wrong".
Result<Atlas> load_atlas(const std::filesystem::path& dir);

// The same from the files' contents already in memory (file name, e.g. "sbl.json" -> text); `dir`
// only names the files in messages. load_atlas reads the folder and calls this; the atlas_files
// fuzz target calls it directly, so a run costs no file system work.
Result<Atlas> parse_atlas(const std::filesystem::path& dir, const std::map<std::string, std::string>& files);
// The same from documents already parsed (file name -> JSON): the fuzz target parses only the file
// it changed.
Result<Atlas> parse_atlas(const std::filesystem::path& dir, const std::map<std::string, Json>& documents);

}  // namespace fascia::atlas

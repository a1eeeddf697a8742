#pragma once
// "Follow a line": the walk along one line station by station, and the text card for each stop
// (the station, the tracks on to the next one, what they are, the evidence for the transition and
// whether continuity depends on posture). Plain state; the window moves the camera to `frame`.
#include <string>
#include <vector>

#include "atlas/atlas.h"
#include "atlas/expand.h"
#include "learn/anatomy.h"
#include "learn/describe.h"

namespace fascia::learn {

struct FollowCard {
  std::string station_id;    // "sbl.l/calcaneus": what to frame and label
  std::string title;         // "2 of 7 · Calcaneus (heel)"
  std::string station_text;  // the landmark's description
  struct Onward {
    std::string track_id;  // side-suffixed as the scene names it: "sbl.gastrocnemius.l"
    std::string name, description;
    std::string to_station;  // where it leads: "sbl.l/femoral_condyles"
  };
  std::vector<Onward> onward;  // empty at the last station
  bool has_transition = false;
  Badge grade, force;
  std::string evidence_sources;  // "Wilke 2016, Krause 2016"
  std::string evidence_note;
  std::string posture;  // "Continuity depends on the knee: ..." or empty
};

class FollowLine {
 public:
  // `line_instance` is "sbl.l" or "sbl.r" (a bare id follows the left side).
  FollowLine(const atlas::Atlas& atlas, const Anatomy& anatomy, std::string line_instance);

  bool valid() const { return line_ != nullptr; }
  size_t size() const;
  size_t index() const { return index_; }
  void next();      // → key; stops at the last station
  void previous();  // ← key; stops at the first
  void go_to(size_t i);
  FollowCard card() const;
  const std::string& line_instance() const { return instance_; }

 private:
  const atlas::Atlas* atlas_;
  const Anatomy* anatomy_;
  const atlas::Line* line_ = nullptr;
  atlas::LineInstance instance_data_;  // side-suffixed ids of its points, steps and tracks
  std::string instance_;
  char side_ = 'l';
  size_t index_ = 0;
};

// The knee is "tibia", the hip "femur": joint ids in words for the posture note.
std::string joint_words(const std::string& joint);

}  // namespace fascia::learn

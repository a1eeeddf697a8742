#pragma once
// Captions and titles as SubRip subtitles, the .srt written beside a video so players and editors
// can show, translate or restyle them.
#include <string>

#include "scenario/scenario.h"

namespace fascia::scenario {

// "HH:MM:SS,mmm".
std::string srt_time(double seconds);
// Every caption and title in order of start, numbered from 1; frames [first, last] of the video
// only, with times relative to `first` (a part rendered with --frames starts at 0).
std::string to_srt(const Scenario& s, int first_frame, int last_frame);

}  // namespace fascia::scenario

#include "learn/follow.h"

namespace fascia::learn {

std::string joint_words(const std::string& joint) {
  const std::string base = strip_side(joint);
  if (base == "tibia") return "the knee";
  if (base == "femur") return "the hip";
  if (base == "talus") return "the ankle";
  if (base == "humerus") return "the shoulder";
  if (base == "forearm") return "the elbow";
  if (base == "hand") return "the wrist";
  return base;
}

FollowLine::FollowLine(const atlas::Atlas& atlas, const Anatomy& anatomy, std::string line_instance)
    : atlas_(&atlas), anatomy_(&anatomy), instance_(std::move(line_instance)) {
  if (!side_of(instance_)) instance_ += ".l";
  side_ = side_of(instance_);
  line_ = atlas.line(strip_side(instance_));
  if (!line_) return;
  for (atlas::LineInstance& li : atlas::expand(atlas).lines)
    if (li.id == instance_) instance_data_ = std::move(li);
  if (instance_data_.points.size() != line_->points.size()) line_ = nullptr;
}

size_t FollowLine::size() const {
  return line_ ? line_->points.size() : 0;
}
void FollowLine::next() {
  if (index_ + 1 < size()) ++index_;
}
void FollowLine::previous() {
  if (index_ > 0) --index_;
}
void FollowLine::go_to(size_t i) {
  if (i < size()) index_ = i;
}

FollowCard FollowLine::card() const {
  FollowCard c;
  if (!line_) return c;
  const atlas::Point& p = line_->points[index_];
  c.station_id = instance_data_.points[index_].id;
  c.title = std::to_string(index_ + 1) + " of " + std::to_string(size()) + " · " +
            display_name(*anatomy_, *atlas_, c.station_id);
  const AnatomyEntry* lm =
      p.landmarks.empty() ? nullptr : anatomy_->find(EntryKind::Landmark, p.landmarks[0]);
  c.station_text = lm ? lm->description : p.name;
  for (const atlas::StepInstance& s : instance_data_.steps) {
    if (s.step->from != p.id) continue;
    for (size_t i = 0; i < s.tracks.size(); ++i) {
      const std::string& t = s.step->tracks[i];
      FollowCard::Onward o;
      o.track_id = s.tracks[i];
      o.name = display_name(*anatomy_, *atlas_, t);
      const AnatomyEntry* e = anatomy_->find(EntryKind::Track, t);
      const atlas::Track* track = atlas_->track(t);
      o.description = e ? e->description : (track ? track->name : t);
      o.to_station = s.to;
      c.onward.push_back(std::move(o));
    }
  }
  if (const atlas::Transition* t = line_->transition(p.id)) {
    c.has_transition = true;
    c.grade = grade_badge(t->evidence.grade);
    c.force = force_badge(t->evidence.force_transfer);
    for (size_t i = 0; i < t->evidence.sources.size(); ++i)
      c.evidence_sources += (i ? ", " : "") + t->evidence.sources[i];
    c.evidence_note = t->evidence.note;
    if (t->continuity)
      c.posture = "Continuity depends on " + joint_words(t->continuity->joint) + ": full below " +
                  std::to_string(int(t->continuity->full_below_deg)) + "° of " + t->continuity->motion +
                  ", none above " + std::to_string(int(t->continuity->none_above_deg)) + "°. " +
                  t->continuity->note;
  }
  return c;
}

}  // namespace fascia::learn

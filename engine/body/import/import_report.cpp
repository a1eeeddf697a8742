// The import report as JSON (for --json and tools) and as text (for people).
#include <cstdio>
#include <sstream>

#include "body/import/import_model.h"
#include "core/json.h"

namespace fascia::body {

std::string import_report_json(const ImportedModel& model) {
  const ImportReport& r = model.report;
  Json j;
  j["source_file"] = r.source_file;
  j["format"] = r.format;
  j["naming"] = r.naming;
  j["units"] = r.units;
  j["scale_to_metres"] = r.scale_to_metres;
  j["up_axis"] = r.up_axis;
  j["height_m"] = std::round(r.height_m * 1000.0) / 1000.0;
  j["bone_count"] = r.bone_count;
  j["joint_count"] = r.joint_count;
  j["vertex_count"] = r.vertex_count;
  j["triangle_count"] = r.triangle_count;
  Json mapped = Json::object();
  for (const JointMatch& m : r.mapped)
    mapped[m.canonical] = {{"source", m.source},
                           {"method", m.method},
                           {"how", m.how},
                           {"confidence", std::round(m.confidence * 100.0) / 100.0}};
  j["mapped"] = std::move(mapped);
  j["unmapped"] = r.unmapped;
  Json dropped = Json::array();
  for (const DroppedBone& d : r.dropped) dropped.push_back({{"name", d.name}, {"reason", d.reason}});
  j["dropped"] = std::move(dropped);
  Json landmarks = Json::object();
  for (const PlacedLandmark& l : model.landmarks) {
    Json e = {{"joint", l.joint},
              {"position",
               {std::round(l.position.x * 1e4) / 1e4, std::round(l.position.y * 1e4) / 1e4,
                std::round(l.position.z * 1e4) / 1e4}}};
    if (l.placed_on != l.joint) e["placed_on"] = l.placed_on;
    landmarks[l.id] = std::move(e);
  }
  j["landmarks_placed"] = r.landmarks_placed;
  j["landmarks_on_ancestor"] = r.landmarks_on_ancestor;
  j["landmarks"] = std::move(landmarks);
  j["warnings"] = r.warnings;
  return j.dump(2) + "\n";
}

std::string import_report_text(const ImportedModel& model) {
  const ImportReport& r = model.report;
  std::ostringstream s;
  char buf[64];
  s << "file:      " << r.source_file << "\n";
  s << "format:    " << r.format << "\n";
  s << "names:     " << r.naming << "\n";
  std::snprintf(buf, sizeof buf, "%.4g", r.scale_to_metres);
  s << "units:     " << r.units << ", scale " << buf << " to metres\n";
  s << "up axis:   " << r.up_axis << " (now +Y, facing +Z)\n";
  std::snprintf(buf, sizeof buf, "%.3f", r.height_m);
  s << "height:    " << buf << " m\n";
  s << "mesh:      " << r.vertex_count << " vertices, " << r.triangle_count << " triangles\n";
  s << "joints:    " << r.joint_count << " kept of " << r.bone_count << " bones; " << r.mapped.size()
    << " of " << (r.mapped.size() + r.unmapped.size()) << " canonical joints mapped\n";
  for (const JointMatch& m : r.mapped) {
    std::snprintf(buf, sizeof buf, "%.2f", m.confidence);
    s << "  " << m.canonical << " <- " << m.source << " (" << m.how << ", confidence " << buf << ")\n";
  }
  if (!r.unmapped.empty()) {
    s << "unmapped:  ";
    for (size_t i = 0; i < r.unmapped.size(); ++i) s << (i ? ", " : "") << r.unmapped[i];
    s << "\n";
  }
  if (!r.dropped.empty()) {
    s << "dropped:   " << r.dropped.size() << " bones\n";
    for (const DroppedBone& d : r.dropped) s << "  " << d.name << " (" << d.reason << ")\n";
  }
  s << "landmarks: " << r.landmarks_placed << " placed, " << r.landmarks_on_ancestor
    << " of them on an ancestor of their joint\n";
  for (const std::string& w : r.warnings) s << "warning:   " << w << "\n";
  return s.str();
}

}  // namespace fascia::body

// import_model: checks the file, loads it, drops control bones, maps the rest, stands the figure up
// in metres facing +Z, and retargets the landmarks.
#include "body/import/import_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "body/import/bone_mapping.h"
#include "body/import/bone_names.h"
#include "body/import/canonical_reference.h"
#include "body/import/raw_rig.h"
#include "body/import/retarget.h"
#include "core/file_io.h"
#include "core/json.h"
#include "core/log.h"

namespace fascia::body {
namespace {
namespace fs = std::filesystem;
using namespace import_detail;

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string head_of_file(const fs::path& p, size_t n) {
  std::ifstream in(p, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string fixed(double v, int digits = 2) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(digits);
  s << v;
  return s.str();
}

// Assimp 5.2's glTF 2 reader dereferences null on a skin without inverseBindMatrices (optional in
// glTF, identity by default), so such a file is refused here rather than crashing the process
// (found by the model_import fuzz target). Reads the JSON of a .gltf, or the JSON chunk of a .glb.
Status check_gltf_skins(const fs::path& path, const std::string& ext) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  std::string_view json = *bytes;
  if (ext == ".glb") {
    uint32_t length = 0, type = 0;
    if (json.size() < 20) return ok_status();  // the loader reports what is wrong
    std::memcpy(&length, json.data() + 12, 4);
    std::memcpy(&type, json.data() + 16, 4);
    if (type != 0x4E4F534Au || length > json.size() - 20) return ok_status();
    json = json.substr(20, length);
  }
  // Refused when it is not strict JSON: Assimp's lenient parser would take it and crash as above.
  auto doc = parse_json(json, path.string());
  if (!doc) {
    std::string where =
        doc.error().message.substr(std::min(doc.error().message.size(), path.string().size() + 1));
    return bad_input(path.string() +
                     ": cannot read the model: " + (ext == ".glb" ? "its JSON chunk, at " : "at ") + where);
  }
  JsonCursor root(*doc, path.string());
  if (!root.has("skins")) return ok_status();
  auto skins = root.field("skins");
  auto n = skins->array_size();
  if (!n) return n.error();
  for (size_t i = 0; i < *n; ++i) {
    auto skin = skins->at(i);
    if (skin->json().is_object() && !skin->has("inverseBindMatrices"))
      return skin->error(
          "a skin without inverseBindMatrices is not supported (the glTF reader, Assimp 5.2, "
          "cannot read it); export the model with inverse bind matrices");
  }
  return ok_status();
}

// Checks that need no loader: the path, the size, the extension, and the containers whose headers
// say how long they are (a truncated GLB is caught here rather than by the parser).
Status check_file(const fs::path& path) {
  const std::string file = path.string();
  std::error_code ec;
  if (!fs::exists(path, ec)) return bad_input(file + ": no such file");
  if (fs::is_directory(path, ec)) return bad_input(file + ": is a directory, not a model file");
  if (!fs::is_regular_file(path, ec)) return bad_input(file + ": not a regular file");
  const auto size = fs::file_size(path, ec);
  if (ec) return bad_input(file + ": cannot read the file size");
  if (size == 0) return bad_input(file + ": the file is empty");

  const std::string ext = lower_extension(path);
  const std::string head = head_of_file(path, 4096);
  if (ext == ".xml" || ext == ".mjcf") {
    if (head.find("<mujoco") != std::string::npos)
      return bad_input(file +
                       ": MJCF (MuJoCo XML) is not a supported format: Assimp cannot read it; "
                       "export the model as glTF, FBX or COLLADA");
    return bad_input(file + ": an XML file that is not a supported model format (supported: " +
                     join(importable_extensions()) + ")");
  }
  const auto& exts = importable_extensions();
  if (std::find(exts.begin(), exts.end(), ext) == exts.end())
    return bad_input(file + ": unsupported file type '" + (ext.empty() ? std::string("(none)") : ext) +
                     "' (supported: " + join(exts) + ")");
  if (ext == ".glb") {
    if (head.size() < 12 || head.compare(0, 4, "glTF") != 0)
      return bad_input(file + ": not a binary glTF file (no 'glTF' header)");
    uint32_t declared = 0;
    std::memcpy(&declared, head.data() + 8, 4);
    if (declared != size)
      return bad_input(file + ": truncated or corrupt: the GLB header says " + std::to_string(declared) +
                       " bytes, the file has " + std::to_string(size));
  }
  if (ext == ".fbx" && head.compare(0, 18, "Kaydara FBX Binary") != 0 &&
      head.find("FBXHeaderExtension") == std::string::npos)
    return bad_input(file + ": not an FBX file (neither the binary header nor an ASCII FBXHeaderExtension)");
  if (ext == ".gltf" || ext == ".glb") return check_gltf_skins(path, ext);
  return ok_status();
}

// The axis (±X, ±Y, ±Z) nearest a direction.
vec3 snap_to_axis(vec3 d) {
  int k = 0;
  for (int i = 1; i < 3; ++i)
    if (std::abs(d[i]) > std::abs(d[k])) k = i;
  vec3 out(0);
  out[k] = d[k] < 0 ? -1.0f : 1.0f;
  return out;
}

std::string axis_name(vec3 a) {
  const char* names = "XYZ";
  for (int i = 0; i < 3; ++i)
    if (std::abs(a[i]) > 0.5f) return std::string(a[i] < 0 ? "-" : "+") + names[i];
  return "?";
}

struct UnitChoice {
  double metres_per_unit = 1;
  std::string description;
};

// Metres per unit: the file's metadata if it gives a plausible human, else the first usual unit
// that does, else whatever makes the figure 1.75 m (with a warning).
UnitChoice choose_units(double raw_height, const RawRig& rig, std::vector<std::string>& warnings) {
  auto plausible = [](double h) { return h >= 1.2 && h <= 2.3; };
  struct Unit {
    double m;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{1.0, "metres"},
                                    {0.01, "centimetres"},
                                    {0.1, "decimetres"},
                                    {0.0254, "inches"},
                                    {0.001, "millimetres"}};
  auto name_of = [](double m) -> std::string {
    for (const Unit& u : kUnits)
      if (std::abs(m - u.m) < 1e-9 * std::max(1.0, m)) return u.name;
    return fixed(m, 4) + " m per unit";
  };
  if (rig.metres_per_unit && plausible(raw_height * *rig.metres_per_unit))
    return {*rig.metres_per_unit, name_of(*rig.metres_per_unit) + " (" + rig.unit_source + ")"};
  for (const Unit& u : kUnits) {
    if (!plausible(raw_height * u.m)) continue;
    std::string d = std::string(u.name) + " (from the figure's height)";
    if (rig.metres_per_unit) {
      warnings.push_back("the file says " + name_of(*rig.metres_per_unit) + ", which would make the figure " +
                         fixed(raw_height * *rig.metres_per_unit) + " m tall; taken as " + u.name);
    }
    return {u.m, d};
  }
  const double m = raw_height > 0 ? 1.75 / raw_height : 1.0;
  std::string said =
      rig.metres_per_unit ? name_of(*rig.metres_per_unit) + " per the file" : "no unit in the file";
  warnings.push_back("no usual unit gives a human height (" + said + ": " +
                     fixed(raw_height * rig.metres_per_unit.value_or(1.0)) + " m); scaled to 1.75 m");
  return {m, "unknown (" + said + "); scaled to a 1.75 m figure"};
}

}  // namespace

const std::vector<std::string>& importable_extensions() {
  static const std::vector<std::string> exts = {".glb", ".gltf", ".fbx", ".dae", ".obj", ".mhskel"};
  return exts;
}

int ImportedModel::joint_of(std::string_view canonical) const {
  for (const JointMatch& m : report.mapped)
    if (m.canonical == canonical) return m.joint;
  return -1;
}

const PlacedLandmark* ImportedModel::landmark(std::string_view id) const {
  for (const PlacedLandmark& l : landmarks)
    if (l.id == id) return &l;
  return nullptr;
}

Result<ImportedModel> import_model(const fs::path& path) {
  const std::string file = path.string();
  FASCIA_TRY(check_file(path));
  const std::string ext = lower_extension(path);

  Result<RawRig> loaded = ext == ".mhskel" ? load_mhskel(path) : load_with_assimp(path);
  if (!loaded) {
    Error e = loaded.error();
    if (ext == ".obj" && e.message.find("no skeleton") != std::string::npos) {
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(path.parent_path(), ec))
        if (lower_extension(entry.path()) == ".mhskel") {
          e.message += "; OBJ carries no bones. A MakeHuman skeleton is beside it: import " +
                       entry.path().filename().string() + " instead";
          break;
        }
    }
    return e;
  }
  RawRig& rig = *loaded;
  ImportedModel model;
  ImportReport& report = model.report;
  report.source_file = file;
  report.format = rig.format;
  report.warnings = rig.warnings;
  const int nbones = static_cast<int>(rig.bones.size());
  report.bone_count = nbones;

  // 1. The file's own convention: its up axis to +Y.
  mat3 convention(1);
  if (!(rig.up_axis == 1 && rig.up_sign == 1)) {
    vec3 up(0);
    up[rig.up_axis] = static_cast<float>(rig.up_sign);
    vec3 fwd = rig.up_axis == 2 ? vec3(0, -1, 0) : vec3(0, 0, 1);  // Z up: Blender's -Y is the front
    if (rig.up_axis == 0) fwd = vec3(0, 0, 1);
    vec3 left = glm::cross(up, fwd);
    convention = glm::transpose(mat3(left, up, fwd));
  }
  std::vector<vec3> pos(nbones);
  for (int i = 0; i < nbones; ++i) pos[i] = convention * vec3(rig.bones[i].bind_world[3]);

  // 2. Control, IK and end-marker bones out; the rest mapped by name.
  std::vector<BoneName> names(nbones);
  std::vector<char> kept(nbones, 1);
  for (int i = 0; i < nbones; ++i) {
    names[i] = parse_bone_name(rig.bones[i].name);
    if (names[i].role != BoneRole::Deform) {
      kept[i] = 0;
      report.dropped.push_back({rig.bones[i].name, names[i].reason});
    }
  }
  BoneMapping mapping = map_by_names(names, kept);
  // Root-motion bones ("Root" at the feet) go unless a table made them the pelvis (MakeHuman's root).
  std::set<int> mapped_bones;
  for (const auto& [id, b] : mapping.bone_of) mapped_bones.insert(b);
  for (int i = 0; i < nbones; ++i)
    if (kept[i] && names[i].root_motion && !mapped_bones.count(i)) {
      kept[i] = 0;
      report.dropped.push_back({rig.bones[i].name, "root motion"});
    }
  bool missing_core = false;
  for (const std::string& c : core_joints()) missing_core = missing_core || !mapping.bone_of.count(c);
  std::string refusal;
  if (missing_core) {
    float figure_top = -INFINITY;
    for (int i = 0; i < nbones; ++i)
      if (kept[i]) figure_top = std::max(figure_top, pos[i].y);
    for (const ImportedMesh& m : rig.meshes)
      for (const vec3& v : m.positions) figure_top = std::max(figure_top, (convention * v).y);
    StructureOutcome found = map_by_structure(rig, pos, kept, figure_top, mapping);
    refusal = found.refusal;
    if (found.mapped > 0)
      report.warnings.push_back(
          "names did not identify every core joint; " + std::to_string(found.mapped) +
          " joints were found from the skeleton's shape, left taken as +X (the figure assumed to face +Z)");
    for (const std::string& n : found.notes) report.warnings.push_back(n);
  }

  std::vector<std::string> missing;
  for (const std::string& c : core_joints())
    if (!mapping.bone_of.count(c)) missing.push_back(c);
  if (!missing.empty()) {
    int nkept = static_cast<int>(std::count(kept.begin(), kept.end(), 1));
    return bad_input(file + ": not a humanoid rig: no bone found for " + join(missing) + " (" +
                     std::to_string(nkept) + " bones kept of " + std::to_string(nbones) + ", " +
                     std::to_string(mapping.bone_of.size()) + " mapped)" +
                     (refusal.empty() ? std::string() : "; by its shape: " + refusal));
  }

  // 3. Stand the figure up from its own skeleton: head above feet, left hip at +X.
  auto at = [&](const std::string& id) { return pos[mapping.bone_of.at(id)]; };
  auto mapped = [&](const std::string& id) { return mapping.bone_of.count(id) > 0; };
  const std::string foot_l = mapped("talus.l") ? "talus.l" : "tibia.l";
  const std::string foot_r = mapped("talus.r") ? "talus.r" : "tibia.r";
  const vec3 standing = at("skull") - 0.5f * (at(foot_l) + at(foot_r));
  const vec3 up = glm::length(standing) > 0 ? snap_to_axis(standing) : vec3(0, 1, 0);
  vec3 across = at("femur.l") - at("femur.r");
  across -= glm::dot(across, up) * up;
  vec3 left = snap_to_axis(across);
  mat3 turn(1);
  if (glm::length(across) > 0 && std::abs(glm::dot(left, up)) < 0.5f) {
    const vec3 fwd = glm::cross(left, up);
    turn = glm::transpose(mat3(left, up, fwd));
  } else {
    report.warnings.push_back("the hips are not side by side; the figure's facing is left as in the file");
  }
  if (turn != mat3(1))
    report.warnings.push_back("turned the figure to stand Y up, facing +Z (its skeleton stood along " +
                              axis_name(glm::transpose(convention) * up) + ")");
  const mat3 rotation = turn * convention;
  report.up_axis = axis_name(glm::transpose(rotation) * vec3(0, 1, 0));
  if (!rig.up_turned_by_loader.empty() && report.up_axis == "+Y") report.up_axis = rig.up_turned_by_loader;

  // 4. Units and placement: feet on y = 0, pelvis over the origin.
  float lo = INFINITY, hi = -INFINITY;
  size_t nverts = 0;
  for (const ImportedMesh& m : rig.meshes)
    for (const vec3& v : m.positions) {
      float y = (rotation * v).y;
      lo = std::min(lo, y), hi = std::max(hi, y);
      ++nverts;
    }
  if (nverts == 0)
    for (int i = 0; i < nbones; ++i)
      lo = std::min(lo, (turn * pos[i]).y), hi = std::max(hi, (turn * pos[i]).y);
  const double raw_height = hi - lo;
  if (!(raw_height > 0) || !std::isfinite(raw_height))
    return bad_input(file + ": the figure has no height (all its points lie at one level)");
  UnitChoice units = choose_units(raw_height, rig, report.warnings);
  const float s = static_cast<float>(units.metres_per_unit);
  report.units = units.description;
  report.scale_to_metres = units.metres_per_unit;
  const vec3 pelvis = turn * at("pelvis");
  const vec3 offset(-pelvis.x * s, -lo * s, -pelvis.z * s);
  mat4 placement = glm::translate(mat4(1), offset) * glm::scale(mat4(1), vec3(s)) * mat4(rotation);
  report.height_m = raw_height * s;

  // 5. The kept skeleton, the meshes (influences of dropped bones go to their nearest kept ancestor).
  std::vector<int> new_index(nbones, -1);
  for (int i = 0; i < nbones; ++i) {
    if (!kept[i]) continue;
    ImportedJoint j;
    j.name = rig.bones[i].name;
    int q = rig.bones[i].parent;
    while (q >= 0 && !kept[q]) q = rig.bones[q].parent;
    j.parent = q >= 0 ? new_index[q] : -1;
    j.bind_world = placement * rig.bones[i].bind_world;
    new_index[i] = static_cast<int>(model.joints.size());
    model.joints.push_back(std::move(j));
  }
  auto kept_ancestor = [&](int b) {
    while (b >= 0 && !kept[b]) b = rig.bones[b].parent;
    return b < 0 ? -1 : new_index[b];
  };
  for (ImportedMesh& m : rig.meshes) {
    for (vec3& v : m.positions) v = vec3(placement * vec4(v, 1.0f));
    for (glm::ivec4& ji : m.joints)
      for (int k = 0; k < 4; ++k)
        if (ji[k] >= 0) ji[k] = kept_ancestor(ji[k]);
    report.vertex_count += static_cast<int>(m.positions.size());
    report.triangle_count += static_cast<int>(m.indices.size() / 3);
    model.meshes.push_back(std::move(m));
  }
  report.joint_count = static_cast<int>(model.joints.size());

  // 6. The mapping report, in canonical order.
  std::map<std::string, int> joint_of;
  for (const CanonicalJointRef& c : canonical_joint_list()) {
    auto it = mapping.bone_of.find(c.id);
    if (it == mapping.bone_of.end()) {
      report.unmapped.push_back(c.id);
      continue;
    }
    joint_of[c.id] = new_index[it->second];
    report.mapped.push_back({c.id, rig.bones[it->second].name, new_index[it->second], mapping.method[c.id],
                             mapping.how[c.id], mapping.confidence[c.id]});
  }
  report.naming = mapping.scheme.empty() ? "none (mapped from the hierarchy)" : mapping.scheme;

  // Left and right are where the names say; check the feet agree about the front.
  if (mapped("toes.l") && mapped("talus.l")) {
    const float dz =
        model.joints[joint_of["toes.l"]].position().z - model.joints[joint_of["talus.l"]].position().z;
    if (dz < 0)
      report.warnings.push_back("the toes point to -Z: left and right may be swapped in the bone names");
  }

  // 7. Landmarks.
  RetargetResult placed = retarget_landmarks(canonical_reference(), joint_of, model.joints, report.height_m);
  model.landmarks = std::move(placed.landmarks);
  // Coincident joints (bones of no length) leave a landmark's frame undefined: refuse, never pass NaN on.
  for (const PlacedLandmark& l : model.landmarks)
    if (!std::isfinite(l.position.x) || !std::isfinite(l.position.y) || !std::isfinite(l.position.z))
      return bad_input(file + ": the rig's bones around '" + l.joint +
                       "' have no length, so the line stations cannot be placed on it");
  report.landmarks_placed = static_cast<int>(model.landmarks.size());
  report.landmarks_on_ancestor = static_cast<int>(placed.on_ancestor.size());
  if (!placed.on_ancestor.empty()) {
    std::set<std::string> joints;
    for (const PlacedLandmark& l : model.landmarks)
      if (l.placed_on != l.joint) joints.insert(l.joint);
    report.warnings.push_back(std::to_string(placed.on_ancestor.size()) +
                              " landmarks placed on a mapped ancestor of their unmapped joint (" +
                              join(std::vector<std::string>(joints.begin(), joints.end())) + ")");
  }
  for (const std::string& w : report.warnings) log_warning(file + ": " + w);
  return model;
}

}  // namespace fascia::body

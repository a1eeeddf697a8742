#pragma once
// Import of external rigged models (glTF/GLB, FBX, COLLADA, OBJ through Assimp; a MakeHuman .mhskel
// with its base mesh) onto the canonical humanoid of docs/ids.md.
//
// The pipeline: load the file into a raw rig (bones with bind-pose world transforms, meshes), drop
// control, IK and end-marker bones, map the rest onto canonical joints by name tables and, where
// names fail, by hierarchy and geometry; then turn the figure to Y up facing +Z, scale it to metres
// with its feet on y = 0, and retarget the canonical landmarks onto the mapped joints.
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/math.h"
#include "core/result.h"

namespace fascia::body {

// One joint of the imported skeleton, after normalisation (metres, Y up, facing +Z).
struct ImportedJoint {
  std::string name;    // the source bone name, as in the file
  int parent = -1;     // index into ImportedModel::joints, -1 for a root
  mat4 bind_world{1};  // bind pose, model space
  vec3 position() const { return vec3(bind_world[3]); }
};

struct ImportedMesh {
  std::string name;
  std::vector<vec3> positions;     // (nvertex) bind pose, model space
  std::vector<uint32_t> indices;   // (ntriangle x 3)
  std::vector<glm::ivec4> joints;  // (nvertex) indices into joints, -1 where unused; empty if unskinned
  std::vector<vec4> weights;       // (nvertex) sum 1 where any
};

struct JointMatch {
  std::string canonical;  // canonical joint id, e.g. "femur.l"
  std::string source;     // source bone name
  int joint = -1;         // index into ImportedModel::joints
  std::string method;     // "name" or "hierarchy"
  std::string how;        // what found it: "name in the Rigify table", "where the two arms branch off ..."
  float confidence = 0;   // 0..1: 1 for the naming scheme that explains the rig, less for shape evidence
};

struct DroppedBone {
  std::string name;
  std::string reason;  // "control", "ik", "end marker", "root motion", ...
};

struct PlacedLandmark {
  std::string id;         // canonical landmark id, e.g. "calcaneus.l"
  std::string joint;      // the canonical joint it belongs to
  std::string placed_on;  // the canonical joint it was placed by (an ancestor when `joint` is unmapped)
  int source_joint = -1;  // index into ImportedModel::joints of `placed_on`
  vec3 position{0};       // model space, bind pose
  vec3 local{0};          // in the source joint's bind frame, so it follows the skinned pose
};

struct ImportReport {
  std::string source_file;
  std::string format;          // "glTF 2.0", "FBX", "COLLADA", "MakeHuman skeleton (.mhskel) + OBJ"
  std::string naming;          // the bone-naming scheme that matched: "Mixamo/Unity", "Unreal", ...
  std::string units;           // what the file's units were taken to be, and from where
  double scale_to_metres = 1;  // applied to the file's coordinates
  std::string up_axis;         // the source axis that became +Y, e.g. "+Y", "+Z"
  double height_m = 0;         // top of the figure above its feet, after normalisation
  int joint_count = 0;         // joints kept
  int bone_count = 0;          // bones in the file (kept + dropped)
  int vertex_count = 0;
  int triangle_count = 0;
  std::vector<JointMatch> mapped;     // canonical <- source
  std::vector<std::string> unmapped;  // canonical joints with no source bone
  std::vector<DroppedBone> dropped;
  int landmarks_placed = 0;
  int landmarks_on_ancestor = 0;  // placed on a mapped ancestor of their own joint
  std::vector<std::string> warnings;
};

struct ImportedModel {
  ImportReport report;
  std::vector<ImportedJoint> joints;
  std::vector<ImportedMesh> meshes;
  std::vector<PlacedLandmark> landmarks;

  // Index into joints of a canonical joint, or -1 when unmapped.
  int joint_of(std::string_view canonical) const;
  const PlacedLandmark* landmark(std::string_view id) const;
};

// The file extensions import_model accepts.
const std::vector<std::string>& importable_extensions();

// Imports `path`. Errors (bad_input, exit status 2) name the file and the problem: missing, empty,
// a directory, an unknown or unsupported format, corrupt or truncated data, no skeleton, or a rig
// that is not humanoid (core joints unmapped). Warnings also go through fascia::log.
Result<ImportedModel> import_model(const std::filesystem::path& path);

std::string import_report_json(const ImportedModel& model);
std::string import_report_text(const ImportedModel& model);

}  // namespace fascia::body

#pragma once
// The simulation model, after MuJoCo's mjModel: compiled once from a network spec, never changed.
// Sizes first, then options, then arrays `entity_property` with their shape in a comment.
//
// The network: nodes are points on the tissue (stations and points along every track), elements are
// the tissue between consecutive nodes (tension-only, Blankevoort toe region), and each node is tied
// to its bone point by an anchor spring. Bones hang on a tree of hinges (one rotational degree of
// freedom each, several in series for a multi-axis joint), so element tensions become joint torques
// through the moment arms and the posture settles where they balance the joints' passive stiffness.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "sim/ldlt.h"

namespace fascia::sim {

struct Vec3d {
  double x = 0, y = 0, z = 0;
};

// Evidence grades of a transition (Wilke et al. 2016) and what each does to the station's anchor.
enum class Grade { Strong, Moderate, Limited, None, Unassessed };
const char* grade_name(Grade g);
Result<Grade> parse_grade(const std::string& s);

struct ModelOptions {
  double toe_strain = 0.06;           // Blankevoort ε_t
  double prestrain = 0.03;            // strain of every tissue in the neutral pose (mid toe region)
  double element_damping = 0.02;      // s: element damping = this × stiffness, only while lengthening
  double node_time_constant = 1e-3;   // s: node damping = this × adjacent stiffness (per 4 cm)
  double mass_time_constant = 2e-4;   // s: node mass = this × node damping (overdamped)
  double hinge_time_constant = 0.05;  // s: hinge damping = this × hinge stiffness
  double timestep = 1.0 / 240.0;      // s, dynamic mode
  int step_iterations = 1;            // Newton iterations per implicit step (linearly implicit when 1)
  int refactor_interval = 4;          // steps between refactorisations of the step matrix (1: every step);
                                      // a stale factor is still a descent direction for the line search
  double force_tolerance = 1e-6;      // N, equilibrium residual on node forces
  double torque_tolerance = 1e-7;     // N·m, equilibrium residual on hinge torques
  int max_iterations = 60;
  double release_time_constant = 20.0;  // s, viscoelastic relaxation of a released restriction
  double breath_period = 4.0;           // s
  double end_stop_width = 0.1;  // rad over which a joint's end stop stiffens e-fold (not cited: tuned)
};

// ---- The spec a model is compiled from (tests write these inline; the atlas compiler fills one). ----
struct HingeSpec {
  std::string name;
  int parent = -1;                 // hinge index, -1 = the fixed root (pelvis)
  Vec3d centre;                    // m, world, neutral pose
  Vec3d axis{1, 0, 0};             // world, neutral pose; positive rotation is the named motion
  double stiffness = 50;           // N·m/rad about neutral (linear part)
  double stiffening = 3;           // 1/rad²: torque k(θ + s θ³), so range ends firm up
  double rom_torque = 5;           // N·m at which `rom` stops
  std::string motion = "flexion";  // what positive rotation is called
  // End stops (both 0: none, the cubic law above). With a range the passive torque is
  // k θ + τrom (e^((θ − max)/w) − e^(−max/w)) − τrom (e^((min − θ)/w) − e^(min/w)), w = opt.end_stop_width:
  // soft through the range, reaching rom_torque at its ends, convex everywhere.
  double range_min = 0, range_max = 0;  // rad
  // N·m/rad added about neutral while the body stands (Data::standing): m·g·h of the body it
  // carries, the stiffness that holds a standing body up (engine/sim/README.md); 0: none.
  double posture_stiffness = 0;
};

struct NodeSpec {
  std::string name;
  int frame = -1;     // hinge whose bone the node sits on, -1 = root
  Vec3d position;     // m, world, neutral pose
  double anchor = 0;  // N/m, spring to the bone point
  // Bony attachments stiffen as they are pulled off the bone: k(1 + |u|²/reach²), so a small pull
  // passes on along the line while a large one is held (m; 0: a linear anchor).
  double anchor_reach = 0;
  bool fixed = false;  // pinned (root frame only)
  int station = -1;
  Vec3d breath;  // m of anchor displacement at full inspiration (ribcage nodes)
  // Posture-dependent continuity (atlas Continuity): the link is whole while this hinge's angle is at
  // or below `posture_full`, broken at or above `posture_none` (rad), linear between; a broken link's
  // anchor is `posture_anchor` (N/m), as stiff as an unverified transition's.
  int posture_hinge = -1;
  double posture_full = 0, posture_none = 1;
  double posture_anchor = 0;
};

struct ElementSpec {
  int a = -1, b = -1;      // nodes
  double stiffness = 0;    // N per unit strain (k of the Blankevoort law)
  double rest_length = 0;  // m; 0 = neutral length / (1 + prestrain)
  int track = -1;
  uint32_t lines = 0;  // bit mask over NetworkSpec::lines
  // A shear link between the landmarks of one station (tendons that overlap around the knee pass
  // force side by side, not end to end): a linear spring both ways, slack length = neutral length.
  bool link = false;
  // Blankevoort toe strain ε_t of this element (0: ModelOptions::toe_strain). Passive muscle
  // stiffens over a longer toe than tendon, so its tension grows faster than its stretch.
  double toe_strain = 0;
};

struct TrackSpec {
  std::string name;
  std::vector<std::string> tissues;
};

struct StationSpec {
  std::string name;
  int node = -1;
  Grade grade = Grade::Unassessed;
};

struct NetworkSpec {
  std::vector<std::string> lines;  // at most 32
  std::vector<HingeSpec> hinges;   // parents before children
  std::vector<NodeSpec> nodes;
  std::vector<ElementSpec> elements;
  std::vector<TrackSpec> tracks;
  std::vector<StationSpec> stations;
  ModelOptions options;
};

// ---- The compiled model. ----
struct Model {
  // sizes
  int nhinge = 0, nnode = 0, nelement = 0, ntrack = 0, nstation = 0, nline = 0;
  int nfree = 0;  // nodes that move (3 unknowns each)
  int ndof = 0;   // 3 nfree + nhinge
  int nanc = 0;   // length of hinge_ancestor
  int nslot = 0;  // assembly slots into the matrix

  ModelOptions opt;

  // hinges (tree, parents first)
  std::vector<std::string> hinge_name;    // (nhinge)
  std::vector<std::string> hinge_motion;  // (nhinge)
  std::vector<int> hinge_parent;          // (nhinge)
  std::vector<double> hinge_centre;       // (nhinge x 3) neutral world
  std::vector<double> hinge_axis;         // (nhinge x 3) neutral world, unit
  std::vector<double> hinge_stiffness;    // (nhinge) N·m/rad
  std::vector<double> hinge_stiffening;   // (nhinge) 1/rad²
  std::vector<double> hinge_rom_torque;   // (nhinge) N·m
  std::vector<double> hinge_range;        // (nhinge x 2) rad, end stops; 0, 0 = none
  std::vector<double> hinge_posture;      // (nhinge) N·m/rad about neutral while standing
  std::vector<double> hinge_damping;      // (nhinge) N·m·s/rad
  std::vector<double> hinge_inertia;      // (nhinge) kg·m²
  std::vector<int> hinge_ancestor_adr;    // (nhinge) into hinge_ancestor
  std::vector<int> hinge_ancestor_num;    // (nhinge) the hinge itself included
  std::vector<int> hinge_ancestor;        // (nanc) root first

  // nodes
  std::vector<std::string> node_name;       // (nnode)
  std::vector<int> node_frame;              // (nnode) hinge or -1
  std::vector<double> node_pos0;            // (nnode x 3) bone point, neutral world
  std::vector<double> node_anchor;          // (nnode) N/m
  std::vector<double> node_anchor_reach;    // (nnode) m over which the anchor doubles; 0: linear
  std::vector<int> node_posture_hinge;      // (nnode) hinge whose angle breaks the link, or -1
  std::vector<double> node_posture_range;   // (nnode x 2) rad: whole at or below, broken at or above
  std::vector<double> node_posture_anchor;  // (nnode) N/m when broken
  std::vector<double> node_breath;          // (nnode x 3) m at full inspiration
  std::vector<int> node_dof;                // (nnode) first of 3 unknowns, -1 when fixed
  std::vector<int> node_station;            // (nnode) station or -1
  std::vector<double> node_mass;            // (nnode) kg
  std::vector<double> node_damping;         // (nnode) N·s/m along the tissue
  std::vector<double> node_damping_perp;    // (nnode) N·s/m across it
  std::vector<double> node_tangent;         // (nnode x 3) tissue direction on the bone, neutral world

  // elements
  std::vector<int> element_node;          // (nelement x 2)
  std::vector<double> element_stiffness;  // (nelement) N per unit strain
  std::vector<double> element_rest;       // (nelement) m, slack length
  std::vector<double> element_toe;        // (nelement) Blankevoort toe strain ε_t
  std::vector<double> element_damping;    // (nelement) N·s per unit strain rate
  std::vector<int> element_track;         // (nelement)
  std::vector<uint32_t> element_lines;    // (nelement) bit mask over line_name
  std::vector<uint8_t> element_link;      // (nelement) 1 for a two-way shear link (may push)

  // tracks, stations, lines
  std::vector<std::string> track_name;                  // (ntrack)
  std::vector<std::vector<std::string>> track_tissues;  // (ntrack)
  std::vector<int> track_element_adr;                   // (ntrack) into track_element
  std::vector<int> track_element_num;                   // (ntrack)
  std::vector<int> track_element;                       // (nelement) elements grouped by track, in spec order
  std::vector<std::string> station_name;                // (nstation)
  std::vector<int> station_node;                        // (nstation)
  std::vector<Grade> station_grade;                     // (nstation)
  std::vector<std::string> line_name;                   // (nline)

  // the linear system: pattern analysed once; assembly adds into slots in a fixed order
  std::vector<int> slot_index;            // (nslot) position in the factor's a_value
  std::vector<int> value_row, value_col;  // (nnz) original dofs of each stored entry
  SparseLdlt pattern;                     // symbolic analysis, copied into each Data
};

Result<Model> compile(const NetworkSpec& spec);

// Lookups by name; -1 when absent.
int find_hinge(const Model& m, const std::string& name);
int find_track(const Model& m, const std::string& name);
int find_station(const Model& m, const std::string& name);
int find_line(const Model& m, const std::string& name);

}  // namespace fascia::sim

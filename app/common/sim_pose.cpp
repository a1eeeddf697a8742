#include "common/sim_pose.h"

namespace fascia::app {

body::Pose pose_from_sim(const body::Skeleton& skeleton, const sim::Model& m,
                         const std::vector<double>& hinge_q) {
  body::Pose pose = body::rest_pose(skeleton);
  const std::vector<mat4> rest = body::world_transforms(skeleton, pose);
  for (int h = 0; h < m.nhinge && size_t(h) < hinge_q.size(); ++h) {
    int j = skeleton.find(m.hinge_name[size_t(h)]);
    if (j < 0) continue;
    // The hinge's axis is given in the world at neutral; the joint's rotation is local to its rest
    // frame, which turns with its parents, so the axis is taken into that frame once.
    vec3 world_axis(float(m.hinge_axis[3 * h]), float(m.hinge_axis[3 * h + 1]),
                    float(m.hinge_axis[3 * h + 2]));
    vec3 local_axis = glm::normalize(glm::inverse(mat3(rest[size_t(j)])) * world_axis);
    pose.local_rotation[size_t(j)] =
        glm::angleAxis(float(hinge_q[size_t(h)]), local_axis) * pose.local_rotation[size_t(j)];
  }
  return pose;
}

}  // namespace fascia::app

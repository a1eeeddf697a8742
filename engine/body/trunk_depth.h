#pragma once
// A front-to-back correction of the generated thorax: the ribs, sternum and spine were laid out
// deeper than an adult's (sternum to spinous processes 23 cm at the xiphoid, 19 cm at the manubrium),
// so the finished body is compressed in depth about the spine between the waist and the neck.
#include "body/body.h"

namespace fascia::body {

// The factor (<= 1) by which depth about the spine is scaled at a rest-pose point of a body of
// stature `height`: 1 at the waist, the arms and the head.
float trunk_depth_scale(vec3 p, float height);

// The rest-pose map itself: z about the spine scaled by trunk_depth_scale.
vec3 correct_trunk_depth(vec3 p, float height);

// Applies the map to every mesh of the body (normals recomputed). Joints stay where they are: the
// map leaves the spine's axis in place. make_landmarks applies it to the landmarks.
void correct_trunk_depth(Body& body);

}  // namespace fascia::body

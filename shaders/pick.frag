#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// The id buffer: which instance covers the pixel (0 = nothing pickable).
layout(push_constant) uniform Push { DrawPush draw; };
layout(location = 0) out uint id;

void main() { id = draw.pick_id; }

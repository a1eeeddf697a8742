#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };

layout(location = 0) in vec3 world_position;
layout(location = 1) in vec3 world_normal;
layout(location = 2) in float arc;
layout(location = 3) flat in vec4 draw_color;
layout(location = 4) flat in uvec3 flags;  // pick id, flow, glow
layout(location = 5) in float ao;
layout(location = 6) in float rim;
layout(location = 0) out vec4 color;

#include "surface.glsl"

void main() { color = surface_color(); }

#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = 0, binding = kFrameUniformsBinding) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Push { DrawPush draw; };

#include "surface.glsl"

layout(location = 0) in vec3 world_position;
layout(location = 1) in vec3 world_normal;
layout(location = 2) in float arc;
layout(location = 0) out vec4 color;

void main() { color = surface_color(world_position, world_normal, arc); }

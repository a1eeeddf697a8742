#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// The filtered scene, drawn at a reduced resolution on a software rasteriser, stretched over the
// target with bilinear filtering (the sampler is linear), before the overlay draws at full size.
layout(set = 0, binding = kAccumBinding) uniform sampler2D filtered;
layout(location = 0) in vec2 uv;
layout(location = 0) out vec4 color;

void main() { color = texture(filtered, uv); }

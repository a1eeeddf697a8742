#version 450

// The id buffer: which instance covers the pixel (0 = nothing pickable).
layout(location = 4) flat in uvec3 flags;  // pick id, flow, glow
layout(location = 0) out uint id;

void main() { id = flags.x; }

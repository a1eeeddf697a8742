#version 450
// A full-screen triangle; uv.y runs from 0 at the top to 1 at the bottom.
layout(location = 0) out vec2 uv;
void main() {
  uv = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2);
  gl_Position = vec4(uv * 2.0 - 1.0, 1.0, 1.0);
}

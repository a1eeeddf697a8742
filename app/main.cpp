#include <malloc.h>

#include "cli.h"

int main(int argc, char** argv) {
  // Fixed malloc thresholds instead of glibc's sliding ones: buffers over 16 MB (lavapipe's images,
  // the body's meshes) are mapped on their own and returned when freed, so resizing the window does
  // not leave the heap fragmented and resident memory climbing; smaller ones (lavapipe's per-draw
  // vertex buffers) are reused from the heap, and up to 64 MB free at its top stays, instead of being
  // returned and faulted back in every frame (at 128 KB that cost a quarter of lavapipe's frame).
  mallopt(M_MMAP_THRESHOLD, 16 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  return fascia::app::run_cli(argc, argv);
}

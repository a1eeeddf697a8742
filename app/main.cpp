#include <malloc.h>

#include "cli.h"

int main(int argc, char** argv) {
  // Large buffers (meshes, lavapipe's images) are mapped and unmapped on their own, so resizing the
  // window or rebuilding a scene returns their memory instead of fragmenting the heap: glibc's
  // default raises this threshold as blocks are freed, which made resident memory climb.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  return fascia::app::run_cli(argc, argv);
}

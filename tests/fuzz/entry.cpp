// libFuzzer's entry point for one target; FASCIA_FUZZ_TARGET names the function of targets.h.
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fascia::fuzz::FASCIA_FUZZ_TARGET(data, size);
  return 0;
}

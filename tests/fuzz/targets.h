#pragma once
// The fuzz targets, one per reader of outside input. Each takes raw bytes and must never crash,
// leak or break an invariant (it aborts when one breaks, so libFuzzer reports it). The same
// functions run in the ordinary suite over the seed corpora and the committed regression inputs
// (tests/reliability/fuzz_corpus_test.cpp), so a crash found once stays fixed.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fascia::fuzz {

// parse_json, then every JsonCursor accessor over the whole document.
void json_document(const uint8_t* data, size_t size);
// A pose or movement file (engine/body/movement.h), sampled and grounded when it loads.
void movement_file(const uint8_t* data, size_t size);

// Stops the process with a message when an invariant breaks: libFuzzer saves the input.
[[noreturn]] void invariant_failed(std::string_view what, std::string_view detail);

}  // namespace fascia::fuzz

#define FASCIA_FUZZ_CHECK(cond, detail) \
  do {                                  \
    if (!(cond)) ::fascia::fuzz::invariant_failed(#cond, detail); \
  } while (0)

#pragma once
// The fuzz targets, one per reader of outside input. Each takes raw bytes and must never crash,
// leak or break an invariant (it aborts when one breaks, so libFuzzer reports it). The same
// functions run in the ordinary suite over the seed corpora and the committed regression inputs
// (tests/reliability/fuzz_corpus_test.cpp), so a crash found once stays fixed.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace fascia::fuzz {

// parse_json, then every JsonCursor accessor over the whole document.
void json_document(const uint8_t* data, size_t size);
// A pose or movement file (engine/body/movement.h), sampled and grounded when it loads.
void movement_file(const uint8_t* data, size_t size);
// The atlas folder with one of its files (chosen by the first byte) replaced by the rest.
void atlas_files(const uint8_t* data, size_t size);
// A model file for `fascia body --import` (extension chosen by the first byte): Assimp, or our
// .mhskel reader, then mapping, unit and axis normalisation and landmark retargeting.
void model_import(const uint8_t* data, size_t size);
// `--restrict TARGET=STIFFNESS_X[,SHORTEN_PCT]` values, one a line, against the reference model.
void restrict_option(const uint8_t* data, size_t size);

// A lesson file (app/learn/lesson.h), validated against the shipped atlas and anatomy text.
void lesson_file(const uint8_t* data, size_t size);
// The student's progress file (app/learn/progress.h); what parses must round-trip.
void progress_file(const uint8_t* data, size_t size);
// A scenario file (engine/scenario): parsed, bound to the reference simulation, evaluated and
// simulated over a few frames out of order.
void scenario_file(const uint8_t* data, size_t size);
// A `.fascia` session file (engine/session/session_file.h), saved and opened again when it opens.
void session_file(const uint8_t* data, size_t size);

// A folder of its own, removed at exit: in /dev/shm where it can be (memory, no disk), otherwise
// under the system's temporary folder.
std::filesystem::path scratch_dir(std::string_view name);

// Writes a scratch file in place, without the temporary, fsync and rename of write_file_atomic:
// scratch files need no durability, and the two fsyncs were most of an atlas run's time.
void write_scratch(const std::filesystem::path& file, std::string_view bytes);

// Stops the process with a message when an invariant breaks: libFuzzer saves the input.
[[noreturn]] void invariant_failed(std::string_view what, std::string_view detail);

}  // namespace fascia::fuzz

#define FASCIA_FUZZ_CHECK(cond, detail)                           \
  do {                                                            \
    if (!(cond)) ::fascia::fuzz::invariant_failed(#cond, detail); \
  } while (0)

#pragma once
// Where rendered frames go: an H.264 MP4 or VP9 WebM through the ffmpeg program on a pipe, a
// folder of numbered PNGs, or one PNG. Every sink writes to a temporary beside the output and
// renames it into place in `finish`, so an interrupted or failed render leaves nothing behind.
#include <filesystem>
#include <memory>
#include <string>

#include "core/image.h"
#include "core/result.h"

namespace fascia::app {

enum class SinkKind { Mp4, WebM, PngSequence, Png };

struct SinkOptions {
  std::filesystem::path output;
  SinkKind kind = SinkKind::Mp4;
  int width = 1280, height = 720, fps = 30;
  bool transparent = false;
};

class FrameSink {
 public:
  virtual ~FrameSink() = default;
  // Frame `number` of the scenario (PNG sequences are named by it, so parts of one render share a folder).
  virtual Status write(int number, const ImageRGBA8& image) = 0;
  // Completes the output and renames it into place.
  virtual Status finish() = 0;
  // Removes whatever was written (an error or an interrupt).
  virtual void abandon() = 0;
};

// The kind an output path asks for: a name ending in / or an existing folder is a PNG sequence.
Result<SinkKind> sink_kind_for(const std::filesystem::path& output);

// The ffmpeg program to use: $FASCIA_FFMPEG, else `ffmpeg` on PATH; an error saying how to get it.
Result<std::string> find_ffmpeg();

// Checks everything that can be checked before the first frame (ffmpeg present, the folder
// writable, sizes the codec takes) and opens the sink.
Result<std::unique_ptr<FrameSink>> open_sink(const SinkOptions& options);

}  // namespace fascia::app

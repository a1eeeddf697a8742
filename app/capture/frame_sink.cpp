#include "capture/frame_sink.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <system_error>
#include <vector>

#include "capture/interrupt.h"
#include "core/file_io.h"

extern char** environ;

namespace fascia::app {
namespace fs = std::filesystem;

namespace {

fs::path temporary_beside(const fs::path& output, const std::string& suffix) {
  std::string name = ".";  // appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + string
  name += output.filename().string();
  name += ".fascia-";
  name += std::to_string(getpid());
  name += suffix;
  return output.parent_path().empty() ? fs::path(name) : output.parent_path() / name;
}

// ffmpeg reading raw RGBA frames from a pipe on its stdin.
class FfmpegSink final : public FrameSink {
 public:
  FfmpegSink(SinkOptions o, fs::path tmp) : o_(std::move(o)), tmp_(std::move(tmp)) {}
  ~FfmpegSink() override { abandon(); }

  Status start(const std::string& ffmpeg) {
    const std::string size = std::to_string(o_.width) + "x" + std::to_string(o_.height);
    const std::string fps = std::to_string(o_.fps);
    std::vector<std::string> args = {ffmpeg,     "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f",
                                     "rawvideo", "-pix_fmt",     "rgba",      "-s",    size,       "-r", fps,
                                     "-i",       "pipe:0",       "-an"};
    if (o_.kind == SinkKind::Mp4) {
      // Constant quantiser, no B-frames, a keyframe every second and fixed threads: each second
      // is encoded from its own frames alone, so parts rendered with --frames at whole seconds
      // join (concat demuxer, -c copy) into exactly the frames of a whole render.
      for (const char* a : {"-c:v",
                            "libx264",
                            "-preset",
                            "veryfast",
                            "-qp",
                            "18",
                            "-bf",
                            "0",
                            "-sc_threshold",
                            "0",
                            "-threads",
                            "4",
                            "-pix_fmt",
                            "yuv420p",
                            "-vf",
                            "scale=out_color_matrix=bt709:out_range=tv",
                            "-colorspace",
                            "bt709",
                            "-color_primaries",
                            "bt709",
                            "-color_trc",
                            "bt709",
                            "-movflags",
                            "+faststart",
                            "-f",
                            "mp4"})
        args.push_back(a);
      args.insert(args.end(), {"-g", fps, "-keyint_min", fps});
    } else {
      for (const char* a : {"-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "32", "-deadline", "good", "-cpu-used",
                            "5", "-row-mt", "1", "-threads", "4", "-f", "webm"})
        args.push_back(a);
      args.insert(args.end(), {"-pix_fmt", o_.transparent ? "yuva420p" : "yuv420p", "-g", fps});
      // VP9 carries alpha only with auto-alt-ref off.
      if (o_.transparent) args.insert(args.end(), {"-auto-alt-ref", "0"});
    }
    args.push_back(tmp_.string());

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
      return internal_error(std::string("cannot make a pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = posix_spawnp(&pid_, ffmpeg.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[0]);
    if (rc != 0) {
      close(fds[1]);
      pid_ = -1;
      return bad_input("cannot start " + ffmpeg + ": " + std::strerror(rc));
    }
    fd_ = fds[1];
    set_emergency_removal(tmp_.string());
    return ok_status();
  }

  Status write(int, const ImageRGBA8& image) override {
    const uint8_t* p = image.pixels.data();
    size_t left = image.pixels.size();
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) {
        if (interrupt_signal()) return internal_error("interrupted");
        continue;
      }
      if (n <= 0) return failed("ffmpeg stopped taking frames");
      p += n;
      left -= size_t(n);
    }
    return ok_status();
  }

  Status finish() override {
    close(fd_);
    fd_ = -1;
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      return failed("ffmpeg failed (status " + std::to_string(status) + ")");
    std::error_code ec;
    fs::rename(tmp_, o_.output, ec);
    if (ec) return failed("cannot rename the finished video into place: " + ec.message());
    set_emergency_removal("");
    done_ = true;
    return ok_status();
  }

  void abandon() override {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status;
      while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      pid_ = -1;
    }
    if (!done_) {
      std::error_code ec;
      fs::remove(tmp_, ec);
    }
    set_emergency_removal("");
  }

 private:
  Error failed(const std::string& what) {
    abandon();
    return internal_error(o_.output.string() + ": " + what);
  }
  SinkOptions o_;
  fs::path tmp_;
  pid_t pid_ = -1;
  int fd_ = -1;
  bool done_ = false;
};

// PNGs named by frame number in a temporary folder, moved into the output folder at the end.
class PngSequenceSink final : public FrameSink {
 public:
  PngSequenceSink(SinkOptions o, fs::path tmp) : o_(std::move(o)), tmp_(std::move(tmp)) {}
  ~PngSequenceSink() override { abandon(); }

  Status write(int number, const ImageRGBA8& image) override {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06d.png", number);
    auto png = encode_png(image);
    if (!png) return png.error();
    // The folder is temporary already, so a plain write will do; the whole folder moves at the end.
    FILE* f = std::fopen((tmp_ / name).c_str(), "wb");
    if (!f) return internal_error((tmp_ / name).string() + ": cannot write: " + std::strerror(errno));
    bool ok = std::fwrite(png->data(), 1, png->size(), f) == png->size();
    ok &= std::fclose(f) == 0;
    if (!ok) return internal_error((tmp_ / name).string() + ": write failed (disk full?)");
    names_.push_back(name);
    return ok_status();
  }

  Status finish() override {
    std::error_code ec;
    fs::create_directory(o_.output, ec);
    if (ec) return internal_error(o_.output.string() + ": cannot make the folder: " + ec.message());
    for (const auto& n : names_) {
      fs::rename(tmp_ / n, o_.output / n, ec);
      if (ec)
        return internal_error((o_.output / n).string() +
                              ": cannot move the frame into place: " + ec.message());
    }
    fs::remove_all(tmp_, ec);
    done_ = true;
    return ok_status();
  }

  void abandon() override {
    if (done_) return;
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }

 private:
  SinkOptions o_;
  fs::path tmp_;
  std::vector<std::string> names_;
  bool done_ = false;
};

class PngSink final : public FrameSink {
 public:
  explicit PngSink(SinkOptions o) : o_(std::move(o)) {}
  Status write(int, const ImageRGBA8& image) override {
    image_ = image;
    return ok_status();
  }
  Status finish() override { return write_png(o_.output, image_); }  // atomic
  void abandon() override {}

 private:
  SinkOptions o_;
  ImageRGBA8 image_;
};

}  // namespace

Result<SinkKind> sink_kind_for(const fs::path& output) {
  const std::string s = output.string();
  std::error_code ec;
  if (s.ends_with("/") || fs::is_directory(output, ec)) return SinkKind::PngSequence;
  const std::string ext = output.extension().string();
  if (ext == ".mp4") return SinkKind::Mp4;
  if (ext == ".webm") return SinkKind::WebM;
  if (ext == ".png") return SinkKind::Png;
  return bad_input(
      s + ": unknown output kind; expected a name ending in .mp4, .webm or .png, or a folder ending in /");
}

Result<std::string> find_ffmpeg() {
  if (const char* e = std::getenv("FASCIA_FFMPEG"); e && *e) {
    if (access(e, X_OK) == 0) return std::string(e);
    return bad_input(std::string("FASCIA_FFMPEG=") + e + ": not an executable program");
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (!dir.empty()) {
      std::string candidate = dir + "/ffmpeg";
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return bad_input(
      "ffmpeg not found on PATH: video is encoded by the ffmpeg program (Debian package ffmpeg); "
      "install it, or write a PNG sequence with -o FOLDER/");
}

Result<std::unique_ptr<FrameSink>> open_sink(const SinkOptions& o) {
  if (o.kind == SinkKind::PngSequence) {
    fs::path dir = o.output;
    if (dir.filename().empty()) dir = dir.parent_path();  // "out/" -> "out"
    SinkOptions norm = o;
    norm.output = dir;
    // The frames are written into a temporary folder beside it, so its parent must be writable too.
    std::error_code exists_ec;
    if (fs::is_directory(dir, exists_ec)) {
      fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
      if (access(dir.c_str(), W_OK) != 0 || access(parent.c_str(), W_OK) != 0)
        return bad_input(dir.string() + ": folder (or the folder it is in) is not writable");
    } else {
      FASCIA_TRY(check_writable(dir));
    }
    fs::path tmp = temporary_beside(dir, ".frames");
    std::error_code ec;
    if (!fs::create_directory(tmp, ec) || ec)
      return bad_input(tmp.string() + ": cannot make a temporary folder: " + (ec ? ec.message() : "exists"));
    return std::unique_ptr<FrameSink>(std::make_unique<PngSequenceSink>(norm, tmp));
  }
  FASCIA_TRY(check_writable(o.output));
  if (o.kind == SinkKind::Png) return std::unique_ptr<FrameSink>(std::make_unique<PngSink>(o));
  if (o.kind == SinkKind::Mp4 && o.transparent)
    return bad_input(o.output.string() +
                     ": H.264 MP4 has no alpha; for --transparent write .webm or a folder of PNGs");
  if (o.kind == SinkKind::Mp4 && (o.width % 2 || o.height % 2))
    return bad_input("--size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
                     ": H.264 takes even widths and heights only");
  auto ffmpeg = find_ffmpeg();
  if (!ffmpeg) return ffmpeg.error();
  auto sink =
      std::make_unique<FfmpegSink>(o, temporary_beside(o.output, o.kind == SinkKind::Mp4 ? ".mp4" : ".webm"));
  FASCIA_TRY(sink->start(*ffmpeg));
  return std::unique_ptr<FrameSink>(std::move(sink));
}

}  // namespace fascia::app

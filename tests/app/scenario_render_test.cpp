// `fascia render SCENARIO`: the examples render and probe as they should, two runs give the same
// frames, halves rendered in parallel join into the whole, and an interrupted or impossible render
// leaves nothing behind. Sizes are small: lavapipe renders every frame on the CPU.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/file_io.h"
#include "core/image.h"
#include "core/json.h"
#include "support/skip.h"
#include "support/test_support.h"

using namespace fascia;
namespace fs = std::filesystem;

namespace {

test::RunResult shell(const std::string& cmd) {
  test::RunResult r;
  FILE* pipe = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int st = ::pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

bool have_ffmpeg() {
  return shell("ffmpeg -version && ffprobe -version").status == 0;
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = test::output_dir() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string exe() {
#ifdef FASCIA_EXE
  return std::string("'") + FASCIA_EXE + "'";
#else
  return "false";
#endif
}

// The video stream's codec, size, frame count and duration, by ffprobe.
struct Probe {
  std::string codec;
  int width = 0, height = 0, frames = 0;
  double duration = 0;
};
Probe probe(const fs::path& video) {
  auto r = shell(
      "ffprobe -v error -select_streams v:0 -count_frames -show_entries "
      "stream=codec_name,width,height,nb_read_frames:format=duration -of json '" +
      video.string() + "'");
  Probe p;
  auto j = parse_json(r.output, "ffprobe");
  if (!j || !j->contains("streams") || (*j)["streams"].empty()) return p;
  const auto& s = (*j)["streams"][0];
  p.codec = s.value("codec_name", "");
  p.width = s.value("width", 0);
  p.height = s.value("height", 0);
  p.frames = std::stoi(s.value("nb_read_frames", std::string("0")));
  p.duration = std::stod((*j)["format"].value("duration", std::string("0")));
  return p;
}

// The decoded frames' hashes (ffmpeg's framemd5), without the header and timestamps.
std::vector<std::string> frame_hashes(const fs::path& video) {
  auto r = shell("ffmpeg -v error -i '" + video.string() + "' -map 0:v -f framemd5 -");
  std::vector<std::string> out;
  std::istringstream in(r.output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line.substr(line.rfind(',') + 1));
  }
  return out;
}

const char* kShort = R"({
  "scenario": 1, "duration": 2, "fps": 10, "lines": ["sbl"],
  "tracks": [
    {"type": "camera", "keys": [{"t": 0, "yaw": 180}, {"t": 2, "yaw": 220, "frame": "calcaneus.l", "distance": 1.5}]},
    {"type": "restriction", "target": "gastrocnemius.l", "keys": [{"t": 0, "stiffness_x": 1}, {"t": 1.5, "stiffness_x": 3, "shorten_pct": 4}]},
    {"type": "reveal", "line": "sbl", "from": 0, "to": 1},
    {"type": "caption", "text": "A tight calf", "from": 0.5, "to": 1.5}
  ]})";

fs::path write_short(const fs::path& dir) {
  fs::path p = dir / "short.json";
  REQUIRE(write_file_atomic(p, std::string(kShort)));
  return p;
}

}  // namespace

TEST_CASE("scenario render: every example renders to an H.264 MP4 of its size, frame count and duration") {
  if (!have_ffmpeg()) FASCIA_SKIP("ffmpeg/ffprobe not installed");
  fs::path dir = fresh_dir("scenario_examples");
  fs::path assets = test::tests_dir().parent_path() / "assets" / "scenarios";
  int seen = 0;
  for (const auto& e : fs::directory_iterator(assets)) {
    if (e.path().extension() != ".json") continue;
    ++seen;
    auto json = load_json_file(e.path());
    REQUIRE(json);
    const double duration = (*json)["duration"].get<double>();
    fs::path out = dir / (e.path().stem().string() + ".mp4");
    // Two frames a second is enough to cover every track of every example.
    auto r =
        shell(exe() + " render '" + e.path().string() + "' -o '" + out.string() + "' --size 160x90 --fps 2");
    INFO(e.path().filename().string() << ": " << r.output);
    REQUIRE(r.status == 0);
    Probe p = probe(out);
    CHECK(p.codec == "h264");
    CHECK(p.width == 160);
    CHECK(p.height == 90);
    CHECK(p.frames == int(std::lround(duration * 2)));
    CHECK(p.duration == doctest::Approx(duration).epsilon(0.02));
    // Captions are burned in and written beside the video.
    fs::path srt = fs::path(out).replace_extension(".srt");
    REQUIRE(fs::exists(srt));
    CHECK(read_file(srt)->find("not a clinical measurement") != std::string::npos);
  }
  CHECK(seen >= 5);
}

TEST_CASE(
    "scenario render: two runs give the same frames, and halves rendered in parallel join into the whole") {
  if (!have_ffmpeg()) FASCIA_SKIP("ffmpeg/ffprobe not installed");
  fs::path dir = fresh_dir("scenario_determinism");
  fs::path sc = write_short(dir);
  const std::string common = " render '" + sc.string() + "' --size 96x64 -o ";
  auto a = shell(exe() + common + "'" + (dir / "a.mp4").string() + "'");
  auto b = shell(exe() + common + "'" + (dir / "b.mp4").string() + "'");
  REQUIRE(a.status == 0);
  REQUIRE(b.status == 0);
  auto ha = frame_hashes(dir / "a.mp4");
  REQUIRE(ha.size() == 20);
  CHECK(ha == frame_hashes(dir / "b.mp4"));

  // Split at the one-second keyframe, rendered at the same time, joined without re-encoding.
  auto halves = shell("(" + exe() + common + "'" + (dir / "p1.mp4").string() + "' --frames 0-9 & " + exe() +
                      common + "'" + (dir / "p2.mp4").string() + "' --frames 10-19 & wait)");
  INFO(halves.output);
  REQUIRE(fs::exists(dir / "p1.mp4"));
  REQUIRE(fs::exists(dir / "p2.mp4"));
  CHECK(frame_hashes(dir / "p1.mp4").size() == 10);
  REQUIRE(write_file_atomic(dir / "parts.txt", "file 'p1.mp4'\nfile 'p2.mp4'\n"));
  auto join =
      shell("cd '" + dir.string() + "' && ffmpeg -v error -f concat -safe 0 -i parts.txt -c copy joined.mp4");
  INFO(join.output);
  REQUIRE(join.status == 0);
  CHECK(frame_hashes(dir / "joined.mp4") == ha);
  // The second half's subtitles start from its own first frame.
  CHECK(read_file(dir / "p2.srt")->find("00:00:00,000 --> 00:00:00,500") != std::string::npos);
}

TEST_CASE("scenario render: transparent PNG sequences and WebM, one PNG at --at") {
  if (!have_ffmpeg()) FASCIA_SKIP("ffmpeg/ffprobe not installed");
  fs::path dir = fresh_dir("scenario_outputs");
  fs::path sc = write_short(dir);
  auto seq = shell(exe() + " render '" + sc.string() + "' --size 64x48 --frames 5-7 --transparent -o '" +
                   (dir / "frames").string() + "/'");
  INFO(seq.output);
  REQUIRE(seq.status == 0);
  for (int f : {5, 6, 7}) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06d.png", f);
    auto img = read_png(dir / "frames" / name);
    REQUIRE(img);
    CHECK(img->width == 64);
    CHECK(img->at(0, 0)[3] == 0);  // the background is transparent
  }
  CHECK(std::distance(fs::directory_iterator(dir / "frames"), fs::directory_iterator()) == 3);

  auto webm = shell(exe() + " render '" + sc.string() + "' --size 64x48 --frames 0-4 --transparent -o '" +
                    (dir / "alpha.webm").string() + "'");
  INFO(webm.output);
  REQUIRE(webm.status == 0);
  Probe p = probe(dir / "alpha.webm");
  CHECK(p.codec == "vp9");
  CHECK(p.frames == 5);
  auto alpha = shell("ffprobe -v error -show_entries stream_tags=alpha_mode -of csv=p=0 '" +
                     (dir / "alpha.webm").string() + "'");
  CHECK(alpha.output.find('1') != std::string::npos);

  auto still = shell(exe() + " render '" + sc.string() + "' --size 64x48 --at 1.0 -o '" +
                     (dir / "at.png").string() + "'");
  REQUIRE(still.status == 0);
  auto img = read_png(dir / "at.png");
  REQUIRE(img);
  CHECK(image_stats(*img).stddev_luma > 3);
  // Only what was asked for: no temporaries beside the outputs.
  for (const auto& e : fs::directory_iterator(dir))
    CHECK(e.path().filename().string().find(".fascia-") == std::string::npos);
}

TEST_CASE("scenario render: no ffmpeg, or a signal mid-render, exits cleanly and leaves nothing behind") {
  fs::path dir = fresh_dir("scenario_failures");
  fs::path sc = write_short(dir);
  fs::path out = dir / "out";
  fs::create_directories(out);
  auto none = shell("env PATH=/nonexistent " + exe() + " render '" + sc.string() + "' -o '" +
                    (out / "a.mp4").string() + "'");
  CHECK(none.status == 2);
  CHECK(none.output.find("ffmpeg not found on PATH") != std::string::npos);
  auto wrong = shell("env FASCIA_FFMPEG=/nonexistent/ffmpeg " + exe() + " render '" + sc.string() + "' -o '" +
                     (out / "a.mp4").string() + "'");
  CHECK(wrong.status == 2);
  CHECK(wrong.output.find("FASCIA_FFMPEG=/nonexistent/ffmpeg") != std::string::npos);
  CHECK(fs::is_empty(out));
  if (!have_ffmpeg()) FASCIA_SKIP("ffmpeg not installed");
  // SIGTERM once the temporary video exists (frames are being encoded): status 143, nothing left.
  fs::path tmp_glob = out / ".a.mp4.fascia-*";
  auto term =
      shell("(" + exe() + " render '" + sc.string() + "' --size 320x180 --fps 30 -o '" +
            (out / "a.mp4").string() + "' & pid=$!; for i in $(seq 200); do ls " + tmp_glob.string() +
            " >/dev/null 2>&1 && break; sleep 0.05; done; kill -TERM $pid; wait $pid; echo status=$?)");
  INFO(term.output);
  CHECK(term.output.find("status=143") != std::string::npos);
  CHECK(fs::is_empty(out));
}

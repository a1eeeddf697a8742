#include "capture/handout.h"

#include <cmath>

#include <imgui.h>

#include "capture/handout_content.h"
#include "capture/handout_page.h"
#include "cli/cli_util.h"
#include "common/app_model.h"
#include "common/restrict_text.h"
#include "common/sim_snapshot.h"
#include "common/tension.h"
#include "common/ui_layer.h"
#include "core/file_io.h"
#include "render/offscreen.h"
#include "sim/commands.h"

namespace fascia::app {
namespace {

constexpr VkExtent2D kStillSize{640, 800};

Result<ImageRGBA8> render_still_image(render::Offscreen& off, const AppModel& model,
                                      const HandoutContent& content, const TensionColouring* tension) {
  auto view = model.default_view(content.view, float(kStillSize.width) / float(kStillSize.height));
  if (!view) return view.error();
  ViewState state = *view;
  state.lines.lines = content.lines;
  if (tension) {
    state.lines.track_profile = tension->track_profile;
    state.body.muscle.opacity = 0.18f;
  }
  float scale = float(kStillSize.height) / 720.0f;
  UiLayer ui(*off.context, off.target->format(), nullptr, scale);
  ui.begin_frame(kStillSize, 0);
  if (tension) draw_tension_legend(*tension, scale);
  auto overlay = [&](VkCommandBuffer cmd, const render::TargetImage& image, VkExtent2D e) {
    ui.record(cmd, image, e);
  };
  return off.render(model.build_scene(state), overlay);
}

Status check_output(const std::filesystem::path& p, const char* ext, const char* flag) {
  if (p.empty()) return ok_status();
  if (p.extension() != ext)
    return bad_input(p.string() + ": " + flag + " writes " + (ext + 1) + "; give a file name ending in " +
                     ext);
  return check_writable(p);
}

// The window's tension encoding for a set of restrictions; `scale_N` > 0 holds 0 dB there, so the
// before and after stills share one scale and a relaxed tissue is seen to cool.
Result<TensionColouring> colouring_of(const std::vector<std::string>& restrict, double scale_N) {
  auto session = session_with_restrictions(restrict);
  if (!session) return session.error();
  const sim::Model& sm = sim::default_model();
  auto now = equilibrium_snapshot(sm, *session);
  if (!now) return now.error();
  now->reference_change_N = scale_N;
  return colour_by_tension(sm, *now, baseline_snapshot(sm));
}

}  // namespace

Status write_handout(const session::Session& s, const HandoutOptions& o) {
  if (o.pdf.empty() && o.png.empty()) return bad_input("handout: give -o OUT.pdf and/or --png OUT.png");
  FASCIA_TRY(check_output(o.pdf, ".pdf", "-o"));
  FASCIA_TRY(check_output(o.png, ".png", "--png"));
  auto model = load_app_model();
  if (!model) return model.error();
  auto content = handout_content(**model, s);
  if (!content) return content.error();

  std::optional<TensionColouring> before, after;
  if (!content->before_restrict.empty()) {
    auto b = colouring_of(content->before_restrict, 0);
    if (!b) return b.error();
    auto a = colouring_of(content->after_restrict, b->max_change_N);
    if (!a) return a.error();
    before = std::move(*b);
    after = std::move(*a);
  }
  auto off = render::create_offscreen(kStillSize, want_validation());
  if (!off) return off.error();
  HandoutStills stills;
  auto b = render_still_image(**off, **model, *content, before ? &*before : nullptr);
  if (!b) return b.error();
  auto a = render_still_image(**off, **model, *content, after ? &*after : nullptr);
  if (!a) return a.error();
  stills.before = std::move(*b);
  stills.after = std::move(*a);
  if (uint32_t n = (*off)->validation_messages())
    return internal_error("the renderer produced " + std::to_string(n) + " validation message(s)");

  if (!o.pdf.empty()) {
    auto pdf = handout_pdf(*content, stills);
    if (!pdf) return pdf.error();
    FASCIA_TRY(write_file_atomic(o.pdf, std::span<const uint8_t>(*pdf)));
  }
  if (!o.png.empty()) {
    auto png = handout_png(*content, stills);
    if (!png) return png.error();
    FASCIA_TRY(write_file_atomic(o.png, std::span<const uint8_t>(*png)));
  }
  return ok_status();
}

}  // namespace fascia::app

#include "capture/handout_page.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <cairo-pdf.h>
#include <cairo.h>

namespace fascia::app {
namespace {

constexpr double kMargin = 40;
constexpr const char* kFont = "DejaVu Sans";

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  auto* out = static_cast<std::vector<uint8_t>*>(closure);
  out->insert(out->end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

// Writes text from the top of a column, wrapping at word boundaries; returns the new top. Stops at
// `bottom`, ending the last line that fits with an ellipsis, so the page never runs over.
class Writer {
 public:
  Writer(cairo_t* cr, double x, double width, double bottom)
      : cr_(cr), x_(x), width_(width), bottom_(bottom) {}
  double y = kMargin;

  void font(double size, bool bold = false, double grey = 0.1) {
    cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
    cairo_set_source_rgb(cr_, grey, grey, grey + 0.03);
    size_ = size;
  }
  // Returns false once the column is full.
  bool paragraph(const std::string& text, double after = 4) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (!wrapped(para)) return false;
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    y += after;
    return true;
  }
  void gap(double h) { y += h; }

 private:
  double width_of(const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr_, s.c_str(), &e);
    return e.x_advance;
  }
  // One line; false when it did not fit or no further line will (it then ends with an ellipsis).
  bool line(const std::string& s, bool last) {
    double lh = size_ * 1.35;
    if (y + lh > bottom_) return false;
    bool room_for_next = y + 2 * lh <= bottom_;
    std::string out = !last && !room_for_next ? s + " …" : s;
    cairo_move_to(cr_, x_, y + size_);
    cairo_show_text(cr_, out.c_str());
    y += lh;
    return last || room_for_next;
  }
  bool wrapped(const std::string& para) {
    std::string cur;
    size_t i = 0;
    while (i < para.size()) {
      size_t sp = para.find(' ', i);
      std::string word = para.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
      i = sp == std::string::npos ? para.size() : sp + 1;
      std::string trial = cur.empty() ? word : cur + " " + word;
      if (!cur.empty() && width_of(trial) > width_) {
        if (!line(cur, false)) return false;
        cur = word;
      } else {
        cur = trial;
      }
    }
    return line(cur, true);
  }

  cairo_t* cr_;
  double x_, width_, bottom_;
  double size_ = 10;
};

// An RGBA8 still as a cairo surface (premultiplied ARGB32 in native byte order).
cairo_surface_t* surface_of(const ImageRGBA8& img) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < img.height; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(data + size_t(y) * stride);
    for (int x = 0; x < img.width; ++x) {
      const uint8_t* p = img.at(x, y);
      uint32_t a = p[3];
      auto pre = [&](uint8_t c) { return uint32_t(c) * a / 255; };
      row[x] = (a << 24) | (pre(p[0]) << 16) | (pre(p[1]) << 8) | pre(p[2]);
    }
  }
  cairo_surface_mark_dirty(s);
  return s;
}

void draw_still(cairo_t* cr, const ImageRGBA8& img, double x, double y, double w, const char* caption) {
  if (img.width <= 0 || img.height <= 0) return;
  double h = w * img.height / img.width;
  cairo_surface_t* s = surface_of(img);
  cairo_save(cr);
  cairo_rectangle(cr, x, y, w, h);
  cairo_clip(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, w / img.width, h / img.height);
  cairo_set_source_surface(cr, s, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(s);
  cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 11);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.13);
  cairo_move_to(cr, x, y + h + 14);
  cairo_show_text(cr, caption);
}

std::string degrees(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f°", d);
  return buf;
}

void draw_page(cairo_t* cr, const HandoutContent& c, const HandoutStills& st) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double width = kPageWidthPt - 2 * kMargin;
  // The caveat is kept at the foot of the page, whatever the notes say.
  const double caveat_top = kPageHeightPt - kMargin - 44;
  Writer w(cr, kMargin, width, caveat_top - 8);
  w.font(20, true);
  w.paragraph("Your session", 2);
  w.font(11, false, 0.35);
  w.paragraph(c.client_label.empty() ? "Fascia Atlas handout" : "Fascia Atlas handout for " + c.client_label,
              10);

  const double gap = 14, still_w = (width - gap) / 2;
  double still_h = st.before.width > 0 ? still_w * st.before.height / st.before.width : 0;
  draw_still(cr, st.before, kMargin, w.y, still_w, "Before");
  draw_still(cr, st.after, kMargin + still_w + gap, w.y, still_w, "After the treatment");
  w.gap(still_h + 26);
  w.font(8.5, false, 0.4);
  w.paragraph(
      "Colours show the extra pull each restricted place adds along its lines: warmer is more. Both pictures "
      "use the same scale.",
      8);

  auto section = [&](const char* title) {
    w.font(12, true);
    return w.paragraph(title, 2);
  };
  if (!c.restricted.empty() && section("Where it was tight")) {
    w.font(10);
    for (const auto& s : c.restricted)
      if (!w.paragraph(s, 2)) break;
    w.gap(6);
  }
  if (!c.treatments.empty() && section("What we did")) {
    w.font(10);
    for (const auto& s : c.treatments)
      if (!w.paragraph(s, 2)) break;
    w.gap(6);
  }
  if (!c.ranges.empty() && section("Range of movement")) {
    w.font(10);
    for (const auto& r : c.ranges) {
      double gained = r.after_deg - r.before_deg;
      std::string s =
          "Your " + r.joint + ": " + degrees(r.before_deg) + " before, " + degrees(r.after_deg) + " after";
      s += gained > 0.05 ? " (" + degrees(gained) + " gained, in the model)." : " (no change in the model).";
      if (!w.paragraph(s, 2)) break;
    }
    w.gap(6);
  }
  if (!c.notes.empty() && section("Notes from your therapist")) {
    w.font(10);
    w.paragraph(c.notes, 2);
  }

  cairo_set_source_rgb(cr, 0.95, 0.95, 0.96);
  cairo_rectangle(cr, kMargin - 6, caveat_top - 4, width + 12, 44);
  cairo_fill(cr);
  Writer foot(cr, kMargin, width, kPageHeightPt - kMargin);
  foot.y = caveat_top;
  foot.font(8.5, false, 0.3);
  foot.paragraph(kHandoutCaveat, 0);
}

Status cairo_ok(cairo_status_t s, const char* what) {
  if (s == CAIRO_STATUS_SUCCESS) return ok_status();
  return internal_error(std::string("handout: ") + what + ": " + cairo_status_to_string(s));
}

}  // namespace

Result<std::vector<uint8_t>> handout_pdf(const HandoutContent& c, const HandoutStills& st) {
  std::vector<uint8_t> bytes;
  cairo_surface_t* s = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, kPageWidthPt, kPageHeightPt);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Fascia Atlas session handout");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Fascia Atlas");
  cairo_t* cr = cairo_create(s);
  draw_page(cr, c, st);
  cairo_show_page(cr);
  Status status = cairo_ok(cairo_status(cr), "drawing the page");
  cairo_destroy(cr);
  cairo_surface_finish(s);
  if (status) status = cairo_ok(cairo_surface_status(s), "writing the PDF");
  cairo_surface_destroy(s);
  if (!status) return status.error();
  return bytes;
}

Result<std::vector<uint8_t>> handout_png(const HandoutContent& c, const HandoutStills& st, double scale) {
  int w = int(std::lround(kPageWidthPt * scale)), h = int(std::lround(kPageHeightPt * scale));
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_scale(cr, scale, scale);
  draw_page(cr, c, st);
  Status status = cairo_ok(cairo_status(cr), "drawing the page");
  cairo_destroy(cr);
  std::vector<uint8_t> bytes;
  if (status)
    status = cairo_ok(cairo_surface_write_to_png_stream(s, append_bytes, &bytes), "encoding the PNG");
  cairo_surface_destroy(s);
  if (!status) return status.error();
  return bytes;
}

}  // namespace fascia::app

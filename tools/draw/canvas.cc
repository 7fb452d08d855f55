#include "draw/canvas.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <cmath>
#include <stdexcept>

#include "draw/png.h"
#include "draw/svg_ids.h"

namespace wb::draw {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo failed to ") + what + ": " + cairo_status_to_string(status));
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "png") return Format::Png;
  if (name == "svg") return Format::Svg;
  if (name == "pdf") return Format::Pdf;
  return std::nullopt;
}

std::string extension(Format format) {
  switch (format) {
    case Format::Png: return "png";
    case Format::Svg: return "svg";
    case Format::Pdf: return "pdf";
  }
  return "";
}

void set_source(cairo_t* cr, Color c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

Canvas::Canvas(Format format, double width, double height, double scale)
    : format_(format), width_(width), height_(height) {
  if (!(width > 0 && height > 0 && std::isfinite(width) && std::isfinite(height)))
    throw std::invalid_argument("canvas size must be positive");
  switch (format) {
    case Format::Png: {
      if (!(scale > 0 && std::isfinite(scale))) throw std::invalid_argument("canvas scale must be positive");
      // RGB24, not ARGB32: the diagrams are opaque, and the encoder then
      // needs no un-premultiplying.
      int w = static_cast<int>(std::ceil(width * scale - 1e-9)), h = static_cast<int>(std::ceil(height * scale - 1e-9));
      surface_ = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
      break;
    }
    case Format::Svg:
      surface_ = cairo_svg_surface_create_for_stream(append, &vector_out_, width, height);
      break;
    case Format::Pdf:
      surface_ = cairo_pdf_surface_create_for_stream(append, &vector_out_, width, height);
      // cairo 1.16 stamps /CreationDate with the current time; an empty
      // value makes it leave the entry out (it writes no /ModDate or /ID).
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, "");
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, "");
      break;
  }
  check(cairo_surface_status(surface_), "create a surface");
  cr_ = cairo_create(surface_);
  if (format == Format::Png) cairo_scale(cr_, scale, scale);
}

Canvas::~Canvas() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

// A new image surface is black. Painting it white only when drawing starts
// saves a full-image pass when fill_background() comes first, as it should.
void Canvas::ensure_painted() {
  if (painted_ || format_ != Format::Png) return;
  painted_ = true;
  cairo_save(cr_);
  cairo_set_operator(cr_, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_paint(cr_);
  cairo_restore(cr_);
}

cairo_t* Canvas::cr() {
  if (finished_) throw std::logic_error("Canvas::cr() after finish()");
  ensure_painted();
  return cr_;
}

void Canvas::fill_background(Color c) {
  if (finished_) throw std::logic_error("Canvas::fill_background() after finish()");
  // An opaque colour covers everything, so the initial white is not needed.
  if (c.a >= 1.0) painted_ = true;
  ensure_painted();
  cairo_save(cr_);
  set_source(cr_, c);
  cairo_paint(cr_);
  cairo_restore(cr_);
}

std::string Canvas::finish() {
  if (finished_) throw std::logic_error("Canvas::finish() called twice");
  ensure_painted();
  finished_ = true;
  check(cairo_status(cr_), "draw");
  cairo_destroy(cr_);
  cr_ = nullptr;
  if (format_ == Format::Png) {
    cairo_surface_flush(surface_);
    return encode_png(cairo_image_surface_get_data(surface_), cairo_image_surface_get_width(surface_),
                       cairo_image_surface_get_height(surface_), cairo_image_surface_get_stride(surface_));
  }
  cairo_surface_finish(surface_);
  check(cairo_surface_status(surface_), "write the file");
  if (format_ == Format::Svg) return renumber_svg_ids(vector_out_);
  return std::move(vector_out_);
}

}  // namespace wb::draw

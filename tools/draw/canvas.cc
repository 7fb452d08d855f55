#include "draw/canvas.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <thread>

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

// Memory for a PNG canvas, uninitialised, to be released with std::free.
// Large images ask for transparent huge pages: a 3200x2000 image is 25 MB,
// which with 4 KB pages costs some 6000 page faults (8-15 ms measured here),
// with 2 MB pages about a dozen (3 ms). Where huge pages are off, madvise
// changes nothing.
unsigned char* allocate_pixels(size_t bytes) {
  constexpr size_t kHugePage = size_t(2) << 20;
  if (bytes < kHugePage) return static_cast<unsigned char*>(std::malloc(bytes));
  size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
#ifdef MADV_HUGEPAGE
  if (p) madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return static_cast<unsigned char*>(p);
}

// cairo's own rounding of a colour channel to 8 bits (via 16 bits), so a
// direct fill gives the same pixels as cairo_paint would.
uint32_t channel(double v) { return uint32_t(std::clamp(v, 0.0, 1.0) * 65535.0 + 0.5) >> 8; }

// Sets every pixel of an RGB24 image to an opaque colour, on two threads.
// A new 3200x2000 image is 25 MB of untouched memory: most of the time goes
// to page faults, which the kernel serves in parallel.
void fill_pixels(unsigned char* data, int width, int height, int stride, Color c) {
  uint32_t value = 0xff000000u | channel(c.r) << 16 | channel(c.g) << 8 | channel(c.b);
  auto fill = [=](int y0, int y1) {
    for (int y = y0; y < y1; ++y) std::fill_n(reinterpret_cast<uint32_t*>(data + size_t(y) * stride), width, value);
  };
  if (size_t(width) * height < (1u << 20)) return fill(0, height);
  std::thread other(fill, height / 2, height);
  fill(0, height / 2);
  other.join();
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
  if (format == Format::Png && !(scale > 0 && std::isfinite(scale)))
    throw std::invalid_argument("canvas scale must be positive");
  scale_ = scale;
  if (format == Format::Png) {
    // The pixels are allocated when first drawn on: finish_in_bands never
    // needs the whole image in memory.
    pixel_width_ = static_cast<int>(std::ceil(width * scale - 1e-9));
    pixel_height_ = static_cast<int>(std::ceil(height * scale - 1e-9));
    if (pixel_width_ > 32767 || pixel_height_ > 32767)
      throw std::invalid_argument("PNG canvas too large (cairo's limit is 32767 pixels)");
    return;
  }
  open([&] {
    if (format == Format::Svg) {
      surface_ = cairo_svg_surface_create_for_stream(append, &vector_out_, width, height);
    } else {
      surface_ = cairo_pdf_surface_create_for_stream(append, &vector_out_, width, height);
      // cairo 1.16 stamps /CreationDate with the current time; an empty
      // value makes it leave the entry out (it writes no /ModDate or /ID).
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, "");
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, "");
    }
  });
  // Vector output keeps every curve as it is drawn; the tolerance only sets
  // how finely cairo flattens a stroke to find its extent, which it does for
  // each one (round caps and joins most of all). 1 unit is ample for that
  // and saves 7% of a PDF render's instructions. (render.cc draws circles as curves
  // of its own, never with cairo_arc, whose pieces would depend on it.)
  cairo_set_tolerance(cr_, 1.0);
}

// Runs make_surface, then opens the context on the surface it made; if
// anything fails, nothing stays allocated.
void Canvas::open(const std::function<void()>& make_surface) {
  try {
    make_surface();
    check(cairo_surface_status(surface_), "create a surface");
    cr_ = cairo_create(surface_);
    check(cairo_status(cr_), "create a context");
  } catch (...) {
    release();
    throw;
  }
}

Canvas::~Canvas() { release(); }

void Canvas::release() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
  std::free(pixels_);
  cr_ = nullptr;
  surface_ = nullptr;
  pixels_ = nullptr;
}

// PNG: the whole image, painted with the background, for drawing through cr().
void Canvas::ensure_pixels() {
  if (format_ != Format::Png || surface_) return;
  open([&] {
    // RGB24, not ARGB32: the diagrams are opaque, and the encoder then
    // needs no un-premultiplying. Our own, uninitialised memory: cairo's
    // would be zeroed only to be painted over at once.
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, pixel_width_);
    pixels_ = allocate_pixels(size_t(stride) * pixel_height_);
    if (!pixels_) throw std::bad_alloc();
    fill_pixels(pixels_, pixel_width_, pixel_height_, stride, background_);
    surface_ = cairo_image_surface_create_for_data(pixels_, CAIRO_FORMAT_RGB24, pixel_width_, pixel_height_, stride);
  });
  cairo_scale(cr_, scale_, scale_);
}

cairo_t* Canvas::cr() {
  if (finished_) throw std::logic_error("Canvas::cr() after finish()");
  ensure_pixels();
  return cr_;
}

void Canvas::fill_background(Color c) {
  if (finished_) throw std::logic_error("Canvas::fill_background() after finish()");
  // Before any drawing, an opaque PNG background is just the starting colour.
  if (c.a >= 1.0 && format_ == Format::Png && !surface_) {
    background_ = c;
    return;
  }
  cairo_t* cr = this->cr();
  cairo_save(cr);
  set_source(cr, c);
  cairo_paint(cr);
  cairo_restore(cr);
}

std::string Canvas::finish_in_bands(const BandDraw& draw) {
  if (format_ != Format::Png) throw std::logic_error("Canvas::finish_in_bands() is for PNG");
  if (finished_) throw std::logic_error("Canvas::finish_in_bands() after finish()");
  if (surface_) throw std::logic_error("Canvas::finish_in_bands() after drawing through cr()");
  finished_ = true;
  std::mutex failure_mutex;
  cairo_status_t failure = CAIRO_STATUS_SUCCESS;
  auto fill = [&](int y0, int y1, unsigned char* pixels, int stride) {
    fill_pixels(pixels, pixel_width_, y1 - y0, stride, background_);
    cairo_surface_t* band = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_RGB24, pixel_width_, y1 - y0, stride);
    cairo_t* cr = cairo_create(band);
    cairo_translate(cr, 0, -y0);
    cairo_scale(cr, scale_, scale_);
    draw(cr, y0 / scale_, y1 / scale_);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(band);
    cairo_surface_destroy(band);
    if (status != CAIRO_STATUS_SUCCESS) {
      std::lock_guard lock(failure_mutex);
      failure = status;
    }
  };
  std::string png = encode_png_bands(pixel_width_, pixel_height_, fill);
  check(failure, "draw a band");
  return png;
}

std::string Canvas::finish() {
  if (finished_) throw std::logic_error("Canvas::finish() called twice");
  ensure_pixels();
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

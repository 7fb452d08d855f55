#pragma once
// One drawing surface for the three output formats: drawing code issues plain
// cairo calls in canvas units and gets PNG, SVG or PDF bytes back.
#include <cairo.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "draw/atomic_write.h"
#include "draw/color.h"

namespace wb::draw {

enum class Format { Png, Svg, Pdf };
// "png", "svg" or "pdf" (lower case, as in file extensions).
std::optional<Format> parse_format(std::string_view);
// The file extension without a dot: "png", "svg", "pdf".
std::string extension(Format);

class Canvas {
 public:
  // width/height in canvas units. PNG: pixels = units * scale, rounded up
  // (scale 1 or 2 for normal and high-density screens); the image is opaque
  // and starts white. SVG/PDF: vector, 1 unit = 1 pt, scale ignored.
  Canvas(Format, double width, double height, double scale = 1.0);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  // Drawing code uses plain cairo calls in canvas units on this context.
  cairo_t* cr();
  Format format() const { return format_; }
  double width() const { return width_; }
  double height() const { return height_; }

  // Paints the whole canvas; call it before drawing anything else.
  void fill_background(Color);

  // Ends the drawing and returns the file's bytes; call it once. Identical
  // drawing calls give identical bytes, in any process or thread: PDF
  // without creation/modification date, SVG with ids renumbered, PNG from
  // our own encoder with no time chunk. Throws std::runtime_error when cairo
  // reports an error (such as running out of memory).
  std::string finish();
  // PNG only: draws and encodes the image a strip of rows at a time, on all
  // cores, never holding the whole image: draw(cr, top, bottom) is called
  // once per strip with its own context (scaled like cr(), clipped to the
  // strip) and the strip's extent in canvas units, so it may skip what lies
  // outside. draw must be safe to run concurrently. The strips depend only
  // on the image size, so output is the same from run to run. Cannot follow
  // drawing through cr().
  using BandDraw = std::function<void(cairo_t*, double top, double bottom)>;
  std::string finish_in_bands(const BandDraw& draw);

 private:
  void open(const std::function<void()>& make_surface);
  void ensure_pixels();
  void release();

  Format format_;
  double width_, height_;
  double scale_ = 1;
  std::string vector_out_;  // SVG/PDF bytes as cairo streams them
  int pixel_width_ = 0, pixel_height_ = 0;  // PNG
  Color background_{1, 1, 1};               // PNG: the colour the image starts with
  unsigned char* pixels_ = nullptr;         // PNG drawn through cr(): the image (malloc'd)
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  bool finished_ = false;
};

// Sets `c` (with its alpha) as the source colour of `cr`.
void set_source(cairo_t* cr, Color c);

}  // namespace wb::draw

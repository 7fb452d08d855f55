#pragma once
// Text layout and drawing with a fixed set of fonts, so that a diagram looks
// and measures the same on every machine and in every output format.
#include <cairo.h>

#include <memory>
#include <string>
#include <vector>

namespace wb::draw {

// Where Debian's fonts-dejavu-core puts the four faces wirebook uses:
// DejaVuSans.ttf, DejaVuSans-Bold.ttf, DejaVuSansMono.ttf, DejaVuSansMono-Bold.ttf.
inline constexpr const char* kDejaVuDir = "/usr/share/fonts/truetype/dejavu";

struct TextStyle {
  double size = 10;  // em size in canvas units
  bool bold = false;
  bool mono = false;  // DejaVu Sans Mono instead of DejaVu Sans
  bool operator==(const TextStyle&) const = default;
};

// What the glyphs of a text paint, in canvas units from the text's top-left
// corner; all zero for a text with no visible glyph.
struct InkBox {
  double left = 0, top = 0, right = 0, bottom = 0;
};

// In canvas units. `baseline` is the distance from the top to the first
// line's baseline; height covers all lines (text may contain '\n').
struct TextSize {
  double width, height, baseline;
};

// Lays out text with Pango and draws it with cairo.
//
// Fonts come from a private fontconfig configuration holding only the four
// DejaVu files, so other installed fonts can never change the output. That
// configuration also becomes fontconfig's current one for the process (it
// spares the 5-30 ms of loading the system's), so any other fontconfig user
// in the process sees only these fonts too. Layout
// is resolution-independent (no hinting, unrounded glyph positions, size in
// canvas units), so a string measures the same for PNG at any scale, SVG and
// PDF. Safe to use from several threads: shaping is serialised and cached,
// drawing uses only cairo and runs in parallel.
class TextEngine {
 public:
  // The engine for kDejaVuDir, created on first use.
  static TextEngine& instance();
  // Throws std::runtime_error, telling to install fonts-dejavu-core, when a
  // font file is missing from `font_dir`.
  explicit TextEngine(const std::string& font_dir = kDejaVuDir);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Cached by (text, style).
  TextSize measure(const std::string& utf8, const TextStyle& style);
  // Draws with the current source of `cr`, the layout's top-left at (x, y_top).
  // Leaves the state of `cr` as it was.
  void draw(cairo_t* cr, double x, double y_top, const std::string& utf8, const TextStyle& style);

  // The exact extent of the glyphs' outlines, which may reach outside the
  // measured box (stacked accents, hooks). Cached with the shaped text.
  InkBox ink(const std::string& utf8, const TextStyle& style);

  // Texts of one colour drawn together: their glyphs are gathered per font
  // and shown with one cairo call per font instead of one per text. SVG and
  // PDF still write each glyph on its own, so the picture is that of the
  // texts drawn one by one, in any order since they share a colour. draw()
  // paints with the current source of `cr` and empties the batch.
  class Batch {
   public:
    explicit Batch(TextEngine& engine) : engine_(engine) {}
    void add(double x, double y_top, const std::string& utf8, const TextStyle& style);
    void draw(cairo_t* cr);

   private:
    struct Font {
      cairo_font_face_t* face;  // kept alive by shaped_
      cairo_matrix_t matrix;
      std::vector<cairo_glyph_t> glyphs;
    };
    TextEngine& engine_;
    std::vector<Font> fonts_;                          // in order of first use
    std::vector<std::shared_ptr<const void>> shaped_;  // the texts' shaped runs
  };

  // The font file and family name a style resolves to (for checks and tests).
  std::string font_file(const TextStyle& style);
  std::string font_family(const TextStyle& style);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wb::draw

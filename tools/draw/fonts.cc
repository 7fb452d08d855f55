#include "draw/fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "draw/font_cache.h"

namespace wb::draw {

namespace {

constexpr const char* kFontFiles[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf",
                                      "DejaVuSansMono-Bold.ttf"};

// Beyond this many distinct strings the cache starts over (bounds memory in a
// long-running process; entries being drawn stay alive through shared_ptr).
constexpr size_t kMaxCached = 100000;

double from_pango(int units) { return double(units) / PANGO_SCALE; }

// The glyphs of one run of a laid-out text, positioned relative to the
// layout's top-left corner, with what cairo needs to draw them on its own.
struct Run {
  cairo_font_face_t* face = nullptr;  // owned reference
  cairo_matrix_t matrix;
  std::vector<cairo_glyph_t> glyphs;
};

struct Shaped {
  TextSize size{};
  std::vector<Run> runs;
  mutable std::optional<InkBox> ink;  // computed on first request, under the engine's mutex
  Shaped() = default;
  Shaped(const Shaped&) = delete;
  Shaped& operator=(const Shaped&) = delete;
  ~Shaped() {
    for (Run& run : runs) cairo_font_face_destroy(run.face);
  }
};

struct Key {
  std::string text;
  TextStyle style;
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  size_t operator()(const Key& k) const {
    size_t h = std::hash<std::string>()(k.text);
    h = h * 31 + std::hash<double>()(k.style.size);
    return h * 4 + (k.style.bold ? 2 : 0) + (k.style.mono ? 1 : 0);
  }
};

// Characters that shape like Latin text on their own: printable ASCII,
// Latin-1 and Latin Extended-A, dashes, quotes, bullets, primes and arrows
// (the "–" of "HE0–HE3", the "·" and "—" of table and diagram titles).
// Controls, the soft hyphen, zero-width and direction marks, other scripts
// and combining marks are left to Pango's itemisation.
bool is_plain(gunichar c) {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x17f && c != 0xad) || (c >= 0x2010 && c <= 0x2027) ||
         (c >= 0x2030 && c <= 0x205e) || (c >= 0x2190 && c <= 0x21ff);
}

// One line of plain characters: shaped without Pango's layout machinery
// (see Impl::shape_simple), if the style's font has every character.
bool is_simple(const std::string& text) {
  if (text.empty() || !g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return false;
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p))
    if (!is_plain(g_utf8_get_char(p))) return false;
  return true;
}

bool font_covers(PangoFont* font, const std::string& text) {
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c > 0x7e && !pango_font_has_char(font, c)) return false;
  }
  return true;
}

// Adds the glyphs Pango shaped with `font`, the run's left edge at x and its
// baseline at `baseline` (Pango units from the layout's top-left).
void add_run(Shaped& shaped, PangoFont* font, const PangoGlyphString* glyphs, int x, int baseline) {
  cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (!scaled) return;
  Run& run = shaped.runs.emplace_back();
  run.face = cairo_font_face_reference(cairo_scaled_font_get_font_face(scaled));
  cairo_scaled_font_get_font_matrix(scaled, &run.matrix);
  run.glyphs.reserve(size_t(glyphs->num_glyphs));
  for (int i = 0; i < glyphs->num_glyphs; ++i) {
    const PangoGlyphInfo& info = glyphs->glyphs[i];
    if (info.glyph != PANGO_GLYPH_EMPTY) {
      // A character no DejaVu face has: draw the font's "missing" box (glyph 0).
      unsigned long index = (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : info.glyph;
      run.glyphs.push_back({index, from_pango(x + info.geometry.x_offset), from_pango(baseline + info.geometry.y_offset)});
    }
    x += info.geometry.width;
  }
}

}  // namespace

struct TextEngine::Impl {
  std::mutex mutex;  // guards everything below: Pango and fontconfig objects are not thread-safe
  FcConfig* config = nullptr;
  PangoFontMap* map = nullptr;
  PangoContext* context = nullptr;
  cairo_font_options_t* options = nullptr;
  std::unordered_map<Key, std::shared_ptr<const Shaped>, KeyHash> cache;
  std::unordered_map<Key, PangoFont*, KeyHash> fonts;  // by style, with empty text

  ~Impl() {
    cache.clear();
    for (auto& [key, font] : fonts) g_object_unref(font);
    if (context) g_object_unref(context);
    if (map) g_object_unref(map);
    if (options) cairo_font_options_destroy(options);
    if (config) FcConfigDestroy(config);
  }

  static PangoFontDescription* describe(const TextStyle& style) {
    if (!(style.size > 0) || !std::isfinite(style.size))
      throw std::invalid_argument("text size must be a positive number, not " + std::to_string(style.size));
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family_static(desc, style.mono ? "DejaVu Sans Mono" : "DejaVu Sans");
    pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    // Absolute size is in device units, which with resolution 72 and an
    // identity matrix are canvas units.
    pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
    return desc;
  }

  std::shared_ptr<const Shaped> shape(const std::string& utf8, const TextStyle& style);
  std::shared_ptr<const Shaped> shape_simple(const std::string& plain, const TextStyle& style);
  std::shared_ptr<const Shaped> get(const std::string& utf8, const TextStyle& style) {
    std::lock_guard lock(mutex);
    Key key{utf8, style};
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= kMaxCached) cache.clear();
    auto shaped = is_simple(utf8) ? shape_simple(utf8, style) : shape(utf8, style);
    cache.emplace(std::move(key), shaped);
    return shaped;
  }

  // The font a style resolves to, loaded once and kept.
  PangoFont* font_for(const TextStyle& style) {
    Key key{"", style};
    if (auto it = fonts.find(key); it != fonts.end()) return it->second;
    PangoFontDescription* desc = describe(style);
    PangoFont* font = pango_font_map_load_font(map, context, desc);
    pango_font_description_free(desc);
    if (!font) throw std::runtime_error("no font for the requested text style");
    fonts.emplace(std::move(key), font);
    return font;
  }
};

std::shared_ptr<const Shaped> TextEngine::Impl::shape(const std::string& utf8, const TextStyle& style) {
  PangoFontDescription* desc = describe(style);
  PangoLayout* layout = pango_layout_new(context);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  // Pango rejects malformed UTF-8; show replacement characters instead.
  if (g_utf8_validate(utf8.data(), static_cast<gssize>(utf8.size()), nullptr)) {
    pango_layout_set_text(layout, utf8.data(), static_cast<int>(utf8.size()));
  } else {
    gchar* valid = g_utf8_make_valid(utf8.data(), static_cast<gssize>(utf8.size()));
    pango_layout_set_text(layout, valid, -1);
    g_free(valid);
  }

  auto shaped = std::make_shared<Shaped>();
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  shaped->size = {from_pango(logical.width), from_pango(logical.height), from_pango(pango_layout_get_baseline(layout))};

  // Keep the positioned glyphs so draw() needs only cairo (no lock, no Pango).
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (!run) continue;  // end of a line
    PangoRectangle extents;
    pango_layout_iter_get_run_extents(iter, nullptr, &extents);
    add_run(*shaped, run->item->analysis.font, run->glyphs, extents.x, pango_layout_iter_get_baseline(iter));
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  g_object_unref(layout);
  return shaped;
}

// A third of the cost of a full layout, which mostly goes to itemisation and
// font selection. For one line of plain characters that the style's own font
// has, those are known in advance: one item, that font, left to right. The
// extents are then those Pango gives a one-run line: the advance width, and
// the font's ascent plus descent. A test checks both paths agree.
std::shared_ptr<const Shaped> TextEngine::Impl::shape_simple(const std::string& plain, const TextStyle& style) {
  PangoFont* font = font_for(style);
  if (!font_covers(font, plain)) return shape(plain, style);  // Pango picks a fallback font
  PangoAnalysis analysis{};
  analysis.font = font;
  analysis.language = pango_context_get_language(context);
  analysis.script = PANGO_SCRIPT_LATIN;
  analysis.gravity = PANGO_GRAVITY_SOUTH;
  PangoGlyphString* glyphs = pango_glyph_string_new();
  int length = static_cast<int>(plain.size());
  pango_shape_with_flags(plain.data(), length, plain.data(), length, &analysis, glyphs, PANGO_SHAPE_NONE);
  // The logical extents Pango would give, without its per-glyph extents
  // (each a glyph load that drawing repeats): every glyph's logical box is
  // the font's ascent and descent, and the advances add up to the width.
  hb_font_extents_t metrics;
  hb_font_get_h_extents(pango_font_get_hb_font(font), &metrics);
  int width = 0;
  for (int i = 0; i < glyphs->num_glyphs; ++i) width += glyphs->glyphs[i].geometry.width;
  auto shaped = std::make_shared<Shaped>();
  shaped->size = {from_pango(width), from_pango(metrics.ascender - metrics.descender), from_pango(metrics.ascender)};
  add_run(*shaped, font, glyphs, 0, metrics.ascender);
  pango_glyph_string_free(glyphs);
  return shaped;
}

TextEngine& TextEngine::instance() {
  static TextEngine engine;
  return engine;
}

TextEngine::TextEngine(const std::string& font_dir) : impl_(std::make_unique<Impl>()) {
  std::string missing;
  for (const char* file : kFontFiles) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(font_dir + "/" + file, ec)) missing += " " + font_dir + "/" + file;
  }
  if (!missing.empty())
    throw std::runtime_error("missing font files:" + missing +
                             "; wirebook draws text with the DejaVu fonts: install Debian's fonts-dejavu-core package "
                             "(apt-get install fonts-dejavu-core)");

  // A private configuration knowing only our four files: no other installed
  // font can be picked, and nothing is read from /etc/fonts.
  impl_->config = FcConfigCreate();
  std::vector<std::string> paths;
  for (const char* file : kFontFiles) paths.push_back(font_dir + "/" + file);
  if (!add_fonts(impl_->config, paths, user_cache_dir()))
    throw std::runtime_error("cannot load the fonts in " + font_dir + "; reinstall fonts-dejavu-core");
  // Also make it fontconfig's current configuration. Otherwise the first
  // FcInit (Pango calls it when creating a font map) parses the system
  // configuration and font caches, 5-30 ms at start-up for nothing.
  FcConfigSetCurrent(impl_->config);

  impl_->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  if (!impl_->map) throw std::runtime_error("Pango has no FreeType font map");
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(impl_->map), impl_->config);
  // No ligatures: a diagram's words are names to read and copy letter for
  // letter, and a PDF reader would give "oﬀ" for the one glyph of "ff".
  pango_fc_font_map_set_default_substitute(
      PANGO_FC_FONT_MAP(impl_->map),
      [](FcPattern* pattern, gpointer) {
        FcPatternAddString(pattern, FC_FONT_FEATURES, reinterpret_cast<const FcChar8*>("liga=0"));
        FcPatternAddString(pattern, FC_FONT_FEATURES, reinterpret_cast<const FcChar8*>("clig=0"));
      },
      nullptr, nullptr);
  impl_->context = pango_font_map_create_context(impl_->map);

  // Resolution independence: no hinting (outlines and advances are not
  // snapped to a pixel grid that differs between PNG scales and vectors),
  // unrounded positions, and 72 dpi so that sizes are in canvas units.
  impl_->options = cairo_font_options_create();
  cairo_font_options_set_hint_style(impl_->options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(impl_->options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(impl_->options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(impl_->context, impl_->options);
  pango_cairo_context_set_resolution(impl_->context, 72);
  pango_context_set_round_glyph_positions(impl_->context, FALSE);
  // Fixed language and direction rather than ones taken from the environment.
  pango_context_set_language(impl_->context, pango_language_from_string("en"));
  pango_context_set_base_dir(impl_->context, PANGO_DIRECTION_LTR);
}

TextEngine::~TextEngine() = default;

TextSize TextEngine::measure(const std::string& utf8, const TextStyle& style) { return impl_->get(utf8, style)->size; }

void TextEngine::draw(cairo_t* cr, double x, double y_top, const std::string& utf8, const TextStyle& style) {
  Batch one(*this);
  one.add(x, y_top, utf8, style);
  one.draw(cr);
}

InkBox TextEngine::ink(const std::string& utf8, const TextStyle& style) {
  auto shaped = impl_->get(utf8, style);
  std::lock_guard lock(impl_->mutex);
  if (shaped->ink) return *shaped->ink;
  std::optional<InkBox> box;
  cairo_matrix_t identity;
  cairo_matrix_init_identity(&identity);
  for (const Run& run : shaped->runs) {
    if (run.glyphs.empty()) continue;
    cairo_scaled_font_t* font = cairo_scaled_font_create(run.face, &run.matrix, &identity, impl_->options);
    cairo_text_extents_t e;
    cairo_scaled_font_glyph_extents(font, run.glyphs.data(), static_cast<int>(run.glyphs.size()), &e);
    cairo_scaled_font_destroy(font);
    if (e.width <= 0 || e.height <= 0) continue;  // only spaces
    // Bearings count from the first glyph's origin.
    double x = run.glyphs[0].x + e.x_bearing, y = run.glyphs[0].y + e.y_bearing;
    InkBox r{x, y, x + e.width, y + e.height};
    if (!box) box = r;
    box->left = std::min(box->left, r.left), box->top = std::min(box->top, r.top);
    box->right = std::max(box->right, r.right), box->bottom = std::max(box->bottom, r.bottom);
  }
  shaped->ink = box.value_or(InkBox{});
  return *shaped->ink;
}

void TextEngine::Batch::add(double x, double y_top, const std::string& utf8, const TextStyle& style) {
  auto shaped = engine_.impl_->get(utf8, style);
  for (const Run& run : shaped->runs) {
    auto same = [&](const Font& f) {
      return f.face == run.face && std::memcmp(&f.matrix, &run.matrix, sizeof run.matrix) == 0;
    };
    auto it = std::find_if(fonts_.begin(), fonts_.end(), same);
    if (it == fonts_.end()) it = fonts_.insert(fonts_.end(), Font{run.face, run.matrix, {}});
    for (cairo_glyph_t g : run.glyphs) it->glyphs.push_back({g.index, g.x + x, g.y + y_top});
  }
  shaped_.push_back(std::move(shaped));
}

void TextEngine::Batch::draw(cairo_t* cr) {
  cairo_save(cr);
  cairo_set_font_options(cr, engine_.impl_->options);
  for (const Font& f : fonts_) {
    cairo_set_font_face(cr, f.face);
    cairo_set_font_matrix(cr, &f.matrix);
    cairo_show_glyphs(cr, f.glyphs.data(), static_cast<int>(f.glyphs.size()));
  }
  cairo_restore(cr);
  fonts_.clear();
  shaped_.clear();
}

std::string TextEngine::font_file(const TextStyle& style) {
  std::lock_guard lock(impl_->mutex);
  PangoFont* font = impl_->font_for(style);
  FcChar8* file = nullptr;
  if (FcPatternGetString(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_FILE, 0, &file) != FcResultMatch) return "";
  return original_font_file(reinterpret_cast<const char*>(file));
}

std::string TextEngine::font_family(const TextStyle& style) {
  std::lock_guard lock(impl_->mutex);
  PangoFontDescription* desc = pango_font_describe(impl_->font_for(style));
  std::string result = pango_font_description_get_family(desc) ? pango_font_description_get_family(desc) : "";
  pango_font_description_free(desc);
  return result;
}

}  // namespace wb::draw

// Tests of the drawing backend: colours, fonts, the PNG encoder, canvases.
#include <catch2/catch.hpp>

#include <atomic>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <thread>

#include "draw/canvas.h"
#include "draw/color.h"
#include "draw/deflate.h"
#include "draw/fonts.h"
#include "draw/png.h"
#include "draw/svg_ids.h"
#include "draw/svg_layers.h"
#include "pixels.h"
#include "support.h"

using namespace wb::draw;
using wbtest::decode_png;
using wbtest::pixel;

namespace {

uint32_t be32(const std::string& s, size_t at) {
  auto b = [&](size_t i) { return uint32_t(uint8_t(s[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

// Chunk types in order, checking each CRC on the way.
std::vector<std::string> png_chunks(const std::string& png) {
  REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n", 8) == 0);
  std::vector<std::string> types;
  for (size_t at = 8; at < png.size();) {
    uint32_t len = be32(png, at);
    REQUIRE(at + 12 + len <= png.size());
    uLong crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + at + 4), len + 4);
    CHECK(crc == be32(png, at + 8 + len));
    types.push_back(png.substr(at + 4, 4));
    at += 12 + len;
  }
  return types;
}

// Every pixel's RGB equal (the padding byte of RGB24 is not compared).
bool same_pixels(cairo_surface_t* a, cairo_surface_t* b) {
  int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) return false;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (pixel(a, x, y) != pixel(b, x, y)) return false;
  return true;
}

// Shapes, strokes, a gradient-free but antialiased mix, and text in all three styles.
void draw_scene(Canvas& canvas) {
  canvas.fill_background(Color::hex("#fafafa"));
  cairo_t* cr = canvas.cr();
  set_source(cr, Color::hex("#2e7d32"));
  cairo_rectangle(cr, 20, 20, 200, 120);
  cairo_fill(cr);
  set_source(cr, Color::hex("#1565c0"));
  cairo_set_line_width(cr, 1.5);
  for (int i = 0; i < 10; ++i) {
    cairo_move_to(cr, 230, 25 + i * 11);
    cairo_line_to(cr, 300, 30 + i * 13);
  }
  cairo_stroke(cr);
  cairo_arc(cr, 60, 60, 12, 0, 6.2832);
  set_source(cr, Color{1, 0.5, 0, 0.6});
  cairo_fill(cr);
  auto& text = TextEngine::instance();
  set_source(cr, Color::hex("#000000"));
  text.draw(cr, 30, 30, "GPIO12 PWM", {10, false, false});
  text.draw(cr, 30, 50, "VCC 3.3V", {12, true, false});
  text.draw(cr, 30, 70, "PA9 / TX1", {9, false, true});
  text.draw(cr, 30, 90, "µ±°Ω → ✓", {10, false, false});
}

std::string render_scene(Format format, double scale = 1.0) {
  Canvas canvas(format, 320, 160, scale);
  draw_scene(canvas);
  return canvas.finish();
}

}  // namespace

TEST_CASE("contrast ratio follows WCAG", "[draw]") {
  CHECK(contrast_ratio(Color::hex("#000000"), Color::hex("#ffffff")) == Approx(21.0));
  CHECK(contrast_ratio(Color::hex("#ffffff"), Color::hex("#000000")) == Approx(21.0));
  CHECK(contrast_ratio(Color::hex("#777777"), Color::hex("#ffffff")) == Approx(4.48).margin(0.005));
  CHECK(contrast_ratio(Color::hex("#336699"), Color::hex("#336699")) == Approx(1.0));
  CHECK(relative_luminance(Color::hex("#ffffff")) == Approx(1.0));
  CHECK(relative_luminance(Color::hex("#ff0000")) == Approx(0.2126));
}

TEST_CASE("colours parse and print as hex", "[draw]") {
  Color c = Color::hex("#1A2b3C");
  CHECK(c.r == Approx(0x1a / 255.0));
  CHECK(c.hex() == "#1a2b3c");
  CHECK(Color::hex("#abc").hex() == "#aabbcc");
  CHECK(Color::hex("#11223380").hex() == "#11223380");
  CHECK(Color::hex("#112233").a == 1.0);
  CHECK_FALSE(Color::parse("112233"));
  CHECK_FALSE(Color::parse("#12345"));
  CHECK_FALSE(Color::parse("#12345g"));
  CHECK_THROWS_WITH(Color::hex("red"), Catch::Contains("red"));
}

TEST_CASE("colour-vision simulation keeps greys and merges red with green", "[draw]") {
  for (Vision v : {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia}) {
    for (const char* grey : {"#000000", "#777777", "#bdbdbd", "#ffffff"}) {
      Color g = Color::hex(grey);
      Color s = simulate(g, v);
      CHECK(s.hex() == g.hex());
      CHECK(delta_e(g, s) < 0.01);
    }
  }
  Color red = Color::hex("#d32f2f"), green = Color::hex("#388e3c");
  double normal = delta_e(red, green);
  CHECK(delta_e(simulate(red, Vision::Deuteranopia), simulate(green, Vision::Deuteranopia)) < normal / 2);
  CHECK(delta_e(simulate(red, Vision::Protanopia), simulate(green, Vision::Protanopia)) < normal / 2);
  CHECK(simulate(Color{1, 0, 0, 0.5}, Vision::Protanopia).a == 0.5);
  // Machado's protanopia matrix maps linear red (1,0,0) to its first column.
  Color p = simulate(Color::hex("#ff0000"), Vision::Protanopia);
  CHECK(relative_luminance(p) == Approx(0.2126 * 0.152286 + 0.7152 * 0.114503).margin(1e-6));
}

TEST_CASE("CIEDE2000 matches reference values", "[draw]") {
  CHECK(delta_e(Color::hex("#336699"), Color::hex("#336699")) == 0.0);
  CHECK(delta_e(Color::hex("#000000"), Color::hex("#ffffff")) == Approx(100.0).margin(1e-6));
  Lab white = to_lab(Color::hex("#ffffff"));
  CHECK(white.l == Approx(100.0));
  CHECK(white.a == Approx(0.0).margin(1e-9));
  CHECK(white.b == Approx(0.0).margin(1e-9));
  // Pairs from Sharma, Wu & Dalal's test data.
  CHECK(delta_e(Lab{50, 2.6772, -79.7751}, Lab{50, 0, -82.7485}) == Approx(2.0425).margin(1e-4));
  CHECK(delta_e(Lab{50, 0, 0}, Lab{50, -1, 2}) == Approx(2.3669).margin(1e-4));
  CHECK(delta_e(Lab{50, 2.5, 0}, Lab{73, 25, -18}) == Approx(27.1492).margin(1e-4));
  CHECK(delta_e(Lab{60.2574, -34.0099, 36.2677}, Lab{60.4626, -34.1751, 39.4387}) == Approx(1.2644).margin(1e-4));
  CHECK(delta_e(Lab{22.7233, 20.0904, -46.6940}, Lab{23.0331, 14.9730, -42.5619}) == Approx(2.0373).margin(1e-4));
  CHECK(delta_e(Lab{2.0776, 0.0795, -1.1350}, Lab{0.9033, -0.0636, -0.5514}) == Approx(0.9082).margin(1e-4));
}

TEST_CASE("the text engine loads only the DejaVu files", "[draw]") {
  auto& text = TextEngine::instance();
  CHECK(text.font_family({10, false, false}) == "DejaVu Sans");
  CHECK(text.font_family({10, true, false}) == "DejaVu Sans");
  CHECK(text.font_family({10, false, true}) == "DejaVu Sans Mono");
  std::string dir = std::string(kDejaVuDir) + "/";
  CHECK(text.font_file({10, false, false}) == dir + "DejaVuSans.ttf");
  CHECK(text.font_file({10, true, false}) == dir + "DejaVuSans-Bold.ttf");
  CHECK(text.font_file({10, false, true}) == dir + "DejaVuSansMono.ttf");
  CHECK(text.font_file({10, true, true}) == dir + "DejaVuSansMono-Bold.ttf");
}

TEST_CASE("missing fonts name the Debian package", "[draw]") {
  CHECK_THROWS_WITH(TextEngine("/nonexistent/fonts"), Catch::Contains("fonts-dejavu-core"));
}

TEST_CASE("text measures consistently", "[draw]") {
  auto& text = TextEngine::instance();
  TextStyle regular{10, false, false}, bold{10, true, false}, mono{10, false, true};
  TextSize a = text.measure("GPIO", regular), b = text.measure("GPIO12", regular);
  CHECK(b.width > a.width);
  CHECK(a.height == b.height);
  CHECK(a.baseline > 0);
  CHECK(a.baseline < a.height);
  CHECK(text.measure("GPIO12", bold).width > b.width);
  CHECK(text.measure("iiii", mono).width == Approx(text.measure("MMMM", mono).width));
  CHECK(text.measure("GPIO12", {20, false, false}).width == Approx(2 * b.width).epsilon(1e-6));
  CHECK(text.measure("a\nb", regular).height == Approx(2 * text.measure("a", regular).height).epsilon(0.01));
  // Cached and format-independent: creating canvases changes nothing.
  for (Format f : {Format::Png, Format::Svg, Format::Pdf}) {
    Canvas canvas(f, 100, 40, 2);
    text.draw(canvas.cr(), 0, 0, "GPIO12", regular);
    canvas.finish();
    TextSize again = text.measure("GPIO12", regular);
    CHECK(again.width == b.width);
    CHECK(again.height == b.height);
  }
  CHECK_THROWS_AS(text.measure("x", {0, false, false}), std::invalid_argument);
  CHECK(text.measure("bad \xff utf8", regular).width > 0);
}

TEST_CASE("one-line plain-text shaping agrees with Pango's full layout", "[draw]") {
  // Text with a line break goes through a full PangoLayout, one line of
  // plain characters through the shortcut; the first line of "s\ns" must
  // match "s". Some samples hold characters the shortcut leaves to Pango.
  auto& text = TextEngine::instance();
  const char* samples[] = {"GPIO12", "PA9 / TX1", "AVAV To Wa yT", "i", " x ", "{[(|)]}~@#$%^&*", "1234567890",
                           "fi ffi fl", "DRIVER0\u2013DRIVER7", "J26 \u00b7 UART2", "Octopus Pro \u2014 pin diagram",
                           "\u2013", "\u00b124 V \u2192 5 V", "100 \u00b0C \u2026", "\u201cQuoted\u201d \u2022 caf\u00e9",
                           "\u0141\u00f3d\u017a", "\u03a9 \u00d7 2", "sof\u00adt", "a\u0301", "\u4e2d\u6587"};
  for (TextStyle style : {TextStyle{10, false, false}, TextStyle{10, true, false}, TextStyle{9, false, true},
                          TextStyle{7.5, true, true}, TextStyle{31, false, false}}) {
    for (std::string s : samples) {
      INFO(s << " size " << style.size << (style.bold ? " bold" : "") << (style.mono ? " mono" : ""));
      TextSize one = text.measure(s, style), two = text.measure(s + "\n" + s, style);
      CHECK(two.width == one.width);
      CHECK(two.baseline == one.baseline);
      CHECK(two.height == Approx(2 * one.height).epsilon(1e-9));

      auto render = [&](const std::string& t) {
        Canvas canvas(Format::Png, one.width + 20, 2 * one.height + 20, 2);
        set_source(canvas.cr(), Color::hex("#000000"));
        text.draw(canvas.cr(), 10.3, 10.6, t, style);
        return decode_png(canvas.finish());
      };
      cairo_surface_t* a = render(s);
      cairo_surface_t* b = render(s + "\n" + s);
      int rows = static_cast<int>((10.6 + one.height) * 2);
      bool same = true;
      for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cairo_image_surface_get_width(a); ++x) same = same && pixel(a, x, y) == pixel(b, x, y);
      CHECK(same);
      cairo_surface_destroy(a);
      cairo_surface_destroy(b);
    }
  }
}

TEST_CASE("drawn text covers its measured box at every PNG scale", "[draw]") {
  auto& text = TextEngine::instance();
  TextStyle style{20, false, false};
  TextSize size = text.measure("HHHH", style);  // H has no side bearing to speak of
  for (double scale : {1.0, 2.0}) {
    Canvas canvas(Format::Png, 200, 60, scale);
    canvas.fill_background(Color::hex("#ffffff"));
    set_source(canvas.cr(), Color::hex("#000000"));
    text.draw(canvas.cr(), 10, 10, "HHHH", style);
    cairo_surface_t* img = decode_png(canvas.finish());
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    int left = w, right = -1, top = h, bottom = -1;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        if (pixel(img, x, y) != 0xffffff) {
          left = std::min(left, x), right = std::max(right, x);
          top = std::min(top, y), bottom = std::max(bottom, y);
        }
    cairo_surface_destroy(img);
    // Ink starts near x = 10 and ends within the advance width; the cap
    // height sits above the baseline.
    CHECK(left / scale == Approx(10 + 1.5).margin(1.5));
    CHECK((right + 1) / scale == Approx(10 + size.width - 1.5).margin(1.5));
    CHECK((bottom + 1) / scale == Approx(10 + size.baseline).margin(1.0));
    CHECK(top / scale > 10);
  }
}

TEST_CASE("PNG encoder output decodes to the same pixels", "[draw]") {
  // Tall enough for several strips, odd width, non-trivial content.
  for (auto [w, h] : {std::pair{1, 1}, std::pair{7, 3}, std::pair{701, 1900}}) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (int i = 0; i < 40; ++i) {
      cairo_set_source_rgb(cr, (i % 5) / 4.0, (i % 3) / 2.0, (i % 7) / 6.0);
      cairo_arc(cr, (i * 37) % w, (i * 53) % h, 3 + i % 20, 0, 6.2832);
      cairo_fill(cr);
    }
    cairo_destroy(cr);
    cairo_surface_flush(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    std::string one = encode_png(data, w, h, stride, 1);
    CHECK(encode_png(data, w, h, stride, 4) == one);  // independent of threads
    // Streamed a strip at a time, the same bytes, and every row asked for once
    // (plus the row above each strip, for the Up filter).
    for (unsigned threads : {1u, 3u}) {
      std::atomic<long> rows_filled{0};
      auto fill = [&](int y0, int y1, unsigned char* pixels, int pitch) {
        REQUIRE(0 <= y0);
        REQUIRE(y0 < y1);
        REQUIRE(y1 <= h);
        for (int y = y0; y < y1; ++y) std::memcpy(pixels + size_t(y - y0) * pitch, data + size_t(y) * stride, size_t(w) * 4);
        rows_filled += y1 - y0;
      };
      CHECK(encode_png_bands(w, h, fill, threads) == one);
      CHECK(rows_filled >= h);
      CHECK(rows_filled <= h + h / 50 + 1);
    }
    std::vector<std::string> types = png_chunks(one);
    CHECK(types.front() == "IHDR");
    CHECK(types.back() == "IEND");
    for (size_t i = 1; i + 1 < types.size(); ++i) CHECK(types[i] == "IDAT");
    cairo_surface_t* back = decode_png(one);
    CHECK(same_pixels(s, back));
    cairo_surface_destroy(back);
    cairo_surface_destroy(s);
  }
  CHECK_THROWS(encode_png(nullptr, 0, 10, 0));
}

TEST_CASE("PNG encoder handles runs of blank rows", "[draw]") {
  // Odd and tiny widths; bands of content between blank runs of many
  // lengths, some crossing strip boundaries.
  for (int w : {1, 2, 86, 87, 173, 1500}) {
    int h = 1200;
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (int y = 3, gap = 1; y < h; y += gap, gap = gap * 2 % 1021) {
      cairo_set_source_rgb(cr, (y % 7) / 7.0, 0.3, (y % 3) / 3.0);
      cairo_rectangle(cr, y % w, y, 1 + w / 3, 1 + y % 3);
      cairo_fill(cr);
      y += 1 + y % 3;
    }
    cairo_destroy(cr);
    cairo_surface_flush(s);
    std::string png = encode_png(cairo_image_surface_get_data(s), w, h, cairo_image_surface_get_stride(s), 2);
    cairo_surface_t* back = decode_png(png);
    CHECK(same_pixels(s, back));
    cairo_surface_destroy(back);
    cairo_surface_destroy(s);
  }
  // Entirely blank.
  std::vector<uint32_t> white(64 * 50, 0xffffffff);
  cairo_surface_t* back = decode_png(encode_png(reinterpret_cast<unsigned char*>(white.data()), 64, 50, 64 * 4));
  CHECK(pixel(back, 63, 49) == 0xffffff);
  cairo_surface_destroy(back);
}

namespace {

// Compresses `data` with RunDeflater, in pieces of `piece` bytes, and inflates it back with zlib.
std::string round_trip(const std::string& data, size_t piece, uint32_t* adler = nullptr) {
  std::string out;
  size_t end = 0;
  RunDeflater deflater;
  deflater.reset(&out, &end);
  for (size_t at = 0; at < data.size(); at += piece)
    deflater.write(reinterpret_cast<const uint8_t*>(data.data() + at), std::min(piece, data.size() - at));
  deflater.finish(true);
  out.resize(end);
  if (adler) *adler = deflater.adler();
  std::string got(data.size() + 64, 'x');
  z_stream z{};
  REQUIRE(inflateInit2(&z, -15) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(out.data());
  z.avail_in = static_cast<uInt>(out.size());
  z.next_out = reinterpret_cast<Bytef*>(got.data());
  z.avail_out = static_cast<uInt>(got.size());
  int status = inflate(&z, Z_FINISH);
  CHECK(status == Z_STREAM_END);
  CHECK(z.avail_in == 0);
  got.resize(got.size() - z.avail_out);
  inflateEnd(&z);
  return got;
}

}  // namespace

TEST_CASE("RunDeflater output inflates to its input", "[draw]") {
  uint32_t seed = 12345;
  auto rnd = [&] { return seed = seed * 1103515245u + 12345u, seed >> 16; };
  std::vector<std::string> inputs = {"", "a", "aa", "aaa", std::string(1, '\0'), std::string(1000, '\0'),
                                     std::string(259, 'z'), std::string(260, 'z'), std::string(261, 'z')};
  std::string random, runs, pixels, skewed;
  for (int i = 0; i < 300000; ++i) random += char(rnd());
  for (int i = 0; i < 3000; ++i) runs += std::string(rnd() % 600, char(rnd() % 4));
  for (int i = 0; i < 20000; ++i) {
    std::string px{char(rnd() % 3), char(rnd()), char(0)};
    for (unsigned k = rnd() % 12; k-- > 0;) pixels += px;
  }
  // Fibonacci frequencies, in an order that allows no copies: an optimal
  // Huffman code would need 20 bits, over deflate's limit of 15.
  std::vector<int> left;
  for (int sym = 0, count = 1, prev = 1; sym < 20; ++sym, std::swap(count, prev), count += prev) left.push_back(count);
  for (;;) {
    int best = -1;
    size_t n = skewed.size();
    for (int sym = 0; sym < int(left.size()); ++sym)
      if (left[sym] && !(n >= 1 && skewed[n - 1] == char(sym)) && !(n >= 3 && skewed[n - 3] == char(sym)) &&
          (best < 0 || left[sym] > left[best]))
        best = sym;
    for (int sym = 0; best < 0 && sym < int(left.size()); ++sym)
      if (left[sym]) best = sym;
    if (best < 0) break;
    skewed += char(best);
    left[best]--;
  }
  // Words repeated at all distances, near and beyond the 32 KB window.
  std::string words;
  std::vector<std::string> vocabulary(50);
  for (auto& w : vocabulary)
    for (unsigned k = 4 + rnd() % 20; k-- > 0;) w += char(rnd());
  while (words.size() < 200000) words += vocabulary[rnd() % 50] + char(rnd());
  for (auto* s : {&random, &runs, &pixels, &skewed, &words}) inputs.push_back(*s);
  for (const std::string& input : inputs) {
    INFO("input of " << input.size() << " bytes");
    for (size_t piece : {size_t(1) << 30, size_t(9601), size_t(7)}) {
      uint32_t adler = 0;
      CHECK(round_trip(input, piece, &adler) == input);
      CHECK(adler == adler32(1, reinterpret_cast<const Bytef*>(input.data()), static_cast<uInt>(input.size())));
    }
  }
  // Runs and repeated pixels compress well.
  std::string out;
  size_t end = 0;
  RunDeflater deflater;
  deflater.reset(&out, &end);
  deflater.write(reinterpret_cast<const uint8_t*>(pixels.data()), pixels.size());
  deflater.finish(true);
  CHECK(end < pixels.size() / 4);
}

TEST_CASE("PNG canvas size, scale and background", "[draw]") {
  Canvas blank(Format::Png, 10.5, 4, 2);
  cairo_surface_t* img = decode_png(blank.finish());
  CHECK(cairo_image_surface_get_width(img) == 21);
  CHECK(cairo_image_surface_get_height(img) == 8);
  CHECK(pixel(img, 0, 0) == 0xffffff);  // starts white, not black
  cairo_surface_destroy(img);

  Canvas filled(Format::Png, 10, 10);
  filled.fill_background(Color::hex("#102030"));
  set_source(filled.cr(), Color::hex("#ff0000"));
  cairo_rectangle(filled.cr(), 5, 5, 5, 5);
  cairo_fill(filled.cr());
  img = decode_png(filled.finish());
  CHECK(pixel(img, 0, 0) == 0x102030);
  CHECK(pixel(img, 9, 9) == 0xff0000);
  cairo_surface_destroy(img);
  CHECK_THROWS(filled.finish());
}

TEST_CASE("output is byte-identical across repeated and parallel renders", "[draw]") {
  for (Format f : {Format::Png, Format::Svg, Format::Pdf}) {
    INFO(extension(f));
    std::string first = render_scene(f, 2);
    CHECK(render_scene(f, 2) == first);
    std::string a, b;
    std::thread t1([&] { a = render_scene(f, 2); });
    std::thread t2([&] { b = render_scene(f, 2); });
    t1.join();
    t2.join();
    CHECK(a == first);
    CHECK(b == first);
  }
  std::string pdf = render_scene(Format::Pdf);
  CHECK(pdf.find("CreationDate") == std::string::npos);
  CHECK(pdf.find("ModDate") == std::string::npos);
  CHECK(pdf.find("/ID") == std::string::npos);
  std::string svg = render_scene(Format::Svg);
  CHECK(svg.find("id=\"surface1\"") != std::string::npos);
  std::string png = render_scene(Format::Png);
  for (const std::string& type : png_chunks(png)) CHECK(type != "tIME");
}

TEST_CASE("text is set without ligatures, so PDF readers copy it letter for letter", "[draw]") {
  Canvas canvas(Format::Pdf, 300, 40);
  cairo_set_source_rgb(canvas.cr(), 0, 0, 0);
  TextEngine::instance().draw(canvas.cr(), 5, 5, "off fit flash", {12, false, false});
  CHECK(wbtest::poppler("pdftotext -raw {} -", canvas.finish()) == "off fit flash\n\f");
}

TEST_CASE("PDF text stays extractable", "[draw]") {
  // cairo embeds the glyphs as font subsets with a ToUnicode map.
  std::string pdf = render_scene(Format::Pdf);
  CHECK(pdf.find("/ToUnicode") != std::string::npos);
  CHECK(pdf.find("DejaVuSans-Bold") != std::string::npos);
  CHECK(pdf.find("DejaVuSansMono") != std::string::npos);
}

TEST_CASE("SVG ids are renumbered by first appearance", "[draw]") {
  std::string in =
      "<g id=\"surface42\" clip-path=\"url(#clip7)\"><clipPath id=\"clip7\"/>"
      "<use xlink:href=\"#glyph0-1\"/><use xlink:href=\"#image12\"/><image id=\"image12\"/>"
      "<g id=\"surface9\"/><use xlink:href=\"#surface9\"/><g id=\"glyph0-1\"/><use xlink:href=\"#surface42\"/></g>";
  std::string want =
      "<g id=\"surface1\" clip-path=\"url(#clip1)\"><clipPath id=\"clip1\"/>"
      "<use xlink:href=\"#glyph0-1\"/><use xlink:href=\"#image1\"/><image id=\"image1\"/>"
      "<g id=\"surface2\"/><use xlink:href=\"#surface2\"/><g id=\"glyph0-1\"/><use xlink:href=\"#surface1\"/></g>";
  CHECK(renumber_svg_ids(in) == want);
  CHECK(renumber_svg_ids("<svg></svg>") == "<svg></svg>");
}

namespace {
// Draws on an SVG canvas of the given size: a white background and a framed
// box when `shapes`, a line of text when `text`.
std::string svg_of(bool shapes, bool text, double width = 200) {
  Canvas canvas(Format::Svg, width, 80);
  if (shapes) {
    canvas.fill_background(Color::hex("#ffffff"));
    cairo_rectangle(canvas.cr(), 10, 10, 120, 40);
    set_source(canvas.cr(), Color::hex("#1565c0"));
    cairo_fill_preserve(canvas.cr());
    set_source(canvas.cr(), Color::hex("#263238"));
    cairo_stroke(canvas.cr());
  }
  if (text) {
    set_source(canvas.cr(), Color::hex("#000000"));
    TextEngine::instance().draw(canvas.cr(), 14, 16, "HE0 PA0", {9.5, true, false});
  }
  return canvas.finish();
}
}  // namespace

TEST_CASE("two SVG layers stack into the document drawn whole", "[draw]") {
  std::string below = svg_of(true, false), above = svg_of(false, true), whole = svg_of(true, true);
  REQUIRE(above.find("<defs>") != std::string::npos);  // the glyphs
  auto stacked = stack_svg_layers(below, above);
  REQUIRE(stacked);
  CHECK(*stacked == whole);
  // Nothing drawn above: the lower layer alone.
  CHECK(stack_svg_layers(below, svg_of(false, false)) == below);
}

TEST_CASE("SVG layers that cannot be stacked are refused", "[draw]") {
  std::string below = svg_of(true, false), above = svg_of(false, true);
  CHECK_FALSE(stack_svg_layers(above, below));                  // definitions in the lower layer
  CHECK_FALSE(stack_svg_layers(below, svg_of(false, true, 300)));  // canvases of other sizes
  CHECK_FALSE(stack_svg_layers(below, "<svg/>"));
  CHECK_FALSE(stack_svg_layers(below, above.substr(0, above.size() - 3)));  // cut short
  CHECK_FALSE(stack_svg_layers("", ""));
}

TEST_CASE("formats parse from their extensions", "[draw]") {
  for (Format f : {Format::Png, Format::Svg, Format::Pdf}) CHECK(parse_format(extension(f)) == f);
  CHECK_FALSE(parse_format("jpeg"));
  CHECK_FALSE(parse_format("PNG"));
}

TEST_CASE("files are written atomically", "[draw]") {
  namespace fs = std::filesystem;
  std::string dir = wbtest::temp_dir();
  std::string path = dir + "/out.svg", error;
  REQUIRE(write_file_atomically(path, "first", &error));
  REQUIRE(write_file_atomically(path, "second", &error));
  CHECK(wbtest::read_file(path) == "second");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  CHECK((fs::status(path).permissions() & fs::perms::others_read) != fs::perms::none);
  CHECK_FALSE(write_file_atomically(dir + "/missing/out.svg", "x", &error));
  CHECK_THAT(error, Catch::Contains("missing"));
}

TEST_CASE("the text engine is safe to use from several threads", "[draw]") {
  auto& text = TextEngine::instance();
  std::vector<double> widths(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      double sum = 0;
      for (int i = 0; i < 200; ++i) sum += text.measure("pin " + std::to_string(i), {9.0 + t % 2, t % 3 == 0, false}).width;
      widths[t] = sum;
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) {
    double want = 0;
    for (int i = 0; i < 200; ++i) want += text.measure("pin " + std::to_string(i), {9.0 + t % 2, t % 3 == 0, false}).width;
    CHECK(widths[t] == want);
  }
}

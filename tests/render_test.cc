// How scene::render turns shapes into cairo paths.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <cmath>
#include <string>

#include "scene/render.h"
#include "scene/scene.h"
#include "pixels.h"

using namespace wb;
using namespace wb::scene;

namespace {
size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("a dashed circle is four curves in vector output, and round in pixels", "[draw]") {
  // Vector canvases flatten strokes coarsely (only to find their extents),
  // so circles must not be left to cairo_arc, which splits by that tolerance.
  Scene s(200, 200);
  s.background = Color::hex("#ffffff");
  s.circle(Role::Mark, "", {100, 100}, 10, std::nullopt, {Color::hex("#000000"), 1, {3, 2}});
  std::string svg = render(s, draw::Format::Svg);
  CHECK(count(svg, " C ") == 4);
  CHECK(svg.find("stroke-dasharray:3,2") != std::string::npos);

  // Through the four points where a circle of radius 10 about (100, 100)
  // meets its axes, starting at the rightmost.
  size_t d = svg.find(" d=\"M 110 100 C ");
  REQUIRE(d != std::string::npos);
  std::string path = svg.substr(d, svg.find('"', d + 4) - d);
  CHECK(path.find(" 100 110 C ") != std::string::npos);
  CHECK(path.find(" 90 100 C ") != std::string::npos);
  CHECK(path.find(" 100 90 C ") != std::string::npos);
  CHECK(path.find(" 110 100 Z") != std::string::npos);
}

TEST_CASE("a rounded box with a border looks like cairo's own fill and stroke of its outline", "[draw]") {
  // The renderer paints it as two nested boxes without curves; the pixels
  // must match the plain way of drawing it but for antialiasing.
  const Rect box{10.25, 8.5, 40, 22};
  const double radius = 4, width = 2;
  const Color fill = Color::hex("#ffd54f"), edge = Color::hex("#1a1a1a");
  Scene s(64, 40);
  s.rect(Role::Label, "box", box, fill, {edge, width}, radius);
  std::string svg = render(s, draw::Format::Svg);
  CHECK(count(svg, " C ") == 0);
  cairo_surface_t* drawn = wbtest::decode_png(render(s, draw::Format::Png, 2));

  cairo_surface_t* expected = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 128, 80);
  cairo_t* cr = cairo_create(expected);
  cairo_scale(cr, 2, 2);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_new_sub_path(cr);
  cairo_arc(cr, box.right() - radius, box.y + radius, radius, -M_PI / 2, 0);
  cairo_arc(cr, box.right() - radius, box.bottom() - radius, radius, 0, M_PI / 2);
  cairo_arc(cr, box.x + radius, box.bottom() - radius, radius, M_PI / 2, M_PI);
  cairo_arc(cr, box.x + radius, box.y + radius, radius, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, edge.r, edge.g, edge.b);
  cairo_set_line_width(cr, width);
  cairo_stroke(cr);
  cairo_destroy(cr);
  cairo_surface_flush(expected);

  REQUIRE(cairo_image_surface_get_width(drawn) == 128);
  REQUIRE(cairo_image_surface_get_height(drawn) == 80);
  int worst = 0, differing = 0;
  for (int y = 0; y < 80; ++y)
    for (int x = 0; x < 128; ++x) {
      int d = wbtest::channel_distance(wbtest::pixel(drawn, x, y), wbtest::pixel(expected, x, y));
      worst = std::max(worst, d);
      differing += d > 0;
    }
  CHECK(worst <= 48);       // edge pixels blend a little differently
  CHECK(differing < 200);   // and only edge pixels differ
  CHECK(wbtest::pixel(drawn, 60, 39) == 0xffd54f);  // the middle
  CHECK(wbtest::pixel(drawn, 60, 18) == 0x1a1a1a);  // on the top border
  CHECK(wbtest::pixel(drawn, 20, 16) == 0xffffff);  // outside the rounded corner
  cairo_surface_destroy(drawn);
  cairo_surface_destroy(expected);
}

TEST_CASE("lines of one colour and width in a row are one path, others stay apart", "[draw]") {
  Scene s(100, 100);
  const Stroke leader{Color::hex("#37474f"), 1.1};
  s.path(Role::Leader, "a", {{10, 10}, {90, 90}}, false, std::nullopt, leader);
  s.path(Role::Leader, "b", {{10, 90}, {40, 50}, {90, 10}}, false, std::nullopt, leader);
  s.path(Role::Leader, "c", {{10, 50}, {90, 50}}, false, std::nullopt, {Color::hex("#c62828"), 1.1});
  std::string svg = render(s, draw::Format::Svg);
  CHECK(count(svg, "<path") == 2);
  CHECK(svg.find("M 10 10 L 90 90 M 10 90 L 40 50 L 90 10") != std::string::npos);
  CHECK(svg.find("M 10 50 L 90 50") != std::string::npos);
  // The red line is drawn after the two grey ones, so it is on top.
  cairo_surface_t* png = wbtest::decode_png(render(s, draw::Format::Png, 4));
  CHECK(wbtest::pixel(png, 200, 200) == 0xc62828);
  CHECK(wbtest::pixel(png, 80, 80) == 0x37474f);
  CHECK(wbtest::pixel(png, 100, 280) == 0x37474f);
  cairo_surface_destroy(png);
}

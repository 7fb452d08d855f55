// Rows of evenly spaced dots, which the renderer strokes as dashed lines.
#include <catch2/catch.hpp>

#include <algorithm>

#include "scene/dot_rows.h"
#include "scene/render.h"
#include "scene/scene.h"
#include "pixels.h"

using namespace wb;
using namespace wb::scene;

namespace {
int dots_in(const std::vector<DotRow>& rows) {
  int n = 0;
  for (const auto& r : rows) n += r.count;
  return n;
}
}  // namespace

TEST_CASE("dot rows: a 2x5 header is two rows along its length", "[draw]") {
  std::vector<Point> centres;
  const double pitch = 2.54 * 7.3;  // millimetres times a diagram scale
  for (int n = 0; n < 10; ++n) centres.push_back({100 + (n / 2) * pitch, 50 + (n % 2) * pitch});
  auto rows = dot_rows(centres);
  REQUIRE(rows.size() == 2);
  CHECK(dots_in(rows) == 10);
  for (const auto& r : rows) {
    CHECK(r.count == 5);
    CHECK(r.step.x == Approx(pitch));
    CHECK(r.step.y == 0);
    CHECK(r.first.x == Approx(100));
  }
  CHECK(rows[0].first.y == Approx(50));
  CHECK(rows[1].first.y == Approx(50 + pitch));
}

TEST_CASE("dot rows: a gap splits a row, loners and diagonals stay single", "[draw]") {
  // x = 0, 10, 20, then 35, 45, 55 on one line; a column of three; a diagonal pair.
  std::vector<Point> centres{{0, 0},  {10, 0},   {20, 0},   {35, 0},   {45, 0},  {55, 0},
                             {200, 0}, {200, 7}, {200, 14}, {300, 300}, {310, 310}};
  auto rows = dot_rows(centres);
  CHECK(dots_in(rows) == static_cast<int>(centres.size()));
  auto find = [&](Point first) {
    return std::find_if(rows.begin(), rows.end(), [&](const DotRow& r) {
      return r.first.x == first.x && r.first.y == first.y;
    });
  };
  REQUIRE(find({0, 0}) != rows.end());
  CHECK(find({0, 0})->count == 3);
  REQUIRE(find({35, 0}) != rows.end());
  CHECK(find({35, 0})->count == 3);
  REQUIRE(find({200, 0}) != rows.end());
  CHECK(find({200, 0})->count == 3);
  CHECK(find({200, 0})->step.y == 7);
  REQUIRE(find({300, 300}) != rows.end());
  CHECK(find({300, 300})->count == 1);
  CHECK(find({310, 310})->count == 1);
}

TEST_CASE("dots drawn as a dashed row look like dots drawn one by one", "[draw]") {
  // Two rows of pins as a layout emits them, and the same dots in two
  // scenes that cannot form rows (each dot in a part of its own).
  Scene rows(120, 40), singles(120, 40);
  for (int n = 0; n < 12; ++n) {
    Point c{12 + (n % 6) * 17.5, 12 + (n / 6) * 15.25};
    rows.circle(Role::Pin, "J1", c, 4, Color::hex("#c62828"));
    singles.circle(Role::Pin, "J" + std::to_string(n), c, 4, Color::hex("#c62828"));
  }
  std::string svg = render(rows, draw::Format::Svg);
  CHECK(svg.find("stroke-dasharray:0,17.5") != std::string::npos);
  CHECK(render(singles, draw::Format::Svg).find("stroke-dasharray") == std::string::npos);
  for (double scale : {1.0, 2.0}) {
    cairo_surface_t* a = wbtest::decode_png(render(rows, draw::Format::Png, scale));
    cairo_surface_t* b = wbtest::decode_png(render(singles, draw::Format::Png, scale));
    int worst = 0;
    for (int y = 0; y < cairo_image_surface_get_height(a); ++y)
      for (int x = 0; x < cairo_image_surface_get_width(a); ++x)
        worst = std::max(worst, wbtest::channel_distance(wbtest::pixel(a, x, y), wbtest::pixel(b, x, y)));
    CHECK(worst <= 24);  // the same discs, but for antialiasing at the rim
    // The last dot of each row is there: its centre has the dot's colour.
    CHECK(wbtest::pixel(a, int((12 + 5 * 17.5) * scale), int((12 + 15.25) * scale)) == 0xc62828);
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
  }
}

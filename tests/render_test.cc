// How scene::render turns shapes into cairo paths.
#include <catch2/catch.hpp>

#include <string>

#include "scene/render.h"
#include "scene/scene.h"

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

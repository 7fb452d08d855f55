// The same input gives byte-identical PNG, SVG and PDF files: twice in one
// process, from two threads, and from two separate wirebook processes.
#include <catch2/catch.hpp>

#include <ctime>
#include <algorithm>
#include <functional>
#include <map>
#include <thread>

#include "board/catalog.h"
#include "diagram/spec.h"
#include "draw/canvas.h"
#include "pinout/pinout.h"
#include "scene/render.h"
#include "site/diagrams.h"
#include "support.h"

using namespace wb;

namespace {
ResolvedBoard octopus(const std::string& spec, Catalog& c) {
  Diagnostics d;
  c = Catalog::load(wbtest::source(""), d);
  auto r = c.resolve(*parse_board_spec(spec), d);
  REQUIRE(r);
  return *r;
}
}  // namespace

TEST_CASE("rendering twice in one process gives identical bytes in every format", "[determinism]") {
  Catalog c;
  ResolvedBoard b = octopus("octopus-pro@v1.1", c);
  for (auto f : {draw::Format::Png, draw::Format::Svg, draw::Format::Pdf}) {
    INFO(draw::extension(f));
    std::string first = pinout::render(b, f, 1);
    std::string second = pinout::render(b, f, 1);
    CHECK(first.size() > 1000);
    CHECK(first == second);
  }
  CHECK(pinout::render(b, draw::Format::Png, 2) == pinout::render(b, draw::Format::Png, 2));
}

TEST_CASE("rendering from two threads at once gives the same bytes", "[determinism]") {
  Catalog c;
  ResolvedBoard b = octopus("octopus-pro@v1.0", c);
  std::string alone = pinout::render(b, draw::Format::Svg, 1);
  std::string a, bb;
  std::thread t1([&] { a = pinout::render(b, draw::Format::Svg, 1); });
  std::thread t2([&] { bb = pinout::render(b, draw::Format::Svg, 1); });
  t1.join();
  t2.join();
  CHECK(a == alone);
  CHECK(bb == alone);
}

TEST_CASE("two wirebook processes write identical files, with no dates inside", "[determinism]") {
  std::string dir = wbtest::temp_dir();
  // Today's date as PDF (D:YYYYMMDD) and ISO metadata would write it.
  char today_buf[16], iso_buf[16];
  std::time_t now = std::time(nullptr);
  std::strftime(today_buf, sizeof today_buf, "D:%Y%m%d", std::gmtime(&now));
  std::strftime(iso_buf, sizeof iso_buf, "%Y-%m-%d", std::gmtime(&now));
  std::string today = today_buf;
  for (const char* ext : {"png", "svg", "pdf"}) {
    INFO(ext);
    std::string a = dir + "/a." + ext, b = dir + "/b." + ext;
    for (const auto& out : {a, b}) {
      auto r = wbtest::run_wirebook({"render", "pinout", "octopus-pro@v1.1", "--root", wbtest::source(""), "--format",
                                     ext, "--scale", "2", "-o", out});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
    std::string first = wbtest::read_file(a);
    CHECK(first == wbtest::read_file(b));
    CHECK(first.find("CreationDate") == std::string::npos);
    CHECK(first.find("ModDate") == std::string::npos);
    CHECK(first.find(iso_buf) == std::string::npos);
    CHECK(first.find(today) == std::string::npos);
  }
  std::string png = wbtest::read_file(dir + "/a.png");
  CHECK(png.compare(1, 3, "PNG") == 0);
  CHECK(png.find("tIME") == std::string::npos);
  CHECK(wbtest::read_file(dir + "/a.pdf").rfind("%PDF-", 0) == 0);
  CHECK(wbtest::read_file(dir + "/a.svg").find("<svg") != std::string::npos);
}

namespace {
// Four of the project's diagrams of different kinds, each drawn on one
// canvas of `format` and `scale` with texts in `order`, then handed to
// check(scene, bytes).
void for_each_drawn_whole(draw::Format format, double scale, scene::TextOrder order,
                          const std::function<void(const scene::Scene&, const std::string&)>& check) {
  Diagnostics d;
  Catalog c = Catalog::load(wbtest::source(""), d);
  auto builds = diagram::load_builds(wbtest::source(""), c, d);
  REQUIRE(d.empty());
  site::DiagramService service(c, builds);
  for (const char* name : {"octopus-pro@v1.1/pinout", "voron24-octopus-pro-spi/wiring",
                           "voron24-octopus-pro-spi/jumpers-set", "voron24-octopus-pro-spi/harness-psu-power"}) {
    INFO(name);
    auto scene = service.layout(name, d);
    REQUIRE(scene);
    draw::Canvas whole(format, scene->width, scene->height, scale);
    whole.fill_background(scene->background);
    scene::draw(*scene, whole.cr(), order);
    check(*scene, whole.finish());
  }
}
}  // namespace

TEST_CASE("a PNG drawn a strip at a time is the image drawn whole", "[determinism][draw]") {
  // Strips skip what lies outside them; this proves nothing visible is lost.
  for (double scale : {1.0, 2.0})
    for_each_drawn_whole(draw::Format::Png, scale, scene::TextOrder::Scene, [&](const scene::Scene& scene, const std::string& whole) {
      CHECK(whole == scene::render(scene, draw::Format::Png, scale));
    });
}

TEST_CASE("an SVG drawn as two layers at once is the document drawn whole", "[determinism][draw]") {
  // Shapes and text are drawn on two cores and stacked; the bytes must not
  // depend on it.
  for_each_drawn_whole(draw::Format::Svg, 1, scene::TextOrder::ByColour, [](const scene::Scene& scene, const std::string& whole) {
    CHECK(whole.find("<use xlink:href=\"#glyph") != std::string::npos);
    CHECK(scene::render(scene, draw::Format::Svg) == whole);
  });
}

namespace {
// What an SVG from cairo paints with its glyphs: one line per glyph drawn,
// "fill|outline|x|y", sorted. Glyph ids are left out (they number glyphs in
// order of first use), their outlines are compared instead.
struct PaintedGlyphs {
  std::vector<std::string> glyphs;
  size_t groups = 0;   // <g> elements holding glyphs: one per cairo call
  std::string shapes;  // the document without its glyph definitions and uses, nor line breaks
};

// The value of attribute `name` in the element starting at `from`.
std::string attribute(const std::string& svg, size_t from, const std::string& name) {
  size_t at = svg.find(" " + name + "=\"", from) + name.size() + 3;
  return svg.substr(at, svg.find('"', at) - at);
}

// (libstdc++'s std::regex recurses per repetition and overflows the stack on
// documents this long, hence plain searching.)
PaintedGlyphs painted_glyphs(const std::string& svg) {
  PaintedGlyphs p;
  std::map<std::string, std::string> outline;
  std::string rest;
  size_t pos = 0;
  while (true) {
    size_t symbol = svg.find("<symbol ", pos), group = svg.find("<g style=\"fill:", pos);
    size_t next = std::min(symbol, group);
    if (next == std::string::npos) break;
    rest.append(svg, pos, next - pos);
    if (next == symbol) {
      size_t end = svg.find("</symbol>", symbol) + 9;
      outline[attribute(svg, symbol, "id")] = svg.find(" d=\"", symbol) < end ? attribute(svg, symbol, "d") : "";
      pos = svg.find_first_not_of(" \n", end);
      continue;
    }
    size_t body = svg.find('>', group) + 1, first_use = svg.find_first_not_of(" \n", body);
    if (svg.compare(first_use, 5, "<use ") != 0) {  // a group of shapes
      rest.append(svg, group, body - group);
      pos = body;
      continue;
    }
    ++p.groups;
    std::string fill = attribute(svg, group, "style");
    size_t end = svg.find("</g>", group);
    for (size_t u = svg.find("<use ", body); u < end; u = svg.find("<use ", u + 1)) {
      std::string id = attribute(svg, u, "xlink:href").substr(1);
      p.glyphs.push_back(fill + "|" + outline[id] + "|" + attribute(svg, u, "x") + "|" + attribute(svg, u, "y"));
    }
    pos = end + 4;
  }
  rest.append(svg, pos == std::string::npos ? svg.size() : pos);
  // Line breaks between elements follow the groups; only the elements count.
  for (char c : rest)
    if (c != '\n' && !(c == ' ' && (p.shapes.empty() || p.shapes.back() == '>'))) p.shapes += c;
  std::sort(p.glyphs.begin(), p.glyphs.end());
  return p;
}
}  // namespace

TEST_CASE("an SVG with its texts grouped by colour paints what one drawn text by text does", "[determinism][draw]") {
  // render() gathers the texts of a colour into a few cairo calls: the same
  // glyphs, outlines, places and colours, and the shapes unchanged.
  for_each_drawn_whole(draw::Format::Svg, 1, scene::TextOrder::Scene, [](const scene::Scene& scene, const std::string& one_by_one) {
    PaintedGlyphs expected = painted_glyphs(one_by_one), got = painted_glyphs(scene::render(scene, draw::Format::Svg));
    REQUIRE(expected.glyphs.size() > 100);
    CHECK(got.glyphs == expected.glyphs);
    CHECK(got.shapes == expected.shapes);
    CHECK(got.groups * 2 < expected.groups);  // far fewer cairo calls
  });
}

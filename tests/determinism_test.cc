// The same input gives byte-identical PNG, SVG and PDF files: twice in one
// process, from two threads, and from two separate wirebook processes.
#include <catch2/catch.hpp>

#include <ctime>
#include <functional>
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
// canvas of `format` and `scale`, then handed to check(scene, bytes).
void for_each_drawn_whole(draw::Format format, double scale,
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
    scene::draw(*scene, whole.cr());
    check(*scene, whole.finish());
  }
}
}  // namespace

TEST_CASE("a PNG drawn a strip at a time is the image drawn whole", "[determinism][draw]") {
  // Strips skip what lies outside them; this proves nothing visible is lost.
  for (double scale : {1.0, 2.0})
    for_each_drawn_whole(draw::Format::Png, scale, [&](const scene::Scene& scene, const std::string& whole) {
      CHECK(whole == scene::render(scene, draw::Format::Png, scale));
    });
}

TEST_CASE("an SVG drawn as two layers at once is the document drawn whole", "[determinism][draw]") {
  // Shapes and text are drawn on two cores and stacked; the bytes must not
  // depend on it.
  for_each_drawn_whole(draw::Format::Svg, 1, [](const scene::Scene& scene, const std::string& whole) {
    CHECK(whole.find("<use xlink:href=\"#glyph") != std::string::npos);
    CHECK(scene::render(scene, draw::Format::Svg) == whole);
  });
}
